package broadsheet.newsroom.taxonomy;

import broadsheet.newsroom.taxonomy.Kind.Entry;
import broadsheet.web.Form;
import broadsheet.web.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of the newsroom's authors, each inside the caller's transaction. */
final class AuthorCatalogDao {
    private AuthorCatalogDao() {}

    /** A photo an author's portrait may be. */
    record PhotoChoice(long id, String caption, String credit) {}

    /** A staff account an author may be linked to. */
    record StaffChoice(long id, String displayName, String email, String role) {}

    static List<Entry> list(Handle h, String query, int limit) {
        return h.createQuery("""
                select a.id, a.name, a.slug, a.title, u.email,
                       (select count(*) from article_authors x where x.author_id = a.id) as uses
                  from authors a left join users u on u.id = a.user_id
                 where :q = '' or strpos(lower(a.name), lower(:q)) > 0 or strpos(lower(a.slug), lower(:q)) > 0
                 order by a.name, a.id limit :limit""")
                .bind("q", query)
                .bind("limit", limit)
                .map((rs, c) -> {
                    List<String> detail = new ArrayList<>();
                    if (!rs.getString("title").isBlank()) detail.add(rs.getString("title"));
                    if (rs.getString("email") != null) detail.add("staff account " + rs.getString("email"));
                    return new Entry(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.getString("slug"),
                            String.join(" · ", detail),
                            rs.getInt("uses"),
                            Paths.author(rs.getString("slug")));
                })
                .list();
    }

    static Optional<Form> load(Handle h, long id, boolean lock) {
        return h.createQuery(
                        "select name, slug, title, bio, portrait_photo_id, user_id, version from authors where id = :id"
                                + (lock ? " for update" : ""))
                .bind("id", id)
                .map((rs, c) -> Form.empty()
                        .set("name", rs.getString("name"))
                        .set("slug", rs.getString("slug"))
                        .set("title", rs.getString("title"))
                        .set("bio", rs.getString("bio"))
                        .set(
                                "portrait",
                                rs.getObject("portrait_photo_id") == null
                                        ? ""
                                        : String.valueOf(rs.getLong("portrait_photo_id")))
                        .set("user", rs.getObject("user_id") == null ? "" : String.valueOf(rs.getLong("user_id")))
                        .set("version", String.valueOf(rs.getInt("version"))))
                .findOne();
    }

    static boolean photoExists(Handle h, long id) {
        return h.createQuery("select count(*) from photos where id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    /** The account's role as stored ("reader", "editor", ...), if the account exists. */
    static Optional<String> accountRole(Handle h, long userId) {
        return h.createQuery("select role from users where id = :id")
                .bind("id", userId)
                .mapTo(String.class)
                .findOne();
    }

    /** The name of another author than {@code id} linked to the account, if there is one. */
    static Optional<String> linkedAuthor(Handle h, long userId, Long id) {
        return h.createQuery("select name from authors where user_id = :u and id <> :id")
                .bind("u", userId)
                .bind("id", id == null ? -1 : id)
                .mapTo(String.class)
                .findOne();
    }

    static long insert(Handle h, Form f) {
        return h.createQuery("""
                insert into authors (name, slug, title, bio, portrait_photo_id, user_id)
                values (:name, :slug, :title, :bio, :portrait, :user) returning id""").bindMap(values(f)).mapTo(Long.class).one();
    }

    static void update(Handle h, long id, Form f) {
        h.createUpdate("""
                update authors set name = :name, slug = :slug, title = :title, bio = :bio, portrait_photo_id = :portrait,
                       user_id = :user, version = version + 1
                 where id = :id""").bindMap(values(f)).bind("id", id).execute();
    }

    /** The checked form's values, the ids as numbers or null. */
    private static Map<String, Object> values(Form f) {
        Map<String, Object> m = new HashMap<>();
        for (String k : List.of("name", "slug", "title", "bio")) m.put(k, f.raw(k));
        m.put("portrait", f.raw("portrait").isEmpty() ? null : Long.parseLong(f.raw("portrait")));
        m.put("user", f.raw("user").isEmpty() ? null : Long.parseLong(f.raw("user")));
        return m;
    }

    static int uses(Handle h, long id) {
        return h.createQuery("select count(*) from article_authors where author_id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
    }

    static void delete(Handle h, long id) {
        h.createUpdate("delete from authors where id = :id").bind("id", id).execute();
    }

    /** The newest photos, and the author's current portrait whatever its age, newest first. */
    static List<PhotoChoice> portraitChoices(Handle h, Long authorId, int newest) {
        return h.createQuery("""
                (select p.id, p.caption, p.credit, p.created_at from photos p order by p.created_at desc, p.id desc limit :n)
                union
                select p.id, p.caption, p.credit, p.created_at from photos p join authors a on a.portrait_photo_id = p.id where a.id = :author
                order by created_at desc, id desc""")
                .bind("n", newest)
                .bind("author", authorId == null ? -1 : authorId)
                .map((rs, c) -> new PhotoChoice(rs.getLong("id"), rs.getString("caption"), rs.getString("credit")))
                .list();
    }

    /** Staff accounts not linked to another author than this one. */
    static List<StaffChoice> staffChoices(Handle h, Long authorId) {
        return h.createQuery("""
                select u.id, u.display_name, u.email, u.role from users u
                 where u.role <> 'reader' and not exists (select 1 from authors a where a.user_id = u.id and a.id <> :author)
                 order by u.display_name, u.email""")
                .bind("author", authorId == null ? -1 : authorId)
                .map((rs, c) -> new StaffChoice(
                        rs.getLong("id"), rs.getString("display_name"), rs.getString("email"), rs.getString("role")))
                .list();
    }
}
