package broadsheet.search;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/** Every query search makes: the change log, what an article or photo puts in the index, names for facets. */
public final class SearchDao {

    /** One row of the change log: an article or a photo (the other is null) changed. */
    public record Change(long id, Long articleId, Long photoId) {}

    private static final String ARTICLES = """
            select a.id, a.slug, a.headline, a.deck, a.body, a.kind, a.status, a.access, a.published_at, a.updated_at,
                   a.created_by, s.slug as section_slug, s.name as section_name,
                   array(select au.slug from article_authors aa join authors au on au.id = aa.author_id
                          where aa.article_id = a.id order by aa.position, au.name) as author_slugs,
                   array(select au.name from article_authors aa join authors au on au.id = aa.author_id
                          where aa.article_id = a.id order by aa.position, au.name) as author_names,
                   array(select au.user_id from article_authors aa join authors au on au.id = aa.author_id
                          where aa.article_id = a.id and au.user_id is not null) as author_users,
                   array(select t.slug from article_topics at join topics t on t.id = at.topic_id
                          where at.article_id = a.id order by at.position, t.name) as topic_slugs,
                   array(select trim(t.name || ' ' || array_to_string(t.aliases, ' '))
                           from article_topics at join topics t on t.id = at.topic_id
                          where at.article_id = a.id order by at.position, t.name) as topic_names,
                   array(select trim(p.caption || ' ' || p.credit || ' ' || p.alt_text) from photos p
                          where p.id = a.lead_photo_id
                             or p.id in (select ap.photo_id from article_photos ap where ap.article_id = a.id)) as captions,
                   array(select c.body from corrections c where c.article_id = a.id order by c.created_at, c.id) as corrections
              from articles a join sections s on s.id = a.section_id
            """;

    private final Jdbi jdbi;

