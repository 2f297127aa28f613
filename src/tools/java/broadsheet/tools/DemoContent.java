package broadsheet.tools;

import broadsheet.Config;
import broadsheet.accounts.StaffAccounts;
import broadsheet.content.ImportException;
import broadsheet.content.Importer;
import broadsheet.db.Database;
import broadsheet.media.MediaFiles;
import broadsheet.web.Role;
import broadsheet.web.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo newspaper (src/tools/resources/demo/content.json, photos drawn by code) into an
 * empty database, through the same importer a newsroom uses. Its dates are moved so the newest
 * story is an hour old: the demo reads as today's paper whenever it is started.
 */
final class DemoContent {

    private static final Logger LOG = LoggerFactory.getLogger(DemoContent.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String DEMO_EDITOR = "editor@meridian-ledger.example";

    private DemoContent() {}

    /**
     * The demo turns /dev/mail on, so that a person trying it can read the confirmation mail; not when
     * the site has a public address (BASE_URL not loopback), where it stays off and the log says why.
     */
    static Config withDevMail(Config config) {
        if (config.devMail()) return config;
        Config on = config.withDevMail(true);
        if (on.devMailProblem().isEmpty()) return on;
        LOG.warn("The demo leaves /dev/mail off: BASE_URL {} is not a loopback address", config.baseUrl());
        return config;
    }

    static void loadIfEmpty(Database db, Config config) {
        broadsheet.subscriptions.PlanDao.seedDemo(db.jdbi()); // once: the demo paper's monthly and annual plans
        long articles = db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from articles")
                        .mapTo(Long.class)
                        .one());
        if (articles > 0) return;
        Path dir = null;
        try {
            dir = Files.createTempDirectory("broadsheet-demo");
            Path json = dir.resolve("content.json");
            Files.write(
                    json, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(shiftedToNow(read(), Instant.now())));
            DemoPhotos.writeAll(json, dir);
            var result = new Importer(db.jdbi(), new MediaFiles(config.mediaDir(), db.jdbi())).importFile(json);
            LOG.info("Loaded the demo newspaper: {} articles", result.articlesCreated());
            String password = Tokens.random().substring(0, 16);
            new StaffAccounts(db.jdbi()).save(DEMO_EDITOR, "Demo Editor", Role.ADMIN, password);
            LOG.info(
                    "Newsroom sign-in for the demo: {} with password {} (shown once; change it at /account)",
                    DEMO_EDITOR,
                    password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ImportException e) {
            throw new IllegalStateException("the demo content does not import: " + e.getMessage(), e);
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    static JsonNode read() throws IOException {
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/content.json")) {
            if (in == null) throw new IOException("demo/content.json is missing from the build");
            return JSON.readTree(in);
        }
    }

    /** Moves every article and correction time by the same amount so the latest of them is half an hour before {@code now}. */
    static JsonNode shiftedToNow(JsonNode content, Instant now) {
        Instant newest = Instant.EPOCH;
        for (JsonNode a : content.path("articles")) {
            newest = later(newest, a.path("publishedAt"));
            newest = later(newest, a.path("updatedAt"));
            for (JsonNode c : a.path("corrections")) newest = later(newest, c.path("createdAt"));
        }
        Duration shift =
                Duration.between(newest, now.minus(Duration.ofMinutes(30))).truncatedTo(ChronoUnit.HOURS);
        for (JsonNode a : content.path("articles")) {
            shift((ObjectNode) a, "publishedAt", shift);
            shift((ObjectNode) a, "updatedAt", shift);
            for (JsonNode c : a.path("corrections")) shift((ObjectNode) c, "createdAt", shift);
        }
        return content;
    }

    private static Instant later(Instant a, JsonNode time) {
        if (!time.isTextual()) return a;
        Instant t = Instant.parse(time.asText());
        return t.isAfter(a) ? t : a;
    }

    private static void shift(ObjectNode node, String field, Duration by) {
        if (node.hasNonNull(field))
            node.put(field, Instant.parse(node.get(field).asText()).plus(by).toString());
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
