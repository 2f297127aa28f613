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
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), (Long)
                                rs.getObject(6)))
                .findOne());
    }

    public List<String> slugs() {
        return jdbi.withHandle(h -> h.createQuery("select slug from authors order by slug")
                .mapTo(String.class)
                .list());
    }
}
