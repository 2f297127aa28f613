package broadsheet.newsroom.taxonomy;

import broadsheet.db.DbValue;
import broadsheet.newsroom.taxonomy.Kind.Entry;
import broadsheet.topics.TopicKind;
import broadsheet.web.Form;
import broadsheet.web.Paths;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of the newsroom's topics, each inside the caller's transaction. */
final class TopicCatalogDao {
    private TopicCatalogDao() {}

    static List<Entry> list(Handle h, String query, int limit) {
        return h.createQuery("""
                select t.id, t.name, t.slug, t.kind, (select count(*) from article_topics x where x.topic_id = t.id) as uses
                  from topics t
                 where :q = '' or strpos(lower(t.name), lower(:q)) > 0 or strpos(lower(t.slug), lower(:q)) > 0
                       or exists (select 1 from unnest(t.aliases) al where strpos(lower(al), lower(:q)) > 0)
                 order by t.name, t.id limit :limit""")
                .bind("q", query)
                .bind("limit", limit)
                .map((rs, c) -> new Entry(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("slug"),
                        DbValue.of(TopicKind.class, rs.getString("kind")).label(),
                        rs.getInt("uses"),
                        Paths.topic(rs.getString("slug"))))
                .list();
    }

    static Optional<Form> load(Handle h, long id, boolean lock) {
        return h.createQuery("select name, slug, kind, aliases, version from topics where id = :id"
                        + (lock ? " for update" : ""))
                .bind("id", id)
                .map((rs, c) -> Form.empty()
                        .set("name", rs.getString("name"))
                        .set("slug", rs.getString("slug"))
                        .set("kind", rs.getString("kind"))
                        .set("aliases", String.join(", ", (String[])
                                rs.getArray("aliases").getArray()))
                        .set("version", String.valueOf(rs.getInt("version"))))
                .findOne();
    }

    static long insert(Handle h, String name, String slug, TopicKind kind, List<String> aliases) {
        return h.createQuery(
                        "insert into topics (name, slug, kind, aliases) values (:name, :slug, :kind, :aliases) returning id")
                .bind("name", name)
                .bind("slug", slug)
                .bind("kind", kind)
                .bind("aliases", aliases.toArray(String[]::new))
                .mapTo(Long.class)
                .one();
    }

    static void update(Handle h, long id, String name, String slug, TopicKind kind, List<String> aliases) {
        h.createUpdate("""
                update topics set name = :name, slug = :slug, kind = :kind, aliases = :aliases, version = version + 1
                 where id = :id""")
                .bind("name", name)
                .bind("slug", slug)
                .bind("kind", kind)
                .bind("aliases", aliases.toArray(String[]::new))
                .bind("id", id)
                .execute();
    }

    static int uses(Handle h, long id) {
        return h.createQuery("select count(*) from article_topics where topic_id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
    }

    static void delete(Handle h, long id) {
        h.createUpdate("delete from topics where id = :id").bind("id", id).execute();
    }
}
