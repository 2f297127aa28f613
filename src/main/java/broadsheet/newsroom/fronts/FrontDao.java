package broadsheet.newsroom.fronts;

import broadsheet.articles.ArticleStatus;
import broadsheet.fronts.FrontLayout;
import broadsheet.newsroom.fronts.FrontEditor.Breaking;
import broadsheet.newsroom.fronts.FrontEditor.Candidate;
import broadsheet.newsroom.fronts.FrontEditor.Item;
import broadsheet.newsroom.fronts.FrontEditor.Ref;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** The SQL of the fronts: which articles each holds in which order, and its version; inside the caller's handle. */
final class FrontDao {
    private FrontDao() {}

    /** How many articles each front holds, by key. */
    static Map<String, Integer> counts(Handle h) {
        return h
                .createQuery("select front, count(*) as n from front_items group by front")
                .map((rs, c) -> Map.entry(rs.getString("front"), rs.getInt("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** One front per section, in navigation order. */
    static List<Ref> sectionFronts(Handle h) {
        return h.createQuery("select id, slug, name from sections order by position, name")
                .map((rs, c) -> FrontEditor.section(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                .list();
    }

    /** The section front of this slug; when locking, a share lock on the section until the transaction ends. */
    static Optional<Ref> sectionFront(Handle h, String slug, boolean lock) {
        return h.createQuery("select id, slug, name from sections where slug = :s" + (lock ? " for share" : ""))
                .bind("s", slug)
                .map((rs, c) -> FrontEditor.section(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                .findOne();
    }

    static Optional<Integer> version(Handle h, String key) {
        return h.createQuery("select version from front_versions where front = :f")
                .bind("f", key)
                .mapTo(Integer.class)
                .findOne();
    }

    static List<Item> items(Handle h, String key) {
        return h.createQuery("""
                select a.id, a.headline, s.name as section, a.status, a.published_at
                  from front_items f join articles a on a.id = f.article_id join sections s on s.id = a.section_id
                 where f.front = :f order by f.position""")
                .bind("f", key)
                .map((rs, c) -> new Item(
                        rs.getLong("id"),
                        rs.getString("headline"),
                        rs.getString("section"),
                        rs.getString("status"),
                        ts(rs.getTimestamp("published_at"))))
                .list();
    }

    /** Published articles whose headline contains the words, newest first, leaving out those already on the front. */
    static List<Candidate> candidates(Handle h, String key, String q, int limit) {
        return h.createQuery("""
                select a.id, a.headline, s.name as section, a.published_at
                  from articles a join sections s on s.id = a.section_id
                 where a.status = :published and strpos(lower(a.headline), lower(:q)) > 0
                   and not exists (select 1 from front_items f where f.front = :f and f.article_id = a.id)
                 order by a.published_at desc, a.id desc limit :limit""")
                .bind("published", ArticleStatus.PUBLISHED)
                .bind("q", q)
                .bind("f", key)
                .bind("limit", limit)
                .map((rs, c) -> new Candidate(
                        rs.getLong("id"),
                        rs.getString("headline"),
                        rs.getString("section"),
                        ts(rs.getTimestamp("published_at"))))
                .list();
    }

    static Optional<ArticleStatus> articleStatus(Handle h, long articleId) {
        return h.createQuery("select status from articles where id = :id")
                .bind("id", articleId)
                .mapTo(ArticleStatus.class)
                .findOne();
    }

    static String headline(Handle h, long articleId) {
        return h.createQuery("select headline from articles where id = :id")
                .bind("id", articleId)
                .mapTo(String.class)
                .one();
    }

    /** Makes sure the front has a version row and locks it; returns the version. */
    static int lockVersion(Handle h, String key) {
        h.createUpdate("insert into front_versions (front) values (:f) on conflict do nothing")
                .bind("f", key)
                .execute();
        return h.createQuery("select version from front_versions where front = :f for update")
                .bind("f", key)
                .mapTo(Integer.class)
                .one();
    }

    static List<Long> articleIds(Handle h, String key) {
        return h.createQuery("select article_id from front_items where front = :f order by position")
                .bind("f", key)
                .mapTo(Long.class)
                .list();
    }

    /** Replaces the front's articles with these, in this order, and sets its version. */
    static void replace(Handle h, String key, List<Long> ids, int version) {
        h.createUpdate("delete from front_items where front = :f")
                .bind("f", key)
                .execute();
        var batch = h.prepareBatch("insert into front_items (front, position, article_id) values (:f, :p, :a)");
        for (int i = 0; i < ids.size(); i++)
            batch.bind("f", key).bind("p", i).bind("a", ids.get(i)).add();
        if (!ids.isEmpty()) batch.execute();
        h.createUpdate("update front_versions set version = :v where front = :f")
                .bind("v", version)
                .bind("f", key)
                .execute();
    }

    private static Instant ts(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    // --- layouts and breaking news (issue 13)

    static Optional<FrontLayout> layout(Handle h, String key) {
        return h.createQuery("select layout from front_versions where front = :f")
                .bind("f", key)
                .mapTo(FrontLayout.class)
                .findOne();
    }

    /** Sets the layout of a front whose version row the caller holds locked. */
    static void setLayout(Handle h, String key, FrontLayout layout, int version) {
        h.createUpdate("update front_versions set layout = :l, version = :v where front = :f")
                .bind("l", layout)
                .bind("v", version)
                .bind("f", key)
                .execute();
    }

    /** Stories marked breaking whose banner has not ended, newest mark first. */
    static List<Breaking> breaking(Handle h) {
        return h.createQuery("""
                select b.article_id, a.headline, s.name as section, b.expires_at
                  from breaking_news b join articles a on a.id = b.article_id join sections s on s.id = a.section_id
                 where b.expires_at is null or b.expires_at > now()
                 order by b.marked_at desc, b.article_id desc""")
                .map((rs, c) -> new Breaking(
                        rs.getLong("article_id"),
                        rs.getString("headline"),
                        rs.getString("section"),
                        ts(rs.getTimestamp("expires_at"))))
                .list();
    }

    /** The newest published articles, for choosing one to mark breaking. */
    static List<Candidate> newest(Handle h, int limit) {
        return h.createQuery("""
                select a.id, a.headline, s.name as section, a.published_at
                  from articles a join sections s on s.id = a.section_id
                 where a.status = :published order by a.published_at desc, a.id desc limit :limit""")
                .bind("published", ArticleStatus.PUBLISHED)
                .bind("limit", limit)
                .map((rs, c) -> new Candidate(
                        rs.getLong("id"),
                        rs.getString("headline"),
                        rs.getString("section"),
                        ts(rs.getTimestamp("published_at"))))
                .list();
    }

    /** Marks (or marks again, with a new end) a story breaking until {@code expiresAt} (null: until removed). */
    static void markBreaking(Handle h, long articleId, Instant expiresAt, long by) {
        h.createUpdate("""
                insert into breaking_news (article_id, marked_at, expires_at, marked_by) values (:a, now(), :e, :by)
                on conflict (article_id) do update
                   set marked_at = excluded.marked_at, expires_at = excluded.expires_at, marked_by = excluded.marked_by""")
                .bind("a", articleId)
                .bind("e", expiresAt == null ? null : Timestamp.from(expiresAt))
                .bind("by", by)
                .execute();
    }

    /** Ends a story's banner; false when it had none. */
    static boolean endBreaking(Handle h, long articleId) {
        return h.createUpdate("delete from breaking_news where article_id = :a")
                        .bind("a", articleId)
                        .execute()
                > 0;
    }
}
