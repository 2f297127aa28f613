package broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * The one field a reader's words are ranked in ({@link Fields#RANK}): every word of the headline, deck,
 * body, bylines, topics and captions, each indexed once per article with a frequency that weighs where it
 * was found. BM25 over this one field then ranks a headline, topic or byline match above a body match, as
 * the six weighted fields did (each word scored by its best field), but each word is one term with one list
 * of postings, whose per-block best scores (impacts) are the best of those 128 articles: Lucene's skipping
 * can pass over articles that cannot make the page, which six weighted fields never let it do (a sparse
 * field's block promised its best score to thousands of articles).
 *
 * <p>BM25 saturates: a word's score grows ever less with its frequency, and no frequency scores more than
 * 2.2 times a single occurrence in an article of the same length. So a headline word counts as twelve body
 * words and a body word counts three times at most: a match in the headline outscores any number in the
 * body, as the headline's weight of 4 against the body's 1 did.
 */
final class RankField {

    /** How much one occurrence of a word counts, per field. */
    static final Map<String, Integer> WEIGHTS = Map.of(
            Fields.HEADLINE, 12,
            Fields.TOPICS, 9,
            Fields.BYLINES, 8,
            Fields.DECK, 6,
            Fields.BODY, 1,
            Fields.CAPTIONS, 1);

    /** How many occurrences of a word count at most, per field (two for the others). */
    private static final Map<String, Integer> CAPS = Map.of(Fields.BODY, 3, Fields.CAPTIONS, 1);

    static final FieldType TYPE = type();

    private static final Analyzer WORDS = Analyzers.words();

    private RankField() {}

    private static FieldType type() {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS); // frequencies given, no positions (phrases use the fields)
        t.setOmitNorms(false);
        t.freeze();
        return t;
    }

    /** The field for an article whose text fields (keys of {@link #WEIGHTS}) hold these texts. */
    static Field of(Map<String, String> texts) {
        Map<String, Integer> freq = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Map<String, Integer> here = new LinkedHashMap<>();
            for (String t : Queries.terms(WORDS, e.getKey(), e.getValue())) here.merge(t, 1, Integer::sum);
            int w = WEIGHTS.get(e.getKey());
            int cap = CAPS.getOrDefault(e.getKey(), 2);
            here.forEach((t, n) -> freq.merge(t, w * Math.min(n, cap), Integer::sum));
        }
        return new Field(Fields.RANK, new Weighted(freq), TYPE);
    }

    /** Each term once, carrying its weighted frequency. */
    private static final class Weighted extends TokenStream {
        private final Map<String, Integer> freq;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final TermFrequencyAttribute tf = addAttribute(TermFrequencyAttribute.class);
        private Iterator<Map.Entry<String, Integer>> next;

        Weighted(Map<String, Integer> freq) {
            this.freq = freq;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = freq.entrySet().iterator();
        }

        @Override
        public boolean incrementToken() {
            if (next == null) throw new UncheckedIOException(new IOException("reset() not called"));
            if (!next.hasNext()) return false;
            clearAttributes();
            Map.Entry<String, Integer> e = next.next();
            term.setEmpty().append(e.getKey());
            tf.setTermFrequency(e.getValue());
            return true;
        }
    }
}
