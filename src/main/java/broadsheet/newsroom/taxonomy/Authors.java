package broadsheet.newsroom.taxonomy;

import broadsheet.web.Form;
import broadsheet.web.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Authors: the names on bylines, each with a page, perhaps a portrait, perhaps a staff account. */
final class Authors implements Kind {

    /** How many photos the portrait select offers (the newest, plus the current portrait). */
    static final int PHOTO_CHOICES = 300;

    @Override
    public String noun() {
        return "author";
    }

    @Override
    public String plural() {
        return "authors";
    }

    @Override
    public String publicPath(String slug) {
        return Paths.author(slug);
    }

    @Override
    public List<String> fields() {
        return List.of("name", "slug", "title", "bio", "portrait", "user");
    }

    @Override
    public List<Entry> list(Handle h, String query, int limit) {
        return h.createQuery("""
                select a.id, a.name, a.slug, a.title, u.email,
                       (select count(*) from article_authors x where x.author_id = a.id)
                  from authors a left join users u on u.id = a.user_id
                 where :q = '' or strpos(lower(a.name), lower(:q)) > 0 or strpos(lower(a.slug), lower(:q)) > 0
                 order by a.name, a.id limit :limit""")
                .bind("q", query)
                .bind("limit", limit)
                .map((rs, c) -> {
                    List<String> detail = new ArrayList<>();
                    if (!rs.getString(4).isBlank()) detail.add(rs.getString(4));
                    if (rs.getString(5) != null) detail.add("staff account " + rs.getString(5));
                    return new Entry(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            String.join(" · ", detail),
                            rs.getInt(6),
                            publicPath(rs.getString(3)));
                })
                .list();
    }

    @Override
    public Optional<Form> load(Handle h, long id, boolean lock) {
        return h.createQuery(
                        "select name, slug, title, bio, portrait_photo_id, user_id, version from authors where id = :id"
                                + (lock ? " for update" : ""))
                .bind("id", id)
                .map((rs, c) -> Form.empty()
                        .set("name", rs.getString(1))
                        .set("slug", rs.getString(2))
                        .set("title", rs.getString(3))
                        .set("bio", rs.getString(4))
                        .set("portrait", rs.getObject(5) == null ? "" : String.valueOf(rs.getLong(5)))
                        .set("user", rs.getObject(6) == null ? "" : String.valueOf(rs.getLong(6)))
                        .set("version", String.valueOf(rs.getInt(7))))
                .findOne();
    }

    @Override
    public void check(Handle h, Form form, Long id) {
        Checks.trim(form, fields());
        Checks.text(form, "name", "a name", 120, true);
        Checks.slug(h, form, "authors", id);
        Checks.text(form, "title", "the title", 120, false);
        Checks.text(form, "bio", "the biography", 4000, false);
        Long photo = Checks.optionalId(form, "portrait", "Choose a photo from the list, or no portrait.");
        if (photo != null
                && h.createQuery("select count(*) from photos where id = :id")
                                .bind("id", photo)
                                .mapTo(Integer.class)
                                .one()
                        == 0) {
            form.error("portrait", "There is no photo number " + photo + ". Choose one from the list, or no portrait.");
        }
        Long user = Checks.optionalId(form, "user", "Choose a staff account from the list, or none.");
        if (user != null) {
            Optional<String> role = h.createQuery("select role from users where id = :id")
                    .bind("id", user)
                    .mapTo(String.class)
                    .findOne();
            Optional<String> other = h.createQuery("select name from authors where user_id = :u and id <> :id")
                    .bind("u", user)
                    .bind("id", id == null ? -1 : id)
                    .mapTo(String.class)
                    .findOne();
            if (role.isEmpty()) form.error("user", "That account no longer exists. Choose another, or none.");
            else if (role.get().equals("reader"))
                form.error("user", "Only contributors, editors and admins can be linked to an author.");
            else if (other.isPresent())
                form.error("user", "That account is already linked to the author “" + other.get() + "”.");
        }
    }

    @Override
    public long insert(Handle h, Form f) {
        return h.createQuery("""
                insert into authors (name, slug, title, bio, portrait_photo_id, user_id)
                values (:name, :slug, :title, :bio, :portrait, :user) returning id""").bindMap(values(f)).mapTo(Long.class).one();
    }

    @Override
    public void update(Handle h, long id, Form f) {
        h.createUpdate("""
                update authors set name = :name, slug = :slug, title = :title, bio = :bio, portrait_photo_id = :portrait,
                       user_id = :user, version = version + 1
                 where id = :id""").bindMap(values(f)).bind("id", id).execute();
    }

    private static java.util.Map<String, Object> values(Form f) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        for (String k : List.of("name", "slug", "title", "bio")) m.put(k, f.raw(k));
        m.put("portrait", f.raw("portrait").isEmpty() ? null : Long.parseLong(f.raw("portrait")));
        m.put("user", f.raw("user").isEmpty() ? null : Long.parseLong(f.raw("user")));
        return m;
    }

    @Override
    public int uses(Handle h, long id) {
        return h.createQuery("select count(*) from article_authors where author_id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one();
    }

    @Override
    public String inUse(String name, int uses) {
        return "“" + name + "” cannot be deleted: " + Catalog.articles(uses) + " on the byline. "
                + "Take them off those bylines first.";
    }

    @Override
    public void delete(Handle h, long id) {
        h.execute("delete from authors where id = ?", id);
    }

    @Override
    public Choices choices(Handle h, Long id) {
        List<Choice> photos = h.createQuery("""
                (select p.id, p.caption, p.credit, p.created_at from photos p order by p.created_at desc, p.id desc limit :n)
                union
                select p.id, p.caption, p.credit, p.created_at from photos p join authors a on a.portrait_photo_id = p.id where a.id = :author
                order by 4 desc, 1 desc""")
                .bind("n", PHOTO_CHOICES)
                .bind("author", id == null ? -1 : id)
                .map((rs, c) -> new Choice(
                        String.valueOf(rs.getLong(1)), photoLabel(rs.getLong(1), rs.getString(2), rs.getString(3))))
                .list();
        List<Choice> staff = h.createQuery("""
                select u.id, u.display_name, u.email, u.role from users u
                 where u.role <> 'reader' and not exists (select 1 from authors a where a.user_id = u.id and a.id <> :author)
                 order by u.display_name, u.email""")
                .bind("author", id == null ? -1 : id)
                .map((rs, c) -> new Choice(
                        String.valueOf(rs.getLong(1)),
                        (rs.getString(2).isBlank() ? rs.getString(3) : rs.getString(2) + " <" + rs.getString(3) + ">")
                                + " (" + rs.getString(4) + ")"))
                .list();
        return new Choices(photos, staff);
    }

    private static String photoLabel(long id, String caption, String credit) {
        String text =
                caption.isBlank() ? "no caption" : caption.length() > 70 ? caption.substring(0, 69) + "…" : caption;
        return "Photo " + id + ": " + text + (credit.isBlank() ? "" : " (" + credit + ")");
    }

    @Override
    public String fieldOf(String constraint) {
        return constraint != null && constraint.contains("user") ? "user" : "slug";
    }
}
