package broadsheet.adminapi;

import broadsheet.newsroom.articles.ArticleDraft;
import broadsheet.newsroom.articles.DeskArticle;
import broadsheet.newsroom.articles.EditorForm;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An article as the Admin API reads and writes it. A request's fields become the editor's form, so
 * the editor's checks and words judge them; fields left out keep what the article has (or, for a new
 * one, what the editor's blank form has: the writer's own byline).
 */
final class ArticleJson {
    private ArticleJson() {}

    static final Set<String> FIELDS = new LinkedHashSet<>(List.of(
            "headline",
            "deck",
            "slug",
            "section",
            "kind",
            "authors",
            "topics",
            "newTopics",
            "leadPhoto",
            "gallery",
            "body",
            "access"));

    /** The form the request describes, laid over {@code base}; wrong types throw a 422 naming the field. */
    static EditorForm form(JsonBody b, EditorForm base) {
        Map<String, String> fields = new HashMap<>();
        for (String f : List.of("headline", "deck", "slug", "kind", "body", "access"))
            if (b.has(f)) fields.put(f, b.text(f));
        if (b.has("body")) fields.put("body", fields.get("body").replace("\r\n", "\n"));
        if (b.has("section")) fields.put("section", b.id("section"));
        if (b.has("leadPhoto")) fields.put("leadPhoto", b.id("leadPhoto"));
        if (b.has("gallery")) fields.put("gallery", String.join(", ", b.ids("gallery")));
        if (b.has("newTopics")) fields.put("newTopics", newTopics(b));
        List<String> authors = b.has("authors") ? b.ids("authors") : null;
        List<String> topics = b.has("topics") ? b.ids("topics") : null;
        b.check();
        return base.overlaid(fields, authors, topics);
    }

    /** [{"name": "Jane Doe", "kind": "person"}] as the editor's "Jane Doe (person)". */
    private static String newTopics(JsonBody b) {
        JsonNode v = b.node("newTopics");
        if (v == null || v.isNull()) return "";
        List<String> out = new ArrayList<>();
        String shape = "“newTopics” must be an array of objects like {\"name\": \"Jane Doe\", \"kind\": \"person\"}.";
        if (!v.isArray()) {
            b.error("newTopics", shape);
            return "";
        }
        for (JsonNode t : v) {
            if (!t.isObject() || !t.path("name").isTextual() || !t.path("kind").isTextual() || t.size() != 2) {
                b.error("newTopics", shape);
                return "";
            }
            out.add(t.get("name").asText() + " (" + t.get("kind").asText() + ")");
        }
        return String.join(", ", out);
    }

    /** The name of the request field an editor's form error belongs to. */
    static String field(String formField) {
        return switch (formField) {
            case "author-1" -> "authors";
            default -> formField;
        };
    }

    static Map<String, String> errors(Map<String, String> formErrors) {
        Map<String, String> out = new LinkedHashMap<>();
        formErrors.forEach((f, m) -> out.putIfAbsent(field(f), m));
        return out;
    }

    static Map<String, Object> of(DeskArticle a) {
        ArticleDraft d = a.content();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("version", a.version());
        m.put("status", a.status().dbValue());
        m.put("headline", d.headline());
        m.put("deck", d.deck());
        m.put("slug", d.slug());
        m.put("section", d.sectionId());
        m.put("kind", d.kind());
        m.put("authors", d.authorIds());
        m.put("topics", d.topicIds());
        m.put("leadPhoto", d.leadPhotoId());
        m.put("gallery", d.galleryIds());
        m.put("body", d.body());
        m.put("access", d.access());
        m.put("publishedAt", iso(a.publishedAt()));
        m.put("updatedAt", iso(a.updatedAt()));
        return m;
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    /** The strong entity tag of an article's version: "7". */
    static String etag(int version) {
        return "\"" + version + "\"";
    }
}
