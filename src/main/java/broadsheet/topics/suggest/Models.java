package broadsheet.topics.suggest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * Apache OpenNLP's English models (Universal Dependencies, English Web Treebank): sentences, tokens
 * and parts of speech. They come from the class path (the {@code opennlp-models-*-en} artifacts in
 * the jar) or, when a folder is given and holds a file of the same name, from there; nothing is
 * downloaded. The models are immutable and shared; the taggers made from them are not thread-safe,
 * so each call makes its own (cheap: they only hold a reference to the model).
 */
public final class Models {

    static final String SENTENCES = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String TOKENS = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    static final String POS = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private final SentenceModel sentences;
    private final TokenizerModel tokens;
    private final POSModel pos;

    private Models(SentenceModel sentences, TokenizerModel tokens, POSModel pos) {
        this.sentences = sentences;
        this.tokens = tokens;
        this.pos = pos;
    }

    /** Loads the three models from the class path. */
    public static Models load() {
        return load(null);
    }

    /** Loads the three models, each from {@code dir} if it holds the file, else from the class path. */
    public static Models load(Path dir) {
        try {
            return new Models(
                    new SentenceModel(open(dir, SENTENCES)),
                    new TokenizerModel(open(dir, TOKENS)),
                    new POSModel(open(dir, POS)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the OpenNLP models", e);
        }
    }

    private static InputStream open(Path dir, String name) throws IOException {
        if (dir != null && Files.isRegularFile(dir.resolve(name))) return Files.newInputStream(dir.resolve(name));
        InputStream in = Models.class.getResourceAsStream("/" + name);
        if (in == null) throw new IOException(name + " is neither in the data folder nor on the class path");
        return in;
    }

    SentenceDetectorME sentenceDetector() {
        return new SentenceDetectorME(sentences);
    }

    TokenizerME tokenizer() {
        return new TokenizerME(tokens);
    }

    POSTaggerME tagger() {
        return new POSTaggerME(pos);
    }
}
