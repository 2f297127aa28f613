package broadsheet.authors;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

public final class AuthorDao {
    private static final String COLUMNS = "select id, slug, name, title, bio, portrait_photo_id from authors";
    private final Jdbi jdbi;

    public AuthorDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Author> bySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " where slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> new Author(
                        rs.getLong("id"),
                        rs.getString("slug"),
                        rs.getString("name"),
                        rs.getString("title"),
                        rs.getString("bio"),
                        rs.getObject("portrait_photo_id", Long.class)))
                .findOne());
    }

    public List<String> slugs() {
        return jdbi.withHandle(h -> h.createQuery("select slug from authors order by slug")
                .mapTo(String.class)
                .list());
    }
}
