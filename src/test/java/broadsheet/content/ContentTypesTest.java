package broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.db.Database;
import broadsheet.media.MediaFiles;
import broadsheet.testing.TestDb;
import broadsheet.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every field of the content format refuses a value of the wrong JSON type, naming the field,
 * and a refused file imports nothing (issue 17, item 9). The table is made by walking the sample
 * file: each text, number, list and object in it is replaced in turn by values of other types.
 */
class ContentTypesTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Fields the format requires (docs/content-format.md), with a path into the sample file. */
    private static final List<String> REQUIRED = List.of(
            "format",
            "sections[0].slug",
            "sections[0].name",
            "authors[0].slug",
            "authors[0].name",
            "topics[0].slug",
            "topics[0].name",
            "topics[0].kind",
            "photos[0].id",
            "photos[0].file",
            "newsletters[0].slug",
            "newsletters[0].name",
            "articles[0].slug",
            "articles[0].headline",
            "articles[0].section",
            "articles[0].publishedAt",
            "articles[0].corrections[0].body",
            "articles[0].authors[0]",
            "articles[0].topics[0]",
            "articles[0].gallery[0]",
            "topics[0].aliases[0]",
            "fronts[\"home\"][0]",
            "sections[0]",
            "articles[0]",
            "articles[0].corrections[0]");

    @TempDir
    Path tmp;

    private record Case(String path, String what, JsonNode file) {}

    @Test
    void everyTypeMismatchIsRefusedNamingTheField() throws Exception {
        JsonNode sample;
        try (InputStream in = getClass().getResourceAsStream("/content/small.json")) {
            sample = Json.MAPPER.readTree(in);
        }
        List<Case> cases = new ArrayList<>();
        walk(sample, sample, "", cases);
        for (String path : REQUIRED) cases.add(replaced(sample, path, "null", F.nullNode()));
        assertThat(cases).hasSizeGreaterThan(150);

        List<String> accepted = new ArrayList<>();
        try (Database db = TestDb.fresh()) {
            Importer importer = new Importer(db.jdbi(), new MediaFiles(tmp.resolve("media"), db.jdbi()));
            int n = 0;
            for (Case c : cases) {
                Path file = contentDir("case" + n++, c.file());
                String label = c.path() + " given " + c.what();
                int before = articles(db);
                try {
                    importer.importFile(file);
                    accepted.add(label);
                } catch (ImportException e) {
                    assertThat(e.problems())
                            .as(label)
                            .anySatisfy(p -> assertThat(p).startsWith("content.json: " + c.path() + ": "));
                    assertThat(articles(db)).as("articles after " + label).isEqualTo(before);
                }
            }
        }
        assertThat(accepted)
                .as("files imported although a field had the wrong type")
                .isEmpty();
    }

    @Test
    void theMessageSaysWhatWasExpected() throws Exception {
        JsonNode sample;
        try (InputStream in = getClass().getResourceAsStream("/content/small.json")) {
            sample = Json.MAPPER.readTree(in);
        }
        try (Database db = TestDb.fresh()) {
            Importer importer = new Importer(db.jdbi(), new MediaFiles(tmp.resolve("media"), db.jdbi()));
            Path headline = contentDir(
                    "h",
                    replaced(sample, "articles[1].headline", "", F.numberNode(123))
                            .file());
            assertThatThrownBy(() -> importer.importFile(headline))
                    .hasMessageStartingWith("content.json: articles[1].headline: expected text, not a number (line");
            Path position = contentDir(
                    "p",
                    replaced(sample, "sections[0].position", "", F.textNode("1"))
                            .file());
            assertThatThrownBy(() -> importer.importFile(position))
                    .hasMessageStartingWith(
                            "content.json: sections[0].position: expected a whole number, not text (line");
            Path name = contentDir(
                    "n", replaced(sample, "site.name", "", F.booleanNode(true)).file());
            assertThatThrownBy(() -> importer.importFile(name))
                    .hasMessageStartingWith("content.json: site.name: expected text, not true or false (line");
        }
    }

    private static int articles(Database db) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from articles")
                        .mapTo(Integer.class)
                        .one());
    }

    /** Adds, for every value under {@code node}, the sample with that value replaced by other types. */
    private static void walk(JsonNode sample, JsonNode node, String path, List<Case> cases) {
        Map<String, JsonNode> wrong = Map.of(
                "a number", F.numberNode(123),
                "a decimal number", F.numberNode(1.5),
                "true", F.booleanNode(true),
                "text", F.textNode("1"),
                "a list", F.arrayNode().add("x"),
                "an object", F.objectNode().put("x", "y"));
        if (!path.isEmpty()) {
            String kind =
                    node.isTextual() ? "text" : node.isNumber() ? "a number" : node.isArray() ? "a list" : "an object";
            wrong.forEach((what, value) -> {
                boolean sameKind = what.equals(kind) || (kind.equals("a number") && what.equals("a decimal number"));
                // the format has no number, boolean, list or object that also takes a value of another type
                if (!sameKind) cases.add(replaced(sample, path, what, value));
            });
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String child = path.equals("fronts")
                        ? path + "[\"" + e.getKey() + "\"]"
                        : path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                walk(sample, e.getValue(), child, cases);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(sample, node.get(i), path + "[" + i + "]", cases);
        }
    }

    /** A copy of the sample with the value at {@code path} replaced. */
    private static Case replaced(JsonNode sample, String path, String what, JsonNode value) {
        JsonNode copy = sample.deepCopy();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[\"([^\"]+)\"]|\\[(\\d+)]|\\.?([A-Za-z]+)")
                .matcher(path);
        JsonNode parent = null;
        JsonNode current = copy;
        Object key = null;
        while (m.find()) {
            parent = current;
            if (m.group(2) != null) {
                key = Integer.parseInt(m.group(2));
                current = current.get((Integer) key);
            } else {
                key = m.group(1) != null ? m.group(1) : m.group(3);
                current = current.get((String) key);
            }
            assertThat(current).as(path).isNotNull();
        }
        if (key instanceof Integer i) ((ArrayNode) parent).set(i, value);
        else ((ObjectNode) parent).set((String) key, value);
        return new Case(path, what, copy);
    }

    private Path contentDir(String name, JsonNode json) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name).resolve("photos"));
        for (String photo : List.of("ada.png", "harbour-1.png", "harbour-2.png")) {
            java.awt.image.BufferedImage img =
                    new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
            javax.imageio.ImageIO.write(img, "png", dir.resolve(photo).toFile());
        }
        Path file = dir.getParent().resolve("content.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(json));
        return file;
    }
}
