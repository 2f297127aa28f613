package broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;

/** Readers' searches: published articles only, with facet counts, date filters, snippets and paging. */
public final class Search {

    public static final int PAGE_SIZE = 10;
    /**
     * Matches are counted exactly up to this many (and the best {@link #FACETED} of them hold the facet counts): past
     * it the engine skips what cannot make the page instead of scoring every match of a common word.
     */
    public static final int COUNTED = 1000;

    /**
     * The facets count among the best this many matches (all of them when there are fewer): finding the
     * best 1,000 by relevance took a phrase four times the CPU of finding the best 10 at a million articles.
     */
    public static final int FACETED = 100;

    /** One result: the article's id and a snippet of its text around the words searched for. */
    public record Hit(long id, List<Snippets.Part> snippet) {}

    public record FacetValue(String value, long count) {}

    /**
     * @param fuzzy     nothing matched as typed, so these are matches one or two letters away
     * @param facets    per dimension (section, author, topic, kind), the values with their counts
     */
    /**
     * @param total    how many articles match; when {@code atLeast}, at least that many (counting stops there)
     * @param facets   counts among the best {@link #FACETED} matches (all of them when there are fewer)
     */
    public record Results(
            long total, boolean atLeast, List<Hit> hits, Map<String, List<FacetValue>> facets, boolean fuzzy) {
        public static final Results NONE = new Results(0, false, List.of(), Map.of(), false);
    }

    /** The engine is still building this node's index. */
    public static final class NotReady extends RuntimeException {
        public NotReady() {
            super("Search is being prepared on this server. Please try again in a minute.", null, false, false);
        }
    }

    private final SearchEngine engine;

    public Search(SearchEngine engine) {
        this.engine = engine;
    }

