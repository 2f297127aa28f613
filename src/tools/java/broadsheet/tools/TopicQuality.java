package broadsheet.tools;

import broadsheet.topics.TopicKind;
import broadsheet.topics.suggest.Gazetteers;
import broadsheet.topics.suggest.KnownTopic;
import broadsheet.topics.suggest.Suggester;
import broadsheet.topics.suggest.Suggestion;
import broadsheet.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the topic suggester against a labelled set (src/test/resources/topics/labelled.json):
 * precision and recall of the first five suggestions, the accuracy of the kind given to new
 * entities, and the time per article. The set's articles are the demo paper's (by id, with the
 * topics an editor would add) and articles written for it, all fiction about one imaginary country.
 */
public final class TopicQuality {

    /** One labelled article: its text and the topics an editor would assign ("slug" or "Name (kind)"). */
    public record Labelled(String id, String headline, String deck, String body, List<String> topics) {}

    /** The figures of one run. */
    public record Result(
            int articles,
            double precisionAt5,
            double recallAt5,
            int newEntitiesFound,
            double kindAccuracy,
            long[] nanos,
            List<String> misses) {
        public String report() {
            Timings t = Timings.of(nanos);
            StringBuilder b = new StringBuilder();
            b.append(String.format(
                    Locale.ROOT,
                    "articles %d%nprecision@5 %.3f%nrecall@5 %.3f%nnew entities found %d, kind right %.3f%ntime per article p50 %.1f ms, p99 %.1f ms%n",
                    articles,
                    precisionAt5,
                    recallAt5,
                    newEntitiesFound,
                    kindAccuracy,
                    t.ms(0.5),
                    t.ms(0.99)));
            misses.forEach(m -> b.append(m).append('\n'));
            return b.toString();
        }
    }

    private final List<KnownTopic> topics;
    private final List<Labelled> articles;

    private TopicQuality(List<KnownTopic> topics, List<Labelled> articles) {
        this.topics = topics;
        this.articles = articles;
    }

    /** Reads the labelled set from a file, with the demo paper's articles and topics from the class path. */
    public static TopicQuality read(Path labelled) {
        try (InputStream in = Files.newInputStream(labelled);
                InputStream demo = TopicQuality.class.getResourceAsStream("/demo/content.json")) {
            return of(Json.MAPPER.readTree(in), Json.MAPPER.readTree(demo));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TopicQuality of(JsonNode set, JsonNode demo) {
        List<KnownTopic> topics = new ArrayList<>();
        long id = 1;
        for (JsonNode source : List.of(demo.path("topics"), set.path("topics"))) {
            for (JsonNode t : source) {
                List<String> aliases = new ArrayList<>();
                t.path("aliases").forEach(a -> aliases.add(a.asText()));
                topics.add(new KnownTopic(
                        id++,
                        t.path("name").asText(),
                        t.path("slug").asText(),
                        TopicKind.valueOf(t.path("kind").asText().toUpperCase(Locale.ROOT)),
                        aliases,
                        0));
            }
        }
        Map<String, JsonNode> demoArticles = new HashMap<>();
        demo.path("articles").forEach(a -> demoArticles.put(a.path("id").asText(), a));
        List<Labelled> articles = new ArrayList<>();
        for (JsonNode a : set.path("articles")) {
            JsonNode text = a.has("demo") ? demoArticles.get(a.path("demo").asText()) : a;
            if (text == null)
                throw new IllegalArgumentException(
                        "No demo article " + a.path("demo").asText());
            List<String> labels = new ArrayList<>();
            a.path("topics").forEach(l -> labels.add(l.asText()));
            articles.add(new Labelled(
                    a.has("demo") ? a.path("demo").asText() : a.path("id").asText(),
                    text.path("headline").asText(),
                    text.path("deck").asText(),
                    text.path("body").asText(),
                    labels));
        }
        return new TopicQuality(topics, articles);
    }

    public List<Labelled> articles() {
        return articles;
    }

    /**
     * Runs the suggester over every article, {@code rounds} times for the timings. Each article is
     * suggested for with the paper's topics as the gazetteer, the uses of each counted over the
     * other articles' labels (what the paper assigned before), never its own.
     */
    public Result run(Suggester suggester, int rounds) {
        double precision = 0;
        double recall = 0;
        int newFound = 0;
        int kindRight = 0;
        List<String> misses = new ArrayList<>();
        long[] nanos = new long[articles.size() * rounds];
        int n = 0;
        for (Labelled a : articles) {
            List<KnownTopic> known = Gazetteers.withUses(topics, usesWithout(a));
            List<Suggestion> got = List.of();
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                got = suggester.suggest(a.headline(), a.deck(), a.body(), known);
                nanos[n++] = System.nanoTime() - start;
            }
            List<Suggestion> top = got.subList(0, Math.min(5, got.size()));
            int hits = 0;
            List<String> wrong = new ArrayList<>();
            for (Suggestion s : top) {
                String label = matching(s, a.topics());
                if (label == null) {
                    wrong.add(s.isNew() ? s.typed() : s.slug());
                    continue;
                }
                hits++;
                if (s.isNew() && label.endsWith(")")) {
                    newFound++;
                    if (label.toLowerCase(Locale.ROOT).endsWith("(" + s.kind().dbValue() + ")")) kindRight++;
                    else wrong.add("kind " + s.typed() + " vs " + label);
                }
            }
            precision += top.isEmpty() ? 0 : (double) hits / top.size();
            recall += a.topics().isEmpty()
                    ? 1
                    : (double) hits / Math.min(5, a.topics().size());
            if (hits < Math.min(5, a.topics().size()) || !wrong.isEmpty())
                misses.add(
                        a.id() + ": " + hits + "/" + a.topics().size() + " extra " + wrong + " labels " + a.topics());
        }
        int count = articles.size();
        return new Result(
                count,
                precision / count,
                recall / count,
                newFound,
                newFound == 0 ? 0 : (double) kindRight / newFound,
                nanos,
                misses);
    }

    private Map<String, Integer> usesWithout(Labelled self) {
        Map<String, Integer> uses = new HashMap<>();
        for (Labelled a : articles) {
            if (a == self) continue;
            a.topics().forEach(t -> uses.merge(t, 1, Integer::sum));
        }
        return uses;
    }

    /** The label a suggestion stands for: a known topic by slug, a new one by its name's words (kind aside). */
    private static String matching(Suggestion s, List<String> labels) {
        for (String l : labels) {
            if (!s.isNew() && l.equals(s.slug())) return l;
            if (s.isNew() && l.endsWith(")")) {
                String name = l.substring(0, l.lastIndexOf('(')).strip();
                if (Gazetteers.sameName(name, s.name())) return l;
            }
        }
        return null;
    }
}
