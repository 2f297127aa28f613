package broadsheet.newsroom;

import broadsheet.articles.ArticleStatus;
import broadsheet.db.DbValue;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** The SQL of the newsroom's home page. */
public final class NewsroomDao {

    private final Jdbi jdbi;

    public NewsroomDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** How many articles are in each status that has any, in the order of the statuses. */
    Map<ArticleStatus, Integer> countsByStatus() {
        return jdbi.withHandle(h -> {
            Map<ArticleStatus, Integer> counts = new TreeMap<>();
            h.createQuery("select status, count(*) as n from articles group by status")
                    .map((rs, c) -> Map.entry(DbValue.of(ArticleStatus.class, rs.getString("status")), rs.getInt("n")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }
}
