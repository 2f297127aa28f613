package broadsheet.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How text becomes terms. Words: split on Unicode word boundaries, possessives dropped, lower-cased,
 * accents folded (Zoë = zoe), English stop words dropped, Porter-stemmed (ports = port). Names
 * (authors, topics) and the headline's exact words are only lower-cased and folded, for typo-tolerant
 * and prefix matching.
 */
final class Analyzers {

    private Analyzers() {}

    static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream t = new EnglishPossessiveFilter(source);
                t = new LowerCaseFilter(t);
                t = new ASCIIFoldingFilter(t);
                t = new StopFilter(t, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                t = new PorterStemFilter(t);
                return new TokenStreamComponents(source, t);
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    static Analyzer plain() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** The analyzer for the whole index: words everywhere but the plain fields. */
    static Analyzer perField() {
        Analyzer plain = plain();
        return new PerFieldAnalyzerWrapper(
                words(), Map.of(Fields.NAMES, plain, Fields.HEADLINE_PLAIN, plain, Fields.CREDIT, plain));
    }
}
