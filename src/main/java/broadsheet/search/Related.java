package broadsheet.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * "Related" under an article: the published stories most like it by their words (MoreLikeThis over
 * headline, deck, body and topics) with a boost for each topic they share. What is found is kept in the
 * database for the article's version (V30), where the article's own query reads it: {@link RelatedJob}
 * works it out in the background for every published article (and again daily for recent ones), and a
 * render that comes before the job finds it itself, once, on one node for all; and per article here for
 * five minutes.
 */
public final class Related {

    public static final int SHOWN = 4;
    private static final Duration KEEP = Duration.ofMinutes(5);

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
            return index.read((searcher, state) -> {
                TopDocs self = searcher.search(new TermQuery(Documents.articleKey(articleId)), 1);
                if (self.scoreDocs.length == 0) return null;
                MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
                mlt.setAnalyzer(Analyzers.perField());
                mlt.setFieldNames(new String[] {Fields.HEADLINE, Fields.DECK, Fields.BODY, Fields.TOPICS});
                mlt.setMinTermFreq(1);
                mlt.setMinDocFreq(1);
                mlt.setMaxQueryTerms(30);
                mlt.setMaxDocFreqPct(50); // words in most articles say nothing about this one
                mlt.setMinWordLen(3);
                mlt.setBoost(true);
                // the article's most telling words, then matched in any of the text fields (MoreLikeThis's own
                // query would match each word only in the field it came from: a headline word in headlines)
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (String term : mlt.retrieveInterestingTerms(self.scoreDocs[0].doc)) {
                    List<Query> fields = new ArrayList<>();
                    for (String f : List.of(Fields.HEADLINE, Fields.DECK, Fields.BODY, Fields.TOPICS))
                        fields.add(new TermQuery(new Term(f, term)));
                    b.add(new org.apache.lucene.search.DisjunctionMaxQuery(fields, 0.1f), Occur.SHOULD);
                }
                for (String t : topicSlugs)
                    b.add(new BoostQuery(new TermQuery(new Term(Fields.TOPIC, t)), 2f), Occur.SHOULD);
                b.setMinimumNumberShouldMatch(1);
                b.add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_ARTICLE)), Occur.FILTER);
                b.add(new TermQuery(new Term(Fields.STATUS, "published")), Occur.FILTER);
                b.add(new TermQuery(Documents.articleKey(articleId)), Occur.MUST_NOT);
                TopDocs top = searcher.search(b.build(), SHOWN * 3);
                return Documents.ids(searcher, top);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
