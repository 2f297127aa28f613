package broadsheet.fronts;

import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticleSummary;
import broadsheet.articles.Kind;
import broadsheet.db.DbValue;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Reads a front for readers: its layout, pinned stories, the newest news and views, breaking stories. */
public final class FrontDao {

    static final List<Kind> VIEWS = List.of(Kind.OPINION, Kind.ANALYSIS);

    /**
     * Everything one front shows, as read in one statement.
     *
     * @param pinned the editor's published choices, in their order, at most the layout's slots
     * @param news the newest news not pinned, filling the slots left
     * @param views the newest opinion and analysis not pinned, for the rail
     * @param breaking live breaking stories, newest mark first
     * @param expires when the first breaking banner ends, or null
     * @param sections the home page's section blocks: each section's newest not on the front (home only)
     */
    public record Read(
            FrontLayout layout,
            List<ArticleSummary> pinned,
            List<ArticleSummary> news,
            List<ArticleSummary> views,
            List<ArticleSummary> breaking,
            Instant expires,
            Map<String, List<ArticleSummary>> sections) {}

    private record Row(int part, int ord, Instant expires, Instant marked, ArticleSummary a) {}

    private static final int PINNED = 0, NEWS = 1, RAIL = 2, BREAKING = 3, SECTIONS = 4;

    /**
     * The news part's limit is this constant, and the slots the pinned stories leave are counted
     * after it: a limit PostgreSQL cannot know when planning (slots minus pinned) made it expect a
     * tenth of the table and join every article's row (200 ms a front at 100,000 articles).
     */
    private static final int MOST_SLOTS = Arrays.stream(FrontLayout.values())
            .mapToInt(FrontLayout::slots)
            .max()
            .orElseThrow();

    private final Jdbi jdbi;

    public FrontDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A front in one statement (a round trip per part was most of a front's cost): {@code sectionId}
     * null for the home page, whose read also takes {@code perSection} newest of every section.
     */
    public Read read(String key, Long sectionId, int perSection) {
        String section = sectionId == null ? "" : " and a.section_id = :section";
        String slots = Arrays.stream(FrontLayout.values())
                .map(l -> "when '" + l.dbValue() + "' then " + l.slots())
                .collect(Collectors.joining(" ", "case (select layout from lay) ", " end"));
        String sql = """
                with lay as (select coalesce((select layout from front_versions where front = :f), :fallback) as layout),
                pinned as (select a.id, fi.position from front_items fi join articles a on a.id = fi.article_id
                            where fi.front = :f and %11$s order by fi.position limit (%1$s)),
                news as (select n.id, n.published_at from (
                           select a.id, a.published_at, row_number() over (order by a.published_at desc, a.id desc) as n
                             from articles a
                            where %11$s and a.kind not in (<views>)%2$s and a.id <> all(array(select id from pinned))
                            order by a.published_at desc, a.id desc limit %10$d) n
                          where n.n <= (%1$s) - (select count(*) from pinned)),
                rail as (select a.id from articles a
                          where %11$s and a.kind in (<views>)%2$s and a.id <> all(array(select id from pinned))
                          order by a.published_at desc, a.id desc limit %3$d),
                live as (select b.article_id as id, b.expires_at, b.marked_at from breaking_news b
                           join articles a on a.id = b.article_id
                          where %11$s and (b.expires_at is null or b.expires_at > now())%2$s),
                blocks as (%4$s),
                parts as (select %5$d as part, id, position as ord, null::timestamptz as expires_at, null::timestamptz as marked_at from pinned
                          union all select %6$d, id, 0, null, null from news
                          union all select %7$d, id, 0, null, null from rail
                          union all select %8$d, id, 0, expires_at, marked_at from live
                          union all select %9$d, id, 0, null, null from blocks)
                """.formatted(
                                slots,
                                section,
                                FrontLayout.RAIL,
                                sectionId != null || perSection <= 0
                                        ? "select null::bigint as id where false"
                                        : """
                                select x.id from sections sec cross join lateral (
                                  select a.id from articles a where %s and a.section_id = sec.id
                                     and a.id <> all(array(select id from pinned union all select id from news union all select id from rail))
                                   order by a.published_at desc, a.id desc limit %d) x""".formatted(ArticleDao.PUBLISHED, perSection),
                                PINNED,
                                NEWS,
                                RAIL,
                                BREAKING,
                                SECTIONS,
                                MOST_SLOTS,
                                ArticleDao.PUBLISHED)
                + ArticleDao.SUMMARY_COLUMNS.replaceFirst(
                        "select ",
                        "select fp.part, fp.ord, fp.expires_at, fp.marked_at, (select layout from lay) as front_layout, ")
                + " join parts fp on fp.id = a.id";
        FrontLayout[] layout = {FrontLayout.LEAD_PLUS_FOUR};
        List<Row> rows = jdbi.withHandle(h -> {
            var q = h.createQuery(sql)
                    .bind("f", key)
                    .bind("fallback", FrontLayout.LEAD_PLUS_FOUR.dbValue())
                    .bindList("views", VIEWS.stream().map(Kind::dbValue).toList());
            if (sectionId != null) q.bind("section", sectionId);
            return q.map((rs, ctx) -> {
                        layout[0] = DbValue.of(FrontLayout.class, rs.getString("front_layout"));
                        return new Row(
                                rs.getInt("part"),
                                rs.getInt("ord"),
                                instant(rs.getTimestamp("expires_at")),
                                instant(rs.getTimestamp("marked_at")),
                                ArticleDao.summary(rs, ctx));
                    })
                    .list();
        });
        Comparator<Row> newest = Comparator.comparing((Row r) -> r.a().publishedAt())
                .thenComparing(r -> r.a().id())
                .reversed();
        Map<String, List<ArticleSummary>> sections = new LinkedHashMap<>();
        rows.stream()
                .filter(r -> r.part() == SECTIONS)
                .sorted(newest)
                .forEach(r -> sections.computeIfAbsent(r.a().sectionSlug(), k -> new ArrayList<>())
                        .add(r.a()));
        return new Read(
                layout[0],
                part(rows, PINNED, Comparator.comparingInt(Row::ord)),
                part(rows, NEWS, newest),
                part(rows, RAIL, newest),
                part(
                        rows,
                        BREAKING,
                        Comparator.comparing(Row::marked)
                                .thenComparing(r -> r.a().id())
                                .reversed()),
                rows.stream()
                        .filter(r -> r.part() == BREAKING && r.expires() != null)
                        .map(Row::expires)
                        .min(Instant::compareTo)
                        .orElse(null),
                sections);
    }

    private static List<ArticleSummary> part(List<Row> rows, int part, Comparator<Row> order) {
        return rows.stream()
                .filter(r -> r.part() == part)
                .sorted(order)
                .map(Row::a)
                .toList();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
