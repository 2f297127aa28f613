package broadsheet.newsletters;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The newsletters themselves: reading them, and the newsroom's writes of their definitions. */
public final class NewsletterDao {

    /** What the newsroom edits of a newsletter. */
    public record Definition(String name, String slug, String description, String schedule, String audience) {}

    private final Jdbi jdbi;

    public NewsletterDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Newsletter> all() {
        return jdbi.withHandle(h -> h.createQuery(
                        "select id, slug, name, description, audience, schedule from newsletters order by name")
                .map((rs, ctx) -> new Newsletter(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getString("audience"),
                        rs.getString("schedule")))
                .list());
    }

    public Optional<Newsletter> byId(long id) {
        return all().stream().filter(n -> n.id() == id).findFirst();
    }

    public Optional<Newsletter> bySlug(String slug) {
        return all().stream().filter(n -> n.slug().equals(slug)).findFirst();
    }

    public Optional<Definition> definition(long id) {
        return jdbi.withHandle(
                h -> h.createQuery("select name, slug, description, schedule, audience from newsletters where id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> new Definition(
                                rs.getString("name"),
                                rs.getString("slug"),
                                rs.getString("description"),
                                rs.getString("schedule"),
                                rs.getString("audience")))
                        .findOne());
    }

    /** Whether a newsletter other than {@code exceptId} (null: any) uses the slug. */
    public static boolean slugTaken(Handle h, String slug, Long exceptId) {
        return h.createQuery("select exists (select 1 from newsletters where slug = :s and id <> :id)")
                .bind("s", slug)
                .bind("id", exceptId == null ? -1 : exceptId)
                .mapTo(Boolean.class)
                .one();
    }

    public static long insert(Handle h, Definition d) {
        return h.createUpdate(
                        "insert into newsletters (slug, name, description, schedule, audience) values (:s, :n, :d, :sc, :a)")
                .bind("s", d.slug())
                .bind("n", d.name())
                .bind("d", d.description())
                .bind("sc", d.schedule())
                .bind("a", d.audience())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** Returns false when there is no such newsletter. */
    public static boolean update(Handle h, long id, Definition d) {
        return h.createUpdate(
                                "update newsletters set slug = :s, name = :n, description = :d, schedule = :sc, audience = :a where id = :id")
                        .bind("s", d.slug())
                        .bind("n", d.name())
                        .bind("d", d.description())
                        .bind("sc", d.schedule())
                        .bind("a", d.audience())
                        .bind("id", id)
                        .execute()
                > 0;
    }

    /** The promo an article shows when its body places none: a newsletter named for its section if there is one, else the first. */
    public static Optional<Newsletter> promoFor(List<Newsletter> all, String sectionSlug) {
        return all.stream()
                .filter(n -> n.slug().startsWith(sectionSlug))
                .findFirst()
                .or(() -> all.stream().findFirst());
    }
}
