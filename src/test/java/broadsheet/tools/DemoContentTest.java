package broadsheet.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo edition in src/tools/resources/demo: its content file keeps the agreed rules, and its photos draw. */
class DemoContentTest {

    private static final Pattern MARKER = Pattern.compile("\\[\\[(related|newsletter):([^\\]]*)]]");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Instant WINDOW_START = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant WINDOW_END = Instant.parse("2026-11-30T00:00:00Z");

    private static Path file;
    private static JsonNode root;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        file = Path.of(DemoContentTest.class.getResource("/demo/content.json").toURI());
        root = new ObjectMapper().readTree(file.toFile());
    }

    private static List<JsonNode> list(String field) {
        return StreamSupport.stream(root.path(field).spliterator(), false).toList();
    }

    private static Set<String> keys(String field, String key) {
        Set<String> out = new HashSet<>();
        for (JsonNode n : list(field))
            assertThat(out.add(n.path(key).asText()))
                    .as("duplicate %s %s", field, n.path(key))
                    .isTrue();
        return out;
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    private static List<String> blocks(JsonNode article) {
        return List.of(article.path("body").asText().split("\n\n"));
    }

    @Test
    void siteSectionsAuthorsTopicsAndNewsletters() {
        assertThat(root.path("format").asText()).isEqualTo("broadsheet-content/1");
        assertThat(root.path("site").path("name").asText()).isEqualTo("The Meridian Ledger");
        assertThat(root.path("site").path("tagline").asText()).isNotBlank();
        assertThat(root.path("site").path("timeZone").asText()).isEqualTo("Europe/London");

        assertThat(keys("sections", "slug"))
                .hasSizeGreaterThanOrEqualTo(4)
                .contains("politics", "business", "world", "opinion", "culture");
        for (JsonNode s : list("sections")) {
            assertThat(s.path("description").asText())
                    .as(s.path("slug").asText())
                    .isNotBlank();
            assertThat(s.path("position").isInt()).isTrue();
        }

        assertThat(keys("authors", "slug"))
                .hasSizeGreaterThanOrEqualTo(5)
                .allMatch(slug -> SLUG.matcher(slug).matches());
        assertThat(list("authors")).allSatisfy(a -> {
            assertThat(a.path("name").asText()).isNotBlank();
            assertThat(a.path("title").asText()).isNotBlank();
            assertThat(a.path("bio").asText()).isNotBlank();
        });
        assertThat(list("authors").stream().filter(a -> a.path("portrait").isTextual()))
                .hasSizeGreaterThanOrEqualTo(3);

        assertThat(keys("topics", "slug")).hasSizeGreaterThanOrEqualTo(12);
        Map<String, Integer> kinds = new HashMap<>();
        for (JsonNode t : list("topics")) kinds.merge(t.path("kind").asText(), 1, Integer::sum);
        assertThat(kinds).containsOnlyKeys("person", "organization", "place", "subject");
        assertThat(kinds.values()).allMatch(n -> n >= 2);
        assertThat(list("topics").stream().filter(t -> !t.path("aliases").isEmpty()))
                .isNotEmpty();

        assertThat(keys("newsletters", "slug")).contains("politics-briefing");
        JsonNode briefing = list("newsletters").stream()
                .filter(n -> n.path("slug").asText().equals("politics-briefing"))
                .findFirst()
                .orElseThrow();
        assertThat(briefing.path("name").asText()).isEqualTo("Politics Briefing");
        assertThat(briefing.path("audience").asText()).isEqualTo("subscribers");
        assertThat(briefing.path("schedule").asText()).isEqualTo("Weekdays at 7:00");
        assertThat(list("newsletters"))
                .anySatisfy(n -> assertThat(n.path("audience").asText()).isEqualTo("everyone"));
    }

    @Test
    void articlesArePublishedInTheLastTenDaysAcrossEverySection() {
        List<JsonNode> articles = list("articles");
        Set<String> slugs = keys("articles", "slug");
        keys("articles", "id");
        assertThat(slugs).allMatch(slug -> SLUG.matcher(slug).matches());
        assertThat(articles.stream().filter(a -> a.path("status").asText().equals("published")))
                .hasSizeGreaterThanOrEqualTo(15);
        for (JsonNode a : articles) {
            String slug = a.path("slug").asText();
            Instant published = Instant.parse(a.path("publishedAt").asText());
            assertThat(published).as(slug).isBetween(WINDOW_START, WINDOW_END);
            if (a.has("updatedAt"))
                assertThat(Instant.parse(a.path("updatedAt").asText())).as(slug).isAfterOrEqualTo(published);
            assertThat(a.path("headline").asText()).as(slug).isNotBlank();
            assertThat(a.path("deck").asText()).as(slug).isNotBlank();
            assertThat(a.path("authors").size()).as(slug).isBetween(1, 2);
            assertThat(a.path("topics").size()).as(slug).isBetween(2, 4);
            assertThat(a.path("leadPhoto").asText()).as(slug).isNotBlank();
            List<String> paragraphs =
                    blocks(a).stream().filter(b -> !MARKER.matcher(b).matches()).toList();
            assertThat(paragraphs.size()).as(slug + " paragraphs").isBetween(6, 12);
            assertThat(a.path("body").asText()).as(slug).doesNotContain("<");
        }
        Set<String> sections = new HashSet<>();
        articles.forEach(a -> sections.add(a.path("section").asText()));
        assertThat(sections).isEqualTo(keys("sections", "slug"));
        assertThat(articles.stream()
                        .filter(a -> a.path("section").asText().equals("opinion")
                                && a.path("kind").asText().equals("opinion")))
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(articles.stream().filter(a -> a.path("kind").asText().equals("analysis")))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(articles.stream().filter(a -> a.path("kind").asText().equals("explainer")))
                .hasSizeGreaterThanOrEqualTo(1);
        assertThat(articles.stream().filter(a -> a.path("authors").size() == 2)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void everyReferenceNamesSomethingInTheFile() {
        Set<String> photos = keys("photos", "id"),
                articles = keys("articles", "slug"),
                sections = keys("sections", "slug");
        Set<String> authors = keys("authors", "slug"), topics = keys("topics", "slug");
        for (JsonNode a : list("authors"))
            if (a.path("portrait").isTextual())
                assertThat(photos).contains(a.path("portrait").asText());
        for (JsonNode a : list("articles")) {
            String slug = a.path("slug").asText();
            assertThat(sections).as(slug).contains(a.path("section").asText());
            assertThat(authors).as(slug).containsAll(texts(a.path("authors")));
            assertThat(topics).as(slug).containsAll(texts(a.path("topics")));
            assertThat(photos).as(slug).contains(a.path("leadPhoto").asText());
            assertThat(photos).as(slug).containsAll(texts(a.path("gallery")));
        }
        JsonNode fronts = root.path("fronts");
        assertThat(texts(fronts.path("home"))).hasSize(6).doesNotHaveDuplicates();
        assertThat(texts(fronts.path("section:politics"))).hasSize(3).doesNotHaveDuplicates();
        fronts.fields()
                .forEachRemaining(f -> assertThat(articles).as(f.getKey()).containsAll(texts(f.getValue())));
        Map<String, Instant> published = new HashMap<>();
        list("articles")
                .forEach(a -> published.put(
                        a.path("slug").asText(),
                        Instant.parse(a.path("publishedAt").asText())));
        List<String> home = texts(fronts.path("home"));
        List<String> newestFirst = new ArrayList<>(home);
        newestFirst.sort(Comparator.comparing(published::get).reversed());
        assertThat(home)
                .as("home is an editor's order, not simply newest first")
                .isNotEqualTo(newestFirst);
    }

    @Test
    void bodyMarkersNameOtherArticlesAndRealNewsletters() {
        Set<String> articles = keys("articles", "slug"), newsletters = keys("newsletters", "slug");
        int withRelated = 0, withNewsletter = 0;
        for (JsonNode a : list("articles")) {
            String slug = a.path("slug").asText();
            List<String> blocks = blocks(a);
            boolean related = false, promo = false;
            Matcher m = MARKER.matcher(a.path("body").asText());
            while (m.find()) {
                String marker = m.group();
                assertThat(blocks)
                        .as(slug + ": " + marker + " stands alone as a paragraph")
                        .contains(marker);
                assertThat(blocks.indexOf(marker))
                        .as(slug + ": " + marker + " sits between paragraphs")
                        .isBetween(1, blocks.size() - 2);
                if (m.group(1).equals("related")) {
                    related = true;
                    assertThat(articles).as(slug + ": " + marker).contains(m.group(2));
                    assertThat(m.group(2))
                            .as(slug + ": " + marker + " must not point at itself")
                            .isNotEqualTo(slug);
                } else {
                    promo = true;
                    assertThat(newsletters).as(slug + ": " + marker).contains(m.group(2));
                }
            }
            if (related) withRelated++;
            if (promo) withNewsletter++;
        }
        assertThat(withRelated).isGreaterThanOrEqualTo(10);
        assertThat(withNewsletter).isGreaterThanOrEqualTo(4);
    }

    @Test
    void galleriesAndCorrections() {
        List<Integer> galleries =
                list("articles").stream().map(a -> a.path("gallery").size()).toList();
        assertThat(galleries).contains(5).anyMatch(n -> n >= 4 && n != 5);
        Set<String> kinds = new HashSet<>();
        int corrected = 0;
        for (JsonNode a : list("articles")) {
            if (a.path("corrections").isEmpty()) continue;
            corrected++;
            Instant published = Instant.parse(a.path("publishedAt").asText());
            Instant updated = Instant.parse(a.path("updatedAt").asText());
            for (JsonNode c : a.path("corrections")) {
                kinds.add(c.path("kind").asText());
                Instant at = Instant.parse(c.path("createdAt").asText());
                assertThat(at).as(a.path("slug").asText()).isAfter(published);
                assertThat(updated).as(a.path("slug").asText()).isAfterOrEqualTo(at);
                assertThat(c.path("body").asText()).isNotBlank();
            }
        }
        assertThat(corrected).isGreaterThanOrEqualTo(2);
        assertThat(kinds).containsExactlyInAnyOrder("correction", "update");
    }

    @Test
    void photosAreDescribedAndEveryOneIsUsed() {
        Set<String> used = new HashSet<>();
        list("authors").forEach(a -> used.add(a.path("portrait").asText()));
        list("articles").forEach(a -> {
            used.add(a.path("leadPhoto").asText());
            used.addAll(texts(a.path("gallery")));
        });
        assertThat(list("photos")).hasSizeGreaterThanOrEqualTo(20).allSatisfy(p -> {
            String id = p.path("id").asText();
            assertThat(p.path("file").asText()).isEqualTo("photos/" + id + ".png");
            assertThat(p.path("caption").asText()).as(id).isNotBlank();
            assertThat(p.path("credit").asText()).as(id).isNotBlank();
            assertThat(p.path("alt").asText()).as(id).isNotBlank();
            assertThat(id).as("the id names the scene drawn for it").contains(DemoPhotos.scene(id, null));
            assertThat(used).as(id + " is used").contains(id);
        });
    }

    @Test
    void writeAllDrawsEveryPhotoAsAPngOfItsSize(@TempDir Path out) throws IOException {
        DemoPhotos.writeAll(file, out);
        for (JsonNode p : list("photos")) {
            String id = p.path("id").asText();
            Path png = out.resolve(p.path("file").asText());
            assertThat(png).as(id).isRegularFile();
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img).as(id + " decodes").isNotNull();
            boolean portrait = id.contains("portrait");
            assertThat(img.getWidth()).as(id).isEqualTo(portrait ? 800 : 1600);
            assertThat(img.getHeight()).as(id).isEqualTo(1000);
        }
    }

    @Test
    void drawingIsDeterministicAndDiffersBetweenIds() throws IOException {
        byte[] a = DemoPhotos.draw("p-harbour-1", null, 400, 250);
        assertThat(DemoPhotos.draw("p-harbour-1", null, 400, 250)).isEqualTo(a);
        assertThat(DemoPhotos.draw("p-harbour-2", null, 400, 250)).isNotEqualTo(a);
        assertThat(DemoPhotos.draw("p-parliament-1", null, 400, 250)).isNotEqualTo(a);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(DemoPhotos.draw("anything", "chart", 320, 200)));
        assertThat(img.getWidth()).isEqualTo(320);
        assertThat(img.getHeight()).isEqualTo(200);
    }
}
