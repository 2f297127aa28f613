package broadsheet.topics.suggest;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Suggestions for an article being written: the suggester over the paper's current topics, leaving
 * out what the article already has. The models are loaded on first use (about a second), not at
 * start-up, so a node that never suggests never pays for them.
 */
public final class TopicSuggestions {

    private final SuggestDao dao;
    private final java.nio.file.Path modelDir;
    private volatile Suggester suggester;

    /** @param modelDir a folder that may hold newer model files of the same names (may be null) */
    public TopicSuggestions(SuggestDao dao, java.nio.file.Path modelDir) {
        this.dao = dao;
        this.modelDir = modelDir;
    }

    public Suggester suggester() {
        Suggester s = suggester;
        if (s == null) {
            synchronized (this) {
                if (suggester == null) suggester = new Suggester(Models.load(modelDir));
                s = suggester;
            }
        }
        return s;
    }

    /**
     * @param chosen the ids of topics the article already has
     * @param typed the new topics already typed ("Name (kind)" or names), left out by name
     */
    public List<Suggestion> suggest(
            String headline, String deck, String body, Collection<Long> chosen, List<String> typed) {
        return suggest(headline, deck, body, chosen, typed, known());
    }

    /** The paper's topics with their aliases and uses, for many articles in a row (the archive's run). */
    public List<KnownTopic> known() {
        return dao.known();
    }

    /** As above, over topics read before ({@link #known()}). */
    public List<Suggestion> suggest(
            String headline,
            String deck,
            String body,
            Collection<Long> chosen,
            List<String> typed,
            List<KnownTopic> known) {
        Set<String> names = typed.stream()
                .map(t -> t.replaceAll("\\([^)]*\\)\\s*$", "").strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return suggester().suggest(headline, deck, body, known).stream()
                .filter(s ->
                        s.isNew() ? !names.contains(s.name().toLowerCase(Locale.ROOT)) : !chosen.contains(s.topicId()))
                .toList();
    }
}
