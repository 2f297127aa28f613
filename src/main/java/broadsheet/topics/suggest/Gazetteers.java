package broadsheet.topics.suggest;

import java.util.List;
import java.util.Map;

/** Small helpers over lists of known topics. */
public final class Gazetteers {
    private Gazetteers() {}

    /** The same topics with their uses taken from a map by slug (0 when absent). */
    public static List<KnownTopic> withUses(List<KnownTopic> topics, Map<String, Integer> uses) {
        return topics.stream()
                .map(t -> new KnownTopic(
                        t.id(), t.name(), t.slug(), t.kind(), t.aliases(), uses.getOrDefault(t.slug(), 0)))
                .toList();
    }

    /** True when two names have the same words, ignoring case, punctuation and a final "s". */
    public static boolean sameName(String a, String b) {
        return Gazetteer.keys(a).equals(Gazetteer.keys(b));
    }
}
