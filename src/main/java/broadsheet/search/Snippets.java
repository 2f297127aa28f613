package broadsheet.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets of the stored text around the query's words, as runs of plain text and marked matches.
 * They are never HTML: the template escapes every run, so neither a query nor an article can add markup.
 */
public final class Snippets {

    /** A run of snippet text; {@code mark} when it is one of the words searched for. */
    public record Part(String text, boolean mark) {}

    private static final int MAX_CHARS = 240;

    private Snippets() {}

    /** For each doc, the best passages of the first field in {@code fields} that has any, or an empty list. */
    static List<List<Part>> of(IndexSearcher searcher, Query query, int[] docs, String... fields) throws IOException {
        Highlighter h = new Highlighter(searcher);
        int[] passages = new int[fields.length];
        java.util.Arrays.fill(passages, 2);
        Map<String, Object[]> found = h.objects(fields, query, docs, passages);
        List<List<Part>> out = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            List<Part> parts = List.of();
            for (String f : fields) {
                Object o = found.get(f)[i];
                if (o instanceof List<?> l && !l.isEmpty()) {
                    @SuppressWarnings("unchecked")
                    List<Part> p = (List<Part>) l;
                    parts = p;
                    break;
                }
            }
            out.add(parts);
        }
        return out;
    }

    private static final class Highlighter extends UnifiedHighlighter {
        Highlighter(IndexSearcher searcher) {
            super(UnifiedHighlighter.builder(searcher, Analyzers.perField())
                    .withFormatter(new Formatter())
                    .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ENGLISH))
                    .withHandleMultiTermQuery(true)
                    .withHighlightPhrasesStrictly(true)
                    .withMaxNoHighlightPassages(0)
                    // Each searched word is marked wherever it is in the field, not only where the whole
                    // query matches within that one field: a hit whose body has one word and whose headline
                    // has the other still gets a snippet from its body (with Lucene's default, weight
                    // matches, it had none, and that was most two-word hits); words are then found by
                    // reading the analysed text once, without building an index of it per hit. Phrases are
                    // still marked only where the whole phrase is (highlight phrases strictly).
                    .withWeightMatches(false)
                    .withPassageRelevancyOverSpeed(false));
        }

        Map<String, Object[]> objects(String[] fields, Query query, int[] docs, int[] passages) throws IOException {
            return highlightFieldsAsObjects(fields, query, docs, passages);
        }
    }

    private static final class Formatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            List<Part> parts = new ArrayList<>();
            int length = 0;
            int lastEnd = 0;
            for (Passage p : passages) {
                if (length >= MAX_CHARS) break;
                if (p.getStartOffset() > lastEnd || (!parts.isEmpty() && p.getStartOffset() > 0))
                    parts.add(new Part("… ", false));
                int pos = p.getStartOffset();
                int end = Math.min(p.getEndOffset(), p.getStartOffset() + MAX_CHARS);
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int ms = p.getMatchStarts()[i];
                    int me = p.getMatchEnds()[i];
                    if (ms < pos || me > end) continue; // overlapping or cut off: left plain
                    if (ms > pos) parts.add(new Part(content.substring(pos, ms), false));
                    parts.add(new Part(content.substring(ms, me), true));
                    pos = me;
                }
                if (end > pos) parts.add(new Part(content.substring(pos, end), false));
                length += end - p.getStartOffset();
                lastEnd = end;
            }
            if (!parts.isEmpty() && lastEnd < content.strip().length()) parts.add(new Part(" …", false));
            return parts;
        }
    }
}
