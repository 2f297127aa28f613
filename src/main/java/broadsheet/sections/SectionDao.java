package broadsheet.sections;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

public final class SectionDao {
    private static final String COLUMNS = "select id, slug, name, description, position from sections";
    private final Jdbi jdbi;

    public SectionDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Section> all() {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " order by position, name")
                .map((rs, ctx) -> new Section(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getInt("position")))
                .list());
    }

    public Optional<Section> bySlug(String slug) {
        return all().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }
}
