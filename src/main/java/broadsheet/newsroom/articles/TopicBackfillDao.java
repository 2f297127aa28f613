package broadsheet.newsroom.articles;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The archive's articles for topic suggestions, a page at a time, and the version bump that records the change. */
public final class TopicBackfillDao {

    /** What the suggester reads of one article, and how many topics it has now. */
    public record Row(long id, String slug, String headline, String deck, String body, int topics) {}

    /**
     * Which articles: in a section (by slug), published or created since a time, only those with no
     * topics; any of them may be null or false for no limit.
     */
    public record Filter(String section, Instant since, boolean untaggedOnly) {}

    private final Jdbi jdbi;

    public TopicBackfillDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The next page of matching articles after this id, oldest id first. */
    public List<Row> page(Filter f, long afterId, int size) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select a.id, a.slug, a.headline, a.deck, a.body,
                               (select count(*) from article_topics x where x.article_id = a.id) as topics
                          from articles a
                         where a.id > :after
                           and (cast(:section as text) is null
                                or a.section_id = (select s.id from sections s where s.slug = :section))
                           and (cast(:since as timestamptz) is null
                                or coalesce(a.published_at, a.created_at) >= cast(:since as timestamptz))
                           and (not :untagged or not exists (select 1 from article_topics x where x.article_id = a.id))
                         order by a.id limit :size""")
                .bind("after", afterId)
                .bind("section", f.section())
                .bind("since", f.since() == null ? null : java.sql.Timestamp.from(f.since()))
                .bind("untagged", f.untaggedOnly())
                .bind("size", size)
                .map((rs, ctx) -> new Row(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("headline"),
                        rs.getString("deck"),
                        rs.getString("body"),
                        rs.getInt("topics")))
                .list());
    }

    /** How many articles match, for the progress line. */
    public long count(Filter f) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from articles a
                         where (cast(:section as text) is null
                                or a.section_id = (select s.id from sections s where s.slug = :section))
                           and (cast(:since as timestamptz) is null
                                or coalesce(a.published_at, a.created_at) >= cast(:since as timestamptz))
                           and (not :untagged or not exists (select 1 from article_topics x where x.article_id = a.id))""")
                .bind("section", f.section())
                .bind("since", f.since() == null ? null : java.sql.Timestamp.from(f.since()))
                .bind("untagged", f.untaggedOnly())
                .mapTo(Long.class)
                .one());
    }

    /** Whether a section has this slug (a mistyped --section names no article at all). */
    public boolean sectionExists(String slug) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from sections where slug = :s")
                        .bind("s", slug)
                        .mapTo(Integer.class)
                        .one())
                > 0;
    }

    /** The ids of the articles with these slugs that have no topics. */
    public List<Long> untaggedBySlug(List<String> slugs) {
        if (slugs.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("""
                        select a.id from articles a
                         where a.slug = any(:slugs)
                           and not exists (select 1 from article_topics x where x.article_id = a.id)
                         order by a.id""")
                .bind("slugs", slugs.toArray(String[]::new))
                .mapTo(Long.class)
                .list());
    }

    /** One article by id, as the suggester reads it. */
    public java.util.Optional<Row> one(long id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select a.id, a.slug, a.headline, a.deck, a.body,
                               (select count(*) from article_topics x where x.article_id = a.id) as topics
                          from articles a where a.id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> new Row(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("headline"),
                        rs.getString("deck"),
                        rs.getString("body"),
                        rs.getInt("topics")))
                .findOne());
    }

    /** Moves the article's version on (caches, feeds and search key on it); the time readers see as "updated" stays. */
    static int bumpVersion(Handle h, long id) {
        return h.createQuery("update articles set version = version + 1 where id = :id returning version")
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
    }
}
