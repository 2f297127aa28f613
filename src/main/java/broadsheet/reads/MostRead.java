package broadsheet.reads;

import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticleSummary;
import broadsheet.jobs.Repeating;
import broadsheet.web.PageCache;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The most read articles of the last 24 hours, for the whole site and each section, worked out off
 * the request path: a job reads the shared table every minute (so every node arrives at the same
 * lists) and pages render from the lists it keeps. When a list comes out different, the cached
 * pages that show it are dropped (by their surrogate keys), so cached pages stay cached and still
 * follow the ranking within a minute or two. Old hours are pruned by the same job, once an hour.
 */
public final class MostRead implements AutoCloseable {

    /** How many articles a list shows. */
    public static final int SHOWN = 5;

    /** The surrogate key of pages that show the site's list (the home page, every article page). */
    public static final String SITE_KEY = "most-read";

    /** The surrogate key of pages that show a section's list (its front). */
    public static String sectionKey(String sectionSlug) {
        return "most-read-" + sectionSlug;
    }

    private record Lists(List<ArticleSummary> site, Map<String, List<ArticleSummary>> bySection) {}

    private final ReadsDao reads;
    private final ArticleDao articles;
    private final PageCache cache;
    private final Repeating timer;
    private volatile Lists lists = new Lists(List.of(), Map.of());
    private Set<String> dropAgain = Set.of();
    private Instant lastPrune = Instant.EPOCH;

    public MostRead(ReadsDao reads, ArticleDao articles, PageCache cache) {
        this.reads = reads;
        this.articles = articles;
        this.cache = cache;
        this.timer = new Repeating("most-read", this::pass);
    }

    public MostRead start(Duration first, Duration every) {
        timer.start(first, every);
        return this;
    }

    /** The site's most read articles, most read first. */
    public List<ArticleSummary> site() {
        return lists.site();
    }

    /** A section's most read articles, most read first (empty when none were read). */
    public List<ArticleSummary> section(String sectionSlug) {
        return lists.bySection().getOrDefault(sectionSlug, List.of());
    }

    private void pass() {
        recompute();
        if (lastPrune.isBefore(Instant.now().minus(Duration.ofHours(1)))) {
            reads.prune();
            lastPrune = Instant.now();
        }
    }

    /**
     * Works the lists out afresh and drops the cached pages whose list changed. The lists hold whole
     * summaries, so an edited headline in a list also counts as a change.
     */
    public synchronized void recompute() {
        ReadsDao.Ranking r = reads.ranking(SHOWN);
        Set<Long> ids = new HashSet<>(r.site());
        r.bySection().values().forEach(ids::addAll);
        Map<Long, ArticleSummary> found = new LinkedHashMap<>();
        articles.byIds(List.copyOf(ids)).forEach(a -> found.put(a.id(), a));
        Map<String, List<ArticleSummary>> bySection = new LinkedHashMap<>();
        r.bySection().forEach((slug, list) -> bySection.put(slug, pick(list, found)));
        Lists next = new Lists(pick(r.site(), found), Map.copyOf(bySection));
        Lists before = lists;
        lists = next;

        Set<String> changed = new HashSet<>();
        if (!next.site().equals(before.site())) changed.add(SITE_KEY);
        Set<String> sections = new HashSet<>(before.bySection().keySet());
        sections.addAll(next.bySection().keySet());
        for (String s : sections) {
            if (!Objects.equals(before.bySection().get(s), next.bySection().get(s))) changed.add(sectionKey(s));
        }
        // A page that was being rendered from the old lists while they were swapped may have been stored
        // after the drop; dropping the same keys once more at the next pass removes such a page too.
        Set<String> drop = new HashSet<>(changed);
        drop.addAll(dropAgain);
        drop.forEach(cache::dropPages); // not content: the reads pages keep stay (see PageCache.dropPages)
        dropAgain = changed;
    }

    private static List<ArticleSummary> pick(List<Long> ids, Map<Long, ArticleSummary> found) {
        List<ArticleSummary> out = new ArrayList<>();
        for (Long id : ids) if (found.containsKey(id)) out.add(found.get(id));
        return List.copyOf(out);
    }

    @Override
    public void close() {
        timer.close();
    }
}
