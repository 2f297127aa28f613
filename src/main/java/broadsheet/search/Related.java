package broadsheet.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * "Related" under an article: the published stories that share its topics (each shared topic counts
 * twice) and the words of its headline (in their headlines). What is found is kept in the
 * database for the article's version (V30), where the article's own query reads it: {@link RelatedJob}
 * works it out in the background for every published article (and again daily for recent ones), and a
 * render that comes before the job finds it itself, once, on one node for all; and per article here for
 * five minutes.
 */
public final class Related {

    public static final int SHOWN = 4;
    private static final Duration KEEP = Duration.ofMinutes(5);

    private static final org.apache.lucene.analysis.Analyzer WORDS = Analyzers.words();

    private final SearchEngine engine;
    private final RelatedDao stored;
    private final Cache<Long, List<Long>> cached =
            Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(KEEP).build();

    public Related(SearchEngine engine, org.jdbi.v3.core.Jdbi jdbi) {
        this.engine = engine;
        this.stored = new RelatedDao(jdbi);
    }

    SearchEngine engine() {
        return engine;
    }

    /**
     * The candidates for this version of an article: {@code kept} when the article's query found them
     * (non-null), otherwise found in the index now and kept for next time (not while the index is being
     * built or has yet to take the article in: then empty, and asked again on the next render).
     */
    public List<Long> candidates(long articleId, int version, Collection<String> topicSlugs, List<Long> kept) {
        if (kept != null) return kept;
        List<Long> found = cached.getIfPresent(articleId);
        if (found == null) {
            found = find(articleId, topicSlugs);
            if (found == null) return List.of();
            cached.put(articleId, found);
        }
        stored.store(articleId, version, found);
        return found;
    }

    /**
     * Whether {@link #candidates(long, int, Collection, List)} had this article's candidates to give
     * ({@code kept}, or found in the index), rather than empty for want of an index that has the article.
     */
    public boolean known(long articleId, List<Long> kept) {
        return kept != null || cached.getIfPresent(articleId) != null;
    }

    /**
     * Ids of related published articles, most related first, leaving out the article itself and
     * {@code linked} (what the page already links to). Empty while the index is being built.
     */
    public List<Long> of(long articleId, Collection<String> topicSlugs, Collection<Long> linked) {
        return shown(candidates(articleId, topicSlugs), linked);
    }

    /** Every candidate {@link #of} chooses from, most related first (a few times {@link #SHOWN}). */
    public List<Long> candidates(long articleId, Collection<String> topicSlugs) {
        List<Long> found = cached.getIfPresent(articleId);
        if (found != null) return found;
        found = find(articleId, topicSlugs);
        if (found == null) return List.of();
        cached.put(articleId, found);
        return found;
    }

    /** Loads the analyzers' classes (serve's start-up does, while its database starts: see cli/Warmup). */
    public static void warm() {
        Analyzers.perField().close();
    }

    /** What {@link #of} shows of these candidates: the first {@link #SHOWN} not in {@code linked}. */
    public static List<Long> shown(List<Long> candidates, Collection<Long> linked) {
        return candidates.stream().filter(i -> !linked.contains(i)).limit(SHOWN).toList();
    }

    /** The candidates found in the index, or null when the index is not there yet or lacks the article. */
    List<Long> find(long articleId, Collection<String> topicSlugs) {
        SearchIndex index = engine.index().orElse(null);
        if (index == null) return null;
        try {
            return index.read((searcher, state) -> find(searcher, articleId, topicSlugs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The candidates found by this searcher, or null when it lacks the article (package-visible for the
     * benchmark). The query is small on purpose: the article's topics (each shared one counts twice) and the
     * words of its headline matched in other headlines. MoreLikeThis over whole bodies found the same first
     * story on the demo paper, but at a million articles its 30 words matched in nearly every body cost
     * 0.7 s of CPU per article; this query costs a few milliseconds (docs/search.md).
     */
    static List<Long> find(IndexSearcher searcher, long articleId, Collection<String> topicSlugs) throws IOException {
        TopDocs self = searcher.search(new TermQuery(Documents.articleKey(articleId)), 1);
        if (self.scoreDocs.length == 0) return null;
        String headline =
                searcher.storedFields().document(self.scoreDocs[0].doc).get(Fields.HEADLINE);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String term : new LinkedHashSet<>(Queries.terms(WORDS, Fields.HEADLINE, headline)))
            b.add(new TermQuery(new Term(Fields.HEADLINE, term)), Occur.SHOULD);
        for (String t : topicSlugs) b.add(new BoostQuery(new TermQuery(new Term(Fields.TOPIC, t)), 2f), Occur.SHOULD);
        b.setMinimumNumberShouldMatch(1);
        // only articles have a status: no filter on the type is needed
        b.add(new TermQuery(new Term(Fields.STATUS, "published")), Occur.FILTER);
        b.add(new TermQuery(Documents.articleKey(articleId)), Occur.MUST_NOT);
        int n = SHOWN * 3;
        TopDocs top = searcher.search(b.build(), new TopScoreDocCollectorManager(n, n));
        return Documents.ids(searcher, top);
    }
}
