package broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns parsed query text into a Lucene query, field by field with boosts: every word must match in
 * some field (the best field counts most), phrases must match as phrases, excluded words and phrases
 * must not match anywhere. Person and topic names also match one typo away.
 */
final class Queries {

    /** The searched fields and their weights: a match in the headline or topics counts most, captions least. */
    static final Map<String, Float> FIELDS = Map.of(
            Fields.HEADLINE, 4f,
            Fields.TOPICS, 3f,
            Fields.BYLINES, 2.5f,
            Fields.DECK, 2f,
            Fields.BODY, 1f,
            Fields.CAPTIONS, 0.5f);

    /**
     * A word's score is its best field's alone. With any share of the other fields added (a tie-breaker),
     * Lucene cannot hand the fields the score a match must beat, and so scores every article that has the
     * word anywhere: at a million generated articles, where most have every common word in their body,
     * that made a one-word search several times slower.
     */
    private static final float TIE = 0f;

    private static final Analyzer WORDS = Analyzers.perField();
    private static final Analyzer PLAIN = Analyzers.plain();
    private static final QueryBuilder BUILDER = new QueryBuilder(WORDS);

    private Queries() {}

    /**
     * The text part of a query, or null when nothing searchable is left (only stop words or symbols).
     *
     * @param fuzzy also match words one or two edits away in every field (the retry when nothing matched)
     */
    static Query text(QueryText q, Map<String, Float> fields, boolean fuzzy) {
        return text(q, fields, fuzzy, null);
    }

    /**
     * As {@link #text(QueryText, Map, boolean)}; with {@code index}, a word that is in the index as typed
     * (in any searched field) is not also matched one edit away against names: "harbour" means harbour, and
     * only a word found nowhere ("Quil", "Hartly") is looked for among the names near it. That fuzzy match
     * was a fifth of the CPU of a two-word search at a million articles, and of its snippets.
     */
    static Query text(QueryText q, Map<String, Float> fields, boolean fuzzy, IndexReader index) {
        return text(q, fields, fuzzy, index, index != null && !fuzzy && fields == FIELDS);
    }

    /**
     * As {@link #text(QueryText, Map, boolean, IndexReader)}; {@code ranked}: each word is matched and scored
     * in the one field {@link Fields#RANK} (see {@link RankField}) instead of as its best of six weighted
     * fields (package-visible for the benchmark, which compares the two on one index).
     */
    static Query text(QueryText q, Map<String, Float> fields, boolean fuzzy, IndexReader index, boolean ranked) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int positive = 0;
        for (String w : q.words()) {
            Query one = ranked ? ranked(w, index) : word(w, fields, fuzzy, index);
            if (one != null) {
                b.add(one, Occur.MUST);
                positive++;
            }
        }
        for (String p : q.phrases()) {
            Query one = phrase(p, fields);
            if (one != null) {
                b.add(one, Occur.MUST);
                positive++;
            }
        }
        if (positive == 0) return null;
        for (String w : q.notWords()) {
            Query one = word(w, fields, false, null);
            if (one != null) b.add(one, Occur.MUST_NOT);
        }
        for (String p : q.notPhrases()) {
            Query one = phrase(p, fields);
            if (one != null) b.add(one, Occur.MUST_NOT);
        }
        return b.build();
    }

    private static Query word(String word, Map<String, Float> fields, boolean fuzzy, IndexReader index) {
        List<Query> perField = new ArrayList<>();
        for (Map.Entry<String, Float> f : fields.entrySet()) {
            Query q = BUILDER.createBooleanQuery(f.getKey(), word, Occur.MUST);
            if (q == null) continue;
            perField.add(new BoostQuery(q, f.getValue()));
            if (fuzzy) {
                for (String term : terms(WORDS, f.getKey(), word)) {
                    int edits = term.length() < 4 ? 0 : term.length() < 7 ? 1 : 2;
                    if (edits > 0)
                        perField.add(new BoostQuery(
                                new FuzzyQuery(new Term(f.getKey(), term), edits, 1), f.getValue() * 0.5f));
                }
            }
        }
        if (perField.isEmpty()) return null;
        if (fields.containsKey(Fields.BYLINES) && (index == null || !indexed(index, word, fields))) {
            // names: "Ada Quil" still finds Ada Quill; names are never stemmed, so the typed word is compared as is
            for (String term : terms(PLAIN, Fields.NAMES, word)) {
                if (term.length() >= 4)
                    perField.add(new BoostQuery(new FuzzyQuery(new Term(Fields.NAMES, term), 1, 1), 1.5f));
            }
        }
        return new DisjunctionMaxQuery(perField, TIE);
    }

    /**
     * A word as its terms in {@link Fields#RANK}; a word that is nowhere in the index as typed is also
     * matched one edit away against names, as in {@link #word}.
     */
    private static Query ranked(String word, IndexReader index) {
        Query q = BUILDER.createBooleanQuery(Fields.RANK, word, Occur.MUST);
        if (q == null) return null;
        if (indexed(index, word, Map.of(Fields.RANK, 1f))) return q;
        List<Query> either = new ArrayList<>(List.of(q));
        for (String term : terms(PLAIN, Fields.NAMES, word)) {
            if (term.length() >= 4)
                either.add(new BoostQuery(new FuzzyQuery(new Term(Fields.NAMES, term), 1, 1), 1.5f));
        }
        return either.size() == 1 ? q : new DisjunctionMaxQuery(either, TIE);
    }

    /** Whether every term the word makes in some field is in that field of the index. */
    private static boolean indexed(IndexReader index, String word, Map<String, Float> fields) {
        try {
            for (String f : fields.keySet()) {
                List<String> terms = terms(WORDS, f, word);
                boolean all = !terms.isEmpty();
                for (String t : terms) all &= index.docFreq(new Term(f, t)) > 0;
                if (all) return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query phrase(String phrase, Map<String, Float> fields) {
        List<Query> perField = new ArrayList<>();
        for (Map.Entry<String, Float> f : fields.entrySet()) {
            Query q = BUILDER.createPhraseQuery(f.getKey(), phrase);
            if (q != null) perField.add(new BoostQuery(q, f.getValue()));
        }
        return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, TIE);
    }

    /** The terms an analyzer makes of some text. */
    static List<String> terms(Analyzer a, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream(field, text)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(t.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
