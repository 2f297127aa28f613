package broadsheet.fronts;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Editor-chosen order of a front ("home" or "section:politics"). */
public final class FrontDao {
    private final Jdbi jdbi;

    public FrontDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Long> articleIds(String front) {
        return jdbi.withHandle(
                h -> h.createQuery("select article_id from front_items where front = :f order by position")
                        .bind("f", front)
                        .mapTo(Long.class)
                        .list());
    }
}
