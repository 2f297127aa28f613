package broadsheet.topics.suggest;

import broadsheet.topics.TopicKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The paper's topics as word sequences to look for: each topic's name and aliases, and for a person
 * whose name has two words or more, the surname alone when capitalized ("Marchbank" for "Celia
 * Marchbank"), unless two people share it or it is another topic's name.
 */
final class Gazetteer {

    /** A sequence that names a topic; {@code capital} when only a capitalized first word counts. */
    record Term(KnownTopic topic, boolean capital) {}

    private final Map<String, Term> terms = new HashMap<>();
    private final int longest;

    Gazetteer(List<KnownTopic> topics) {
        Map<String, KnownTopic> full = new HashMap<>();
        int max = 1;
        for (KnownTopic t : topics) {
            List<String> names = new ArrayList<>();
            names.add(t.name());
            names.addAll(t.aliases());
            for (String n : names) {
                List<String> keys = keys(n);
                if (keys.isEmpty()) continue;
                full.putIfAbsent(String.join(" ", keys), t);
                max = Math.max(max, keys.size());
            }
        }
        full.forEach((k, t) -> terms.put(k, new Term(t, false)));
        Map<String, KnownTopic> surnames = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (KnownTopic t : topics) {
            if (t.kind() != TopicKind.PERSON) continue;
            List<String> keys = keys(t.name());
            if (keys.size() < 2) continue;
            String last = keys.getLast();
            if (last.length() < 3) continue;
            KnownTopic before = surnames.putIfAbsent(last, t);
            if (before != null && before.id() != t.id()) shared.add(last);
        }
        surnames.forEach((k, t) -> {
            if (!shared.contains(k) && !terms.containsKey(k)) terms.put(k, new Term(t, true));
        });
        this.longest = max;
    }

    static List<String> keys(String name) {
        List<String> out = new ArrayList<>();
        for (String w : name.strip().split("[\\s\\u00a0]+")) {
            String k = Text.key(w);
            if (!k.isEmpty()) out.add(k);
        }
        return out;
    }

    int longest() {
        return longest;
    }

    Term find(String keySequence) {
        return terms.get(keySequence);
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }
}
