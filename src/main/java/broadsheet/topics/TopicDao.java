package broadsheet.topics;

import broadsheet.db.DbValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

public final class TopicDao {
    private final Jdbi jdbi;

    public TopicDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Topic> bySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("select id, slug, name, kind, aliases from topics where slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> new Topic(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("name"),
                        DbValue.of(TopicKind.class, rs.getString("kind")),
                        Arrays.asList((String[]) rs.getArray("aliases").getArray())))
                .findOne());
    }

    public List<String> slugs() {
        return jdbi.withHandle(h -> h.createQuery("select slug from topics order by slug")
                .mapTo(String.class)
                .list());
    }
}
