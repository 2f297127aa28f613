package broadsheet.tools;

import broadsheet.topics.TopicKind;
import broadsheet.topics.suggest.KnownTopic;
import broadsheet.topics.suggest.Models;
import broadsheet.topics.suggest.Suggester;
import broadsheet.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench-suggest",
        description = "Time the topic suggester warm, in this one process (no database): the heap the loaded models"
                + " take, then p50/p99/max for an article of --words words from the demo paper, and for the labelled"
                + " set if --labelled names it.")
final class BenchSuggestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--words",
            defaultValue = "2000",
            description = "Words in the timed article (default ${DEFAULT-VALUE}).")
    int words;

    @Option(
            names = "--warmup",
            defaultValue = "50",
            description = "Untimed calls first, for the JIT (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", defaultValue = "200", description = "Timed calls (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--labelled",
            paramLabel = "FILE",
            description = "The labelled set (src/test/resources/topics/labelled.json) to time as well, --rounds/10"
                    + " times over.")
    Path labelled;

    @Override
    public Integer call() throws IOException {
        if (words < 1 || rounds < 1 || warmup < 0)
            throw new IllegalArgumentException("--words and --rounds must be 1 or more");
        PrintWriter out = spec.commandLine().getOut();
        JsonNode demo;
        try (InputStream in = BenchSuggestCommand.class.getResourceAsStream("/demo/content.json")) {
            demo = Json.MAPPER.readTree(in);
        }
        List<KnownTopic> known = new ArrayList<>();
        long id = 1;
        for (JsonNode t : demo.path("topics")) {
            List<String> aliases = new ArrayList<>();
            t.path("aliases").forEach(a -> aliases.add(a.asText()));
            known.add(new KnownTopic(
                    id++,
                    t.path("name").asText(),
                    t.path("slug").asText(),
                    TopicKind.valueOf(t.path("kind").asText().toUpperCase(Locale.ROOT)),
                    aliases,
                    (int) (id % 7)));
        }
        String headline = demo.path("articles").path(0).path("headline").asText();
        String deck = demo.path("articles").path(0).path("deck").asText();
        String body = article(demo, words);

        long before = heapAfterGc();
        Models models = Models.load();
        long after = heapAfterGc();
        Suggester suggester = new Suggester(models);
        out.printf(
                Locale.ROOT,
                "Models loaded: %.1f MB of heap (after GC: %.1f MB before loading, %.1f MB after).%n",
                (after - before) / 1e6,
                before / 1e6,
                after / 1e6);

        for (int i = 0; i < warmup; i++) suggester.suggest(headline, deck, body, known);
        long[] nanos = new long[rounds];
        int found = 0;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            found = suggester.suggest(headline, deck, body, known).size();
            nanos[i] = System.nanoTime() - start;
        }
        out.print(Timings.header("suggest, one thread, warm"));
        out.print(Timings.of(nanos).row(words + "-word article (" + found + " suggestions)"));
        if (labelled != null) {
            if (!Files.isRegularFile(labelled)) throw new IllegalArgumentException(labelled + ": no such file");
            TopicQuality set = TopicQuality.read(labelled);
            set.run(suggester, 1);
            TopicQuality.Result r = set.run(suggester, Math.max(1, rounds / 10));
            out.print(Timings.of(r.nanos()).row("labelled set, " + r.articles() + " articles"));
            out.printf(Locale.ROOT, "precision@5 %.3f, recall@5 %.3f%n", r.precisionAt5(), r.recallAt5());
        }
        out.flush();
        return 0;
    }

    /** The demo paper's bodies one after another, cut at this many words, in paragraphs. */
    static String article(JsonNode demo, int words) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        while (n < words) {
            for (JsonNode a : demo.path("articles")) {
                for (String para : a.path("body").asText().split("\n\n")) {
                    if (para.startsWith("[[")) continue;
                    for (String w : para.strip().split("\\s+")) {
                        if (n == words) return b.toString().strip();
                        b.append(w).append(' ');
                        n++;
                    }
                    b.append("\n\n");
                }
            }
        }
        return b.toString().strip();
    }

    private static long heapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
