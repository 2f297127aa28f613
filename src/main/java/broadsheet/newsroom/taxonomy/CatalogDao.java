package broadsheet.newsroom.taxonomy;

import java.util.Locale;
import org.jdbi.v3.core.Handle;

/** SQL the kinds share, inside the caller's transaction. */
final class CatalogDao {
    private CatalogDao() {}

    /** The tables of the kinds, each with a unique slug. */
    enum Table {
        SECTIONS,
        AUTHORS,
        TOPICS;

        String sql() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** "section" */
        String noun() {
            return sql().substring(0, sql().length() - 1);
        }
    }

    /** Whether another row of the table than {@code id} has this slug. */
    static boolean slugTaken(Handle h, Table table, String slug, Long id) {
        return h.createQuery("select count(*) from " + table.sql() + " where slug = :s and id <> :id")
                        .bind("s", slug)
                        .bind("id", id == null ? -1 : id)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }
}
