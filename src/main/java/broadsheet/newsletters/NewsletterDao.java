package broadsheet.newsletters;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

public final class NewsletterDao {
    private final Jdbi jdbi;

    public NewsletterDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Newsletter> all() {
        return jdbi.withHandle(h -> h.createQuery(
                        "select id, slug, name, description, audience, schedule from newsletters order by name")
                .map((rs, ctx) -> new Newsletter(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list());
    }

    public Optional<Newsletter> byId(long id) {
        return all().stream().filter(n -> n.id() == id).findFirst();
    }

    public Optional<Newsletter> bySlug(String slug) {
        return all().stream().filter(n -> n.slug().equals(slug)).findFirst();
    }

    /** The promo an article shows when its body places none: a newsletter named for its section if there is one, else the first. */
    public static Optional<Newsletter> promoFor(List<Newsletter> all, String sectionSlug) {
        return all.stream()
                .filter(n -> n.slug().startsWith(sectionSlug))
                .findFirst()
                .or(() -> all.stream().findFirst());
    }
}
