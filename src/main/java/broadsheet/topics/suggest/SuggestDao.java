package broadsheet.topics.suggest;

import broadsheet.db.DbValue;
import broadsheet.topics.TopicKind;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The suggester's SQL: the paper's topics with their aliases and how many articles carry each. */
public final class SuggestDao {
    private final Jdbi jdbi;

    public SuggestDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<KnownTopic> known() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select t.id, t.name, t.slug, t.kind, t.aliases,
                               (select count(*) from article_topics x where x.topic_id = t.id) as uses
                          from topics t order by t.id""")
                .map((rs, ctx) -> new KnownTopic(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("slug"),
                        DbValue.of(TopicKind.class, rs.getString("kind")),
                        Arrays.asList((String[]) rs.getArray("aliases").getArray()),
                        rs.getInt("uses")))
                .list());
    }
}