    public SearchDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The same queries on one connection the caller holds (the search follower's own, so that applying a
     * change never waits for the pool behind the node's requests); closing a handle leaves it open.
     */
    SearchDao on(java.sql.Connection c) {
        return new SearchDao(broadsheet.db.Database.configure(Jdbi.create(new org.jdbi.v3.core.ConnectionFactory() {
            @Override
            public java.sql.Connection openConnection() {
                return c;
            }

            @Override
            public void closeConnection(java.sql.Connection toClose) {}
        })));
    }

    /** Subscribes this (dedicated, long-held) connection to the channel's notifications. */
    static void listen(java.sql.Connection c, String channel) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("listen " + channel);
        }
    }

    /** Changes after {@code after} not already applied, oldest first. */
    public List<Change> changesAfter(long after, Collection<Long> skip, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select id, article_id, photo_id from search_changes"
                        + " where id > :after and id <> all(:skip) order by id limit " + limit)
                .bind("after", after)
                .bind("skip", skip.toArray(Long[]::new))
                .map((rs, ctx) -> new Change(rs.getLong("id"), (Long) rs.getObject("article_id", Long.class), (Long)
                        rs.getObject("photo_id", Long.class)))
                .list());
    }

    /** The newest change id (0 with none): where a fresh index starts following the log. */
    public long lastChange() {
        return jdbi.withHandle(h -> h.createQuery("select coalesce(max(id), 0) as id from search_changes")
                .map((rs, ctx) -> rs.getLong("id"))
                .one());
    }

    /** Forgets changes older than the given time (every index newer than that has applied them). */
    public int prune(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("delete from search_changes where changed_at < :before")
                .bind("before", Timestamp.from(before))
                .execute());
    }

    public List<ArticleDoc> articles(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery(ARTICLES + " where a.id in (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> article(rs))
                .list());
    }

    /** Every article after the given id, in id order, a batch at a time (a rebuild). */
    public void eachArticle(int batch, Consumer<List<ArticleDoc>> sink) {
        long after = 0;
        while (true) {
            long from = after;
            List<ArticleDoc> rows =
                    jdbi.withHandle(h -> h.createQuery(ARTICLES + " where a.id > :after order by a.id limit " + batch)
                            .bind("after", from)
                            .map((rs, ctx) -> article(rs))
                            .list());
            if (rows.isEmpty()) return;
            sink.accept(rows);
            after = rows.get(rows.size() - 1).id();
        }
    }

    public long articleCount() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) as n from articles")
                .map((rs, ctx) -> rs.getLong("n"))
                .one());
    }

    public List<PhotoDoc> photos(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbi.withHandle(
                h -> h.createQuery("select id, caption, credit, alt_text, created_at from photos where id in (<ids>)")
                        .bindList("ids", List.copyOf(ids))
                        .map((rs, ctx) -> photo(rs))
                        .list());
    }

    public void eachPhoto(int batch, Consumer<List<PhotoDoc>> sink) {
        long after = 0;
        while (true) {
            long from = after;
            List<PhotoDoc> rows = jdbi.withHandle(h -> h.createQuery(
                            "select id, caption, credit, alt_text, created_at from photos where id > :after order by id limit "
                                    + batch)
                    .bind("after", from)
                    .map((rs, ctx) -> photo(rs))
                    .list());
            if (rows.isEmpty()) return;
            sink.accept(rows);
            after = rows.get(rows.size() - 1).id();
        }
    }

    /** Display names of facet values: "author:ada-quill" -> "Ada Quill", for sections, authors and topics. */
    public Map<String, String> names(Collection<String> authorSlugs, Collection<String> topicSlugs) {
        return jdbi
                .withHandle(h -> h.createQuery("""
                        select 'section:' || slug as k, name from sections
                        union all select 'author:' || slug, name from authors where slug = any(:authors)
                        union all select 'topic:' || slug, name from topics where slug = any(:topics)""")
                        .bind("authors", authorSlugs.toArray(String[]::new))
                        .bind("topics", topicSlugs.toArray(String[]::new))
                        .map((rs, ctx) -> Map.entry(rs.getString("k"), rs.getString("name")))
                        .list())
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** Authors and topics whose name or alias starts with the typed words (suggestions). */
    public List<Named> namesStartingWith(String prefix, int limit) {
        String p = prefix.toLowerCase(java.util.Locale.ROOT);
        return jdbi.withHandle(h -> h.createQuery("""
                        (select 'topic' as kind, slug, name from topics
                          where starts_with(lower(name), :p) or strpos(lower(name), ' ' || :p) > 0
                             or exists (select 1 from unnest(aliases) al where starts_with(lower(al), :p))
                          order by name limit :n)
                        union all
                        (select 'author', slug, name from authors
                          where starts_with(lower(name), :p) or strpos(lower(name), ' ' || :p) > 0
                          order by name limit :n)""")
                .bind("p", p)
                .bind("n", limit)
                .map((rs, ctx) -> new Named(rs.getString("kind"), rs.getString("slug"), rs.getString("name")))
                .list());
    }

    public record Named(String kind, String slug, String name) {}

    private static ArticleDoc article(ResultSet rs) throws SQLException {
        return new ArticleDoc(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("headline"),
                rs.getString("deck"),
                rs.getString("body"),
                rs.getString("kind"),
                rs.getString("status"),
                rs.getString("access"),
                ts(rs, "published_at"),
                ts(rs, "updated_at"),
                (Long) rs.getObject("created_by", Long.class),
                rs.getString("section_slug"),
                rs.getString("section_name"),
                strings(rs.getArray("author_slugs")),
                strings(rs.getArray("author_names")),
                Arrays.stream((Long[]) rs.getArray("author_users").getArray()).toList(),
                strings(rs.getArray("topic_slugs")),
                strings(rs.getArray("topic_names")),
                strings(rs.getArray("captions")),
                strings(rs.getArray("corrections")));
    }

    private static PhotoDoc photo(ResultSet rs) throws SQLException {
        return new PhotoDoc(
                rs.getLong("id"),
                rs.getString("caption"),
                rs.getString("credit"),
                rs.getString("alt_text"),
                ts(rs, "created_at"));
    }

    private static List<String> strings(Array a) throws SQLException {
        return Arrays.asList((String[]) a.getArray());
    }

    private static Instant ts(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
