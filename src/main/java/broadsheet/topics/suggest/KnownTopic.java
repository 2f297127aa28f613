package broadsheet.topics.suggest;

import broadsheet.topics.TopicKind;
import java.util.List;

/**
 * A topic the paper already has, as the suggester's gazetteer sees it: its name and aliases to find
 * in the text, and how many articles carry it (the paper's past assignments, a small prior).
 */
public record KnownTopic(long id, String name, String slug, TopicKind kind, List<String> aliases, int uses) {
    public KnownTopic {
        aliases = List.copyOf(aliases);
    }
}
