package broadsheet.reads;

import broadsheet.articles.ArticleStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Article reads per article per hour: adding a node's buffered counts, the rankings, and the
 * newsroom's counts. Hours are UTC hours of the database's clock, so every node buckets alike.
 */
public final class ReadsDao {

    /** The start of the current UTC hour by the database's clock (the same for every node). */
    private static final String HOUR = "date_trunc('hour', now(), 'UTC')";

    /** An article's reads in a window, for the newsroom. */
    public record Count(long articleId, String headline, long reads) {}

    /** Published articles in order of reads: the whole site's first, and each section's. */
    public record Ranking(List<Long> site, Map<String, List<Long>> bySection) {
        public static final Ranking EMPTY = new Ranking(List.of(), Map.of());
    }

    /** One row of the ranking: an article's place on the site and in its section. */
    private record Ranked(long articleId, String sectionSlug, long overall, long inSection) {}

    private final Jdbi jdbi;

    public ReadsDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Adds counts to the current hour in one statement; ids that are not published articles are left
     * out. Rows are written in id order, so two nodes flushing at once cannot deadlock on each other.
     *
     * @return how many articles got reads
     */
    public int add(Map<Long, Integer> counts) {
        if (counts.isEmpty()) return 0;
        List<Long> ids = new ArrayList<>(counts.keySet());
        ids.sort(null);
        Integer[] n = ids.stream().map(counts::get).toArray(Integer[]::new);
        return jdbi.withHandle(h -> h.createUpdate("""
                insert into article_reads (article_id, hour, reads)
                select a.id, %s, x.n
                  from unnest(:ids, :n) as x (id, n)
                  join articles a on a.id = x.id and a.status = :published
                 where x.n > 0
                 order by a.id
                on conflict (article_id, hour) do update set reads = article_reads.reads + excluded.reads""".formatted(HOUR))
                .bind("published", ArticleStatus.PUBLISHED)
                .bind("ids", ids.toArray(Long[]::new))
                .bind("n", n)
                .execute());
    }

    /**
     * The most read published articles of the last 24 hours (this hour so far and the 23 before it):
     * the first {@code limit} of the site and of each section. Ties go to the newer article.
     */
    public Ranking ranking(int limit) {
        List<Ranked> rows = jdbi.withHandle(h -> h.createQuery("""
                with totals as (
                    select r.article_id, sum(r.reads) as reads
                      from article_reads r
                     where r.hour >= %s - interval '23 hours'
                     group by r.article_id
                ), ranked as (
                    select t.article_id, s.slug as section_slug,
                           row_number() over (order by t.reads desc, a.published_at desc, a.id desc) as overall,
                           row_number() over (partition by a.section_id
                                              order by t.reads desc, a.published_at desc, a.id desc) as in_section
                      from totals t
                      join articles a on a.id = t.article_id and a.status = :published
                      join sections s on s.id = a.section_id
                )
                select article_id, section_slug, overall, in_section
                  from ranked where overall <= :limit or in_section <= :limit
                 order by overall""".formatted(HOUR))
                .bind("published", ArticleStatus.PUBLISHED)
                .bind("limit", limit)
                .map((rs, ctx) -> new Ranked(
                        rs.getLong("article_id"),
                        rs.getString("section_slug"),
                        rs.getLong("overall"),
                        rs.getLong("in_section")))
                .list());
        List<Long> site = new ArrayList<>();
        Map<String, List<Long>> bySection = new LinkedHashMap<>();
        for (Ranked r : rows) {
            if (r.overall() <= limit) site.add(r.articleId());
            if (r.inSection() <= limit)
                bySection
                        .computeIfAbsent(r.sectionSlug(), k -> new ArrayList<>())
                        .add(r.articleId());
        }
        return new Ranking(List.copyOf(site), Map.copyOf(bySection));
    }

    /** The most read articles (in any state now) over the last {@code hours} hours, with their reads. */
    public List<Count> top(int hours, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                select a.id, a.headline, t.reads
                  from (select r.article_id, sum(r.reads) as reads
                          from article_reads r
                         where r.hour >= %s - make_interval(hours => :back)
                         group by r.article_id) t
                  join articles a on a.id = t.article_id
                 order by t.reads desc, a.id desc
                 limit :limit""".formatted(HOUR))
                .bind("back", hours - 1)
                .bind("limit", limit)
                .map((rs, ctx) -> new Count(rs.getLong("id"), rs.getString("headline"), rs.getLong("reads")))
                .list());
    }

    /** Reads of these articles over the last 24 hours; articles without any are left out. */
    public Map<Long, Long> lastDay(List<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        Map<Long, Long> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                select article_id, sum(reads) as reads from article_reads
                 where article_id in (<ids>) and hour >= %s - interval '23 hours'
                 group by article_id""".formatted(HOUR))
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong("article_id"), rs.getLong("reads")))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** Forgets hours older than 8 days (the newsroom looks back 7); returns the rows removed. */
    public int prune() {
        return jdbi.withHandle(
                h -> h.createUpdate("delete from article_reads where hour < %s - interval '8 days'".formatted(HOUR))
                        .execute());
    }
}
