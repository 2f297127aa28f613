package broadsheet.search;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

/**
 * The CPU time of one whole reader's search ({@code Search.search}: the query, facet counts, snippets) on one
 * thread, per kind of query as bench-search draws them (words from the same lists, names from the index's
 * bylines), on a node's index folder, without a server or a database. Run one jar and then another on the
 * same index, alternately, to compare code on a loaded machine (CPU time is less disturbed by other work
 * than wall time):
 *
 * <pre>java -cp target/broadsheet-tools.jar broadsheet.search.SearchCpuBench DATA_DIR/search 3 [two,name] [ab]</pre>
 *
 * With {@code ab} (the kinds then given, or {@code ""} for all), each query runs both ways on the same index,
 * alternately: its words matched in six weighted fields (base) and in the one ranking field (rank).
 */
public final class SearchCpuBench {

    private SearchCpuBench() {}

    // the words bench-data writes the archive with, as bench-search asks them
    private static final String[] ADJ = broadsheet.tools.BenchWords.ADJECTIVES;
    private static final String[] NOUN = broadsheet.tools.BenchWords.NOUNS;

    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        int rounds = Integer.parseInt(a[1]);
        String only = a.length > 2 ? a[2] : "";
        Path current = Files.isRegularFile(dir.resolve("current"))
                ? dir.resolve(Files.readString(dir.resolve("current")).strip())
                : dir;
        DirectoryReader reader = DirectoryReader.open(FSDirectory.open(current));
        IndexSearcher searcher = new IndexSearcher(reader);
        SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, Documents.FACETS);
        Random rnd = new Random(11);
        // author names from stored bylines
        List<String> names = new ArrayList<>();
        var stored = searcher.storedFields();
        while (names.size() < 200) {
            int d = rnd.nextInt(reader.maxDoc());
            var f = stored.document(d).get(Fields.BYLINES);
            if (f != null && !f.isBlank()) names.add(f.split(", ")[0]);
        }
        List<String> sections = new ArrayList<>();
        var fr = new org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts(state)
                .getTopChildren(50, "section");
        for (var lv : fr.labelValues) sections.add(lv.label);
        LocalDate newest = LocalDate.of(2026, 12, 7);
        Map<String, List<SearchRequest>> kinds = new LinkedHashMap<>();
        int each = 30;
        kinds.put("word", make(each, () -> req(pick(rnd, NOUN), "", "", null)));
        kinds.put("two", make(each, () -> req(pick(rnd, ADJ) + " " + pick(rnd, NOUN), "", "", null)));
        kinds.put("phrase", make(each, () -> req("\"" + pick(rnd, ADJ) + " " + pick(rnd, NOUN) + "\"", "", "", null)));
        kinds.put("name", make(each, () -> req(names.get(rnd.nextInt(names.size())), "", "", null)));
        kinds.put(
                "misspelt",
                make(
                        each,
                        () -> req(
                                broadsheet.tools.BenchSearchQueries.misspell(names.get(rnd.nextInt(names.size())), rnd),
                                "",
                                "",
                                null)));
        kinds.put(
                "faceted",
                make(each, () -> req(pick(rnd, NOUN), sections.get(rnd.nextInt(sections.size())), "analysis", null)));
        kinds.put("dated", make(each, () -> req(pick(rnd, NOUN), "", "", newest.minusDays(30 + rnd.nextInt(900)))));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Instant now = Instant.parse("2026-12-07T20:00:00Z");
        // warm up
        for (int w = 0; w < 3; w++)
            for (var e : kinds.entrySet())
                for (SearchRequest r : e.getValue()) Search.search(searcher, state, r, ZoneOffset.UTC, now);
        StringBuilder out = new StringBuilder();
        if (a.length > 3 && a[3].equals("ab")) {
            compare(searcher, state, kinds, only, rounds, now, out);
            kinds = Map.of();
        }
        for (var e : kinds.entrySet()) {
            if (!only.isEmpty() && !Arrays.asList(only.split(",")).contains(e.getKey())) continue;
            List<SearchRequest> qs = e.getValue();
            long[] t = new long[qs.size() * rounds];
            int k = 0;
            long total = 0;
            for (int r = 0; r < rounds; r++)
                for (SearchRequest q : qs) {
                    long c0 = cpu.getCurrentThreadCpuTime();
                    var res = Search.search(searcher, state, q, ZoneOffset.UTC, now);
                    t[k++] = cpu.getCurrentThreadCpuTime() - c0;
                    total += res.total();
                }
            Arrays.sort(t);
            out.append(String.format(
                    java.util.Locale.ROOT,
                    "%-9s p50 %6.2f ms  p90 %6.2f ms  mean %6.2f ms (hits %d)%n",
                    e.getKey(),
                    t[t.length / 2] / 1e6,
                    t[t.length * 9 / 10] / 1e6,
                    Arrays.stream(t).average().orElse(0) / 1e6,
                    total / rounds));
        }
        System.out.print(out.append("load average after: ")
                .append(Files.readString(Path.of("/proc/loadavg")).strip())
                .append('\n'));
        reader.close();
    }

    /**
     * Each query's words matched in the six weighted fields (base) and in the one ranking field (rank),
     * alternately query by query on the same index, with how many of the first page's hits the two share.
     */
    private static void compare(
            IndexSearcher searcher,
            SortedSetDocValuesReaderState state,
            Map<String, List<SearchRequest>> kinds,
            String only,
            int rounds,
            Instant now,
            StringBuilder out)
            throws java.io.IOException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (var e : kinds.entrySet()) {
            if (!only.isEmpty() && !Arrays.asList(only.split(",")).contains(e.getKey())) continue;
            List<SearchRequest> qs = e.getValue();
            long[][] t = new long[2][qs.size() * rounds];
            int k = 0;
            long shared = 0;
            long shown = 0;
            long[] inHeadline = new long[2];
            long[] inByline = new long[2];
            for (int r = 0; r < rounds; r++)
                for (SearchRequest q : qs) {
                    Search.Results[] res = new Search.Results[2];
                    for (int v = 0; v < 2; v++) {
                        int which = (k + v) % 2; // alternate which goes first
                        long c0 = cpu.getCurrentThreadCpuTime();
                        res[which] = search(searcher, state, q, now, which == 1);
                        t[which][k] = cpu.getCurrentThreadCpuTime() - c0;
                    }
                    k++;
                    for (int v = 0; v < 2; v++)
                        for (Search.Hit h : res[v].hits()) {
                            inHeadline[v] += has(searcher, h.id(), Fields.HEADLINE, q.q());
                            inByline[v] += has(searcher, h.id(), Fields.BYLINES, q.q());
                        }
                    var ids = res[0].hits().stream().map(Search.Hit::id).toList();
                    shown += ids.size();
                    shared += res[1].hits().stream()
                            .filter(h -> ids.contains(h.id()))
                            .count();
                }
            for (int v = 0; v < 2; v++) {
                Arrays.sort(t[v]);
                out.append(String.format(
                        java.util.Locale.ROOT,
                        "%-9s %-5s p50 %6.2f ms  p90 %6.2f ms  mean %6.2f ms%n",
                        e.getKey(),
                        v == 0 ? "base" : "rank",
                        t[v][t[v].length / 2] / 1e6,
                        t[v][t[v].length * 9 / 10] / 1e6,
                        Arrays.stream(t[v]).average().orElse(0) / 1e6));
            }
            out.append(String.format(
                    java.util.Locale.ROOT,
                    "%-9s first page shared %d of %d; every word in the headline: base %d, rank %d;"
                            + " in the bylines: base %d, rank %d%n",
                    e.getKey(),
                    shared,
                    shown,
                    inHeadline[0],
                    inHeadline[1],
                    inByline[0],
                    inByline[1]));
        }
    }

    /** 1 when the article's field has every word of the query (as typed, ignoring case and quotes), else 0. */
    private static int has(IndexSearcher searcher, long id, String field, String q) throws java.io.IOException {
        var top = searcher.search(new org.apache.lucene.search.TermQuery(Documents.articleKey(id)), 1);
        if (top.scoreDocs.length == 0) return 0;
        String text = searcher.storedFields().document(top.scoreDocs[0].doc).get(field);
        if (text == null) return 0;
        text = text.toLowerCase(java.util.Locale.ROOT);
        for (String w : q.replace("\"", "").toLowerCase(java.util.Locale.ROOT).split(" +"))
            if (!text.contains(w)) return 0;
        return 1;
    }

    /** As Search.search, with the words matched either way. */
    private static Search.Results search(
            IndexSearcher searcher, SortedSetDocValuesReaderState state, SearchRequest r, Instant now, boolean ranked)
            throws java.io.IOException {
        QueryText text = QueryText.parse(r.q());
        var snippets = Map.of(Fields.BODY, 1f, Fields.DECK, 1f, Fields.CAPTIONS, 1f);
        var words = Queries.text(text, Queries.FIELDS, false, searcher.getIndexReader(), ranked);
        if (words == null) return Search.Results.NONE;
        var found =
                Search.run(searcher, state, r, words, Queries.text(text, snippets, false), ZoneOffset.UTC, now, false);
        if (found.total() == 0 && !text.words().isEmpty())
            found = Search.run(
                    searcher,
                    state,
                    r,
                    Queries.text(text, Queries.FIELDS, true),
                    Queries.text(text, snippets, true),
                    ZoneOffset.UTC,
                    now,
                    true);
        return found;
    }

    static SearchRequest req(String q, String section, String kind, LocalDate from) {
        return new SearchRequest(
                q,
                SearchRequest.Order.RELEVANCE,
                section,
                "",
                "",
                kind,
                from == null ? "" : "custom",
                from,
                from == null ? null : from.plusMonths(1),
                1);
    }

    static String pick(Random r, String[] s) {
        return s[r.nextInt(s.length)];
    }

    static List<SearchRequest> make(int n, java.util.function.Supplier<SearchRequest> s) {
        List<SearchRequest> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(s.get());
        return l;
    }
}