    /** Published articles whose headline has the typed words, the last one possibly unfinished, newest first. */
    public List<Long> headlinesStartingWith(String typed, int n) {
        SearchIndex index = engine.index().orElseThrow(NotReady::new);
        Query prefix = headlinePrefix(typed);
        if (prefix == null) return List.of();
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(prefix, Occur.MUST);
        b.add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_ARTICLE)), Occur.FILTER);
        b.add(new TermQuery(new Term(Fields.STATUS, "published")), Occur.FILTER);
        Query q = b.build();
        try {
            return index.read((searcher, state) -> {
                TopDocs top = searcher.search(q, n, new Sort(new SortField(Fields.TIME, SortField.Type.LONG, true)));
                return Documents.ids(searcher, top);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Headlines with all the typed words, the last one possibly unfinished ("harbour bi"), or null. */
    private static Query headlinePrefix(String typed) {
        List<String> terms = Queries.terms(
                Analyzers.plain(),
                Fields.HEADLINE_PLAIN,
                String.join(" ", QueryText.parse(typed).words()));
        if (terms.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int i = 0; i < terms.size() - 1; i++)
            b.add(new TermQuery(new Term(Fields.HEADLINE_PLAIN, terms.get(i))), Occur.MUST);
        b.add(
                new org.apache.lucene.search.PrefixQuery(new Term(Fields.HEADLINE_PLAIN, terms.get(terms.size() - 1))),
                Occur.MUST);
        return b.build();
    }

    /**
     * The newsroom's search: ids of articles in any state whose words match, most relevant first (at most
     * {@code limit}). Of an article behind the paywall only its free part is indexed, here too.
     */
    public List<Long> newsroomMatches(String q, boolean publishedOnly, int limit) {
        // staff search right after saving: give this node up to a second to apply what was just written
        engine.awaitCaughtUp(java.time.Duration.ofSeconds(1));
        SearchIndex index = engine.index().orElseThrow(NotReady::new);
        Query words = Queries.text(QueryText.parse(q), Queries.FIELDS, false);
        Query prefix = headlinePrefix(q); // "harbour bi" while typing finds "Harbour bill"
        if (words == null && prefix == null) return List.of();
        BooleanQuery.Builder either = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        if (words != null) either.add(words, Occur.SHOULD);
        if (prefix != null) either.add(prefix, Occur.SHOULD);
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(either.build(), Occur.MUST);
        b.add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_ARTICLE)), Occur.FILTER);
        if (publishedOnly) b.add(new TermQuery(new Term(Fields.STATUS, "published")), Occur.FILTER);
        return ids(index, b.build(), limit);
    }

    /**
     * Photos found for some words, best first.
     *
     * @param fuzzy nothing matched as typed, so these are photos with words one or two letters away
     */
    public record PhotoMatches(List<Long> ids, boolean fuzzy) {}

    /**
     * The newsroom's photo library: ids of photos whose caption, alt text or credit has every word, best
     * first (ties: newest first), at most {@code limit}. When nothing matches as typed, words one or two
     * letters away are matched instead ("pelikan" finds pelican), as on the readers' page. Like the
     * article search, it first gives this node up to a second to apply what was just written, so a photo
     * uploaded or edited a moment ago is found.
     */
    public PhotoMatches photoMatches(String q, int limit) {
        engine.awaitCaughtUp(java.time.Duration.ofSeconds(1));
        SearchIndex index = engine.index().orElseThrow(NotReady::new);
        QueryText text = QueryText.parse(q);
        Query words = Queries.text(text, PHOTO_FIELDS, false);
        if (words == null) return new PhotoMatches(List.of(), false);
        List<Long> exact = ids(index, photos(words), limit, BEST_THEN_NEWEST);
        if (!exact.isEmpty() || text.words().isEmpty()) return new PhotoMatches(exact, false);
        List<Long> near = ids(index, photos(Queries.text(text, PHOTO_FIELDS, true)), limit, BEST_THEN_NEWEST);
        return new PhotoMatches(near, !near.isEmpty());
    }

    private static Query photos(Query words) {
        return new BooleanQuery.Builder()
                .add(words, Occur.MUST)
                .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PHOTO)), Occur.FILTER)
                .build();
    }

    /** Whether the words leave anything to search a photo's words for. */
    public static boolean photoSearchable(String q) {
        return Queries.text(QueryText.parse(q), PHOTO_FIELDS, false) != null;
    }

    /** A photo's searched words: caption and alt text (one field) and credit, alike. */
    private static final Map<String, Float> PHOTO_FIELDS = Map.of(Fields.CAPTIONS, 1f, Fields.CREDIT, 1f);

    private static final Sort BEST_THEN_NEWEST = new Sort(
            SortField.FIELD_SCORE,
            new SortField(Fields.TIME, SortField.Type.LONG, true),
            new SortField(Fields.ID, SortField.Type.LONG, true));

    private static List<Long> ids(SearchIndex index, Query q, int limit) {
        return ids(index, q, limit, null);
    }

    private static List<Long> ids(SearchIndex index, Query q, int limit, Sort sort) {
        try {
            return index.read((searcher, state) -> {
                TopDocs top = sort == null ? searcher.search(q, limit) : searcher.search(q, limit, sort);
                return Documents.ids(searcher, top);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean ready() {
        return engine.ready();
    }

    /** Whether the words leave anything to search for (not only stop words, symbols or exclusions). */
    public static boolean searchable(String q) {
        return Queries.text(QueryText.parse(q), Queries.FIELDS, false) != null;
    }

    public Results search(SearchRequest r, ZoneId zone, Instant now) {
        SearchIndex index = engine.index().orElseThrow(NotReady::new);
        try {
            return index.read((searcher, state) -> search(searcher, state, r, zone, now));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A reader's search against one searcher: as typed, and when nothing matches, again with every word
     * allowed one or two edits (package-visible for the benchmark's per-query CPU measurement).
     */
    static Results search(
            IndexSearcher searcher, SortedSetDocValuesReaderState state, SearchRequest r, ZoneId zone, Instant now)
            throws IOException {
        QueryText text = QueryText.parse(r.q());
        Query words = Queries.text(text, Queries.FIELDS, false, searcher.getIndexReader());
        if (words == null) return Results.NONE;
        Results found = run(searcher, state, r, words, Queries.text(text, SNIPPETS, false), zone, now, false);
        if (found.total() == 0 && !text.words().isEmpty())
            found = run(
                    searcher,
                    state,
                    r,
                    Queries.text(text, Queries.FIELDS, true),
                    Queries.text(text, SNIPPETS, true),
                    zone,
                    now,
                    true);
        return found;
    }

    /** The fields snippets are taken from, first that has the words first. */
    private static final String[] SNIPPET_FIELDS = {Fields.BODY, Fields.DECK, Fields.CAPTIONS};

    /**
     * The words in the snippets' fields only: what the highlighter looks for (given the whole query, with
     * every field's clauses and the names one letter away, it took several times as long: docs/search.md).
     */
    private static final Map<String, Float> SNIPPETS = Map.of(Fields.BODY, 1f, Fields.DECK, 1f, Fields.CAPTIONS, 1f);

    /**
     * One search against one searcher (package-visible for the benchmark's per-query CPU measurement).
     *
     * @param marked the words as the snippets mark them (null: nothing to mark)
     */
    static Results run(
            IndexSearcher searcher,
            SortedSetDocValuesReaderState state,
            SearchRequest r,
            Query words,
            Query marked,
            ZoneId zone,
            Instant now,
            boolean fuzzy)
            throws IOException {
        Query query = filtered(words, r, zone, now);
        int offset = (Math.min(r.page(), SearchRequest.MAX_PAGE) - 1) * PAGE_SIZE;
        Sort newest = new Sort(
                new SortField(Fields.TIME, SortField.Type.LONG, true),
                new SortField(Fields.ID, SortField.Type.LONG, true));
        // The best matches by relevance, found with skipping (block-max WAND) rather than by scoring every
        // match: they are the page's hits in relevance order, and the documents the facets count.
        int wanted = Math.max(FACETED, r.order() == SearchRequest.Order.NEWEST ? 0 : offset + PAGE_SIZE);
        TopDocs best = searcher.search(query, new TopScoreDocCollectorManager(wanted, COUNTED));
        TopDocs top = r.order() == SearchRequest.Order.NEWEST
                ? searcher.search(query, new TopFieldCollectorManager(newest, offset + PAGE_SIZE, COUNTED))
                : byScoreThenNewest(searcher, best, offset + PAGE_SIZE);
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        if (state != null) {
            SortedSetDocValuesFacetCounts counts =
                    new SortedSetDocValuesFacetCounts(state, collected(searcher, best, FACETED));
            for (String dim : List.of(
                    Documents.FACET_SECTION, Documents.FACET_KIND, Documents.FACET_AUTHOR, Documents.FACET_TOPIC)) {
                facets.put(dim, values(counts, dim));
            }
        }
        List<Hit> hits = hits(searcher, marked, top, offset);
        boolean atLeast = best.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
        return new Results(best.totalHits.value(), atLeast, hits, facets, fuzzy);
    }

    /** The first {@code n} of the best matches in the order readers see them: by score, the newer first when two score alike. */
    private static TopDocs byScoreThenNewest(IndexSearcher searcher, TopDocs best, int n) throws IOException {
        ScoreDoc[] docs = best.scoreDocs.clone();
        long[] time = new long[docs.length];
        var leaves = searcher.getIndexReader().leaves();
        for (int i = 0; i < docs.length; i++) {
            var leaf = leaves.get(ReaderUtil.subIndex(docs[i].doc, leaves));
            NumericDocValues t = DocValues.getNumeric(leaf.reader(), Fields.TIME);
            time[i] = t.advanceExact(docs[i].doc - leaf.docBase) ? t.longValue() : Long.MIN_VALUE;
        }
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(
                order,
                (a, b) -> docs[a].score != docs[b].score
                        ? Float.compare(docs[b].score, docs[a].score)
                        : Long.compare(time[b], time[a]));
        ScoreDoc[] sorted = new ScoreDoc[Math.min(n, docs.length)];
        for (int i = 0; i < sorted.length; i++) sorted[i] = docs[order[i]];
        return new TopDocs(best.totalHits, sorted);
    }

    /** The first {@code n} of the given documents as a facets collector would have gathered them, segment by segment. */
    private static FacetsCollector collected(IndexSearcher searcher, TopDocs docs, int n) throws IOException {
        int[] ids = new int[Math.min(n, docs.scoreDocs.length)];
        for (int i = 0; i < ids.length; i++) ids[i] = docs.scoreDocs[i].doc;
        java.util.Arrays.sort(ids);
        FacetsCollector fc = new FacetsCollector();
        var leaves = searcher.getIndexReader().leaves();
        int i = 0;
        for (var leaf : leaves) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            if (i >= ids.length || ids[i] >= end) continue;
            LeafCollector lc = fc.getLeafCollector(leaf);
            for (; i < ids.length && ids[i] < end; i++) lc.collect(ids[i] - leaf.docBase);
            lc.finish();
        }
        return fc;
    }

    private static List<FacetValue> values(SortedSetDocValuesFacetCounts counts, String dim) throws IOException {
        FacetResult fr;
        try {
            fr = counts.getTopChildren(
                    dim.equals(Documents.FACET_SECTION) || dim.equals(Documents.FACET_KIND) ? 20 : 10, dim);
        } catch (IllegalArgumentException notIndexedYet) {
            return List.of();
        }
        List<FacetValue> out = new ArrayList<>();
        if (fr != null) for (LabelAndValue lv : fr.labelValues) out.add(new FacetValue(lv.label, lv.value.longValue()));
        return out;
    }

    private static List<Hit> hits(IndexSearcher searcher, Query words, TopDocs top, int offset) throws IOException {
        ScoreDoc[] docs = top.scoreDocs;
        if (docs.length <= offset) return List.of();
        int[] ids = new int[docs.length - offset];
        for (int i = offset; i < docs.length; i++) ids[i - offset] = docs[i].doc;
        List<List<Snippets.Part>> snippets = words == null
                ? java.util.Collections.nCopies(ids.length, List.of())
                : Snippets.of(searcher, words, ids, SNIPPET_FIELDS);
        List<Hit> hits = new ArrayList<>();
        var leaves = searcher.getIndexReader().leaves();
        for (int i = 0; i < ids.length; i++) {
            // from doc values: reading the stored document would decompress its whole block of bodies
            var leaf = leaves.get(ReaderUtil.subIndex(ids[i], leaves));
            NumericDocValues id = DocValues.getNumeric(leaf.reader(), Fields.ID);
            if (!id.advanceExact(ids[i] - leaf.docBase)) throw new IllegalStateException("no id for " + ids[i]);
            hits.add(new Hit(id.longValue(), snippets.get(i)));
        }
        return hits;
    }

    /** The words, narrowed to published articles and to the request's filters. */
    static Query filtered(Query words, SearchRequest r, ZoneId zone, Instant now) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, Occur.MUST);
        // only articles have a status, so no filter on the type is needed (one less list of every article to walk)
        b.add(new TermQuery(new Term(Fields.STATUS, "published")), Occur.FILTER);
        if (!r.section().isEmpty()) b.add(new TermQuery(new Term(Fields.SECTION, r.section())), Occur.FILTER);
        if (!r.author().isEmpty()) b.add(new TermQuery(new Term(Fields.AUTHOR, r.author())), Occur.FILTER);
        if (!r.topic().isEmpty()) b.add(new TermQuery(new Term(Fields.TOPIC, r.topic())), Occur.FILTER);
        if (!r.kind().isEmpty()) b.add(new TermQuery(new Term(Fields.KIND, r.kind())), Occur.FILTER);
        long[] range = range(r, zone, now);
        if (range != null) b.add(LongPoint.newRangeQuery(Fields.TIME, range[0], range[1]), Occur.FILTER);
        return b.build();
    }

    /** The request's time window in epoch ms, inclusive, or null for any time. */
    static long[] range(SearchRequest r, ZoneId zone, Instant now) {
        Instant from = switch (r.when()) {
            case "day" -> now.minus(1, ChronoUnit.DAYS);
            case "week" -> now.minus(7, ChronoUnit.DAYS);
            case "month" -> now.atZone(zone).minusMonths(1).toInstant();
            case "year" -> now.atZone(zone).minusYears(1).toInstant();
            case "custom" ->
                r.from() == null ? null : r.from().atStartOfDay(zone).toInstant();
            default -> null;
        };
        Instant to = r.when().equals("custom") && r.to() != null
                ? r.to().plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1)
                : null;
        if (from == null && to == null) return null;
        return new long[] {
            from == null ? Long.MIN_VALUE : from.toEpochMilli(), to == null ? Long.MAX_VALUE : to.toEpochMilli()
        };
    }
}
