package broadsheet.contentapi;

import broadsheet.articles.BodyRenderer;
import broadsheet.media.MediaFiles;
import broadsheet.media.Photo;
import broadsheet.paywall.Access;
import broadsheet.paywall.Level;
import broadsheet.web.Json;
import broadsheet.web.ProblemDetails.Problem;
import broadsheet.web.Site;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How an article looks in the Content API: which fields ({@code fields}), which related things inside it
 * ({@code include=authors,topics,photos}), and its body as HTML and/or the source Markdown
 * ({@code formats=html,markdown}); a locked article's body stops after its first paragraph.
 */
final class ArticleJson {

    static final Set<String> FIELDS = Set.of(
            "id",
            "slug",
            "url",
            "headline",
            "deck",
            "kind",
            "access",
            "locked",
            "publishedAt",
            "updatedAt",
            "section",
            "authors",
            "topics",
            "leadPhoto",
            "gallery",
            "html",
            "markdown");
    static final Set<String> INCLUDES = Set.of("authors", "topics", "photos");
    static final Set<String> FORMATS = Set.of("html", "markdown");

    /** The shape a request asked for. */
    record Shape(Set<String> fields, Set<String> include, Set<String> formats) {
        static Shape of(Context ctx, Set<String> defaultFormats) {
            Set<String> fields = list(ctx, "fields", FIELDS, Set.of());
            Set<String> include = new java.util.TreeSet<>(list(ctx, "include", INCLUDES, Set.of()));
            Set<String> formats = new java.util.TreeSet<>(list(ctx, "formats", FORMATS, defaultFormats));
            // a field asked for by name is given without also asking for its include or format
            for (String f : fields) {
                if (FORMATS.contains(f)) formats.add(f);
                if (f.equals("authors") || f.equals("topics")) include.add(f);
                if (f.equals("leadPhoto") || f.equals("gallery")) include.add("photos");
            }
            return new Shape(fields, Set.copyOf(include), Set.copyOf(formats));
        }

        String key() {
            return fields + "|" + include + "|" + formats;
        }

        /** What the database must read for this shape. */
        ContentDao.Parts parts() {
            return new ContentDao.Parts(
                    !formats.isEmpty(),
                    include.contains("authors"),
                    include.contains("topics"),
                    include.contains("photos"));
        }
    }

    private final BodyRenderer bodies = new BodyRenderer();

    ObjectNode article(ContentDao.Row a, Shape shape, Level level, Site site) {
        boolean locked = !level.atLeast(Access.of(a.access()).needs());
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", a.id());
        o.put("slug", a.slug());
        o.put("url", site.absolute(site.articlePath(a.slug(), a.publishedAt())));
        o.put("headline", a.headline());
        o.put("deck", a.deck());
        o.put("kind", a.kind());
        o.put("access", a.access());
        o.put("locked", locked);
        o.put("publishedAt", a.publishedAt().toString());
        o.put("updatedAt", a.updatedAt().toString());
        o.putObject("section").put("slug", a.sectionSlug()).put("name", a.sectionName());
        if (shape.include().contains("authors")) o.set("authors", a.authors());
        if (shape.include().contains("topics")) o.set("topics", a.topics());
        if (shape.include().contains("photos")) {
            o.set("leadPhoto", a.leadPhoto() == null ? null : photo(a.leadPhoto(), site));
            ArrayNode gallery = o.putArray("gallery");
            a.gallery().forEach(p -> gallery.add(photo(p, site)));
        }
        if (!shape.formats().isEmpty()) {
            String markdown = locked ? BodyRenderer.splitAfterFirstParagraph(a.body())[0] : a.body();
            if (shape.formats().contains("html")) o.put("html", html(markdown));
            if (shape.formats().contains("markdown")) o.put("markdown", markdown);
        }
        if (!shape.fields().isEmpty()) o.retain(shape.fields());
        return o;
    }

    /** The body's HTML without the page's own furniture (related-story boxes and newsletter promos). */
    private String html(String markdown) {
        StringBuilder out = new StringBuilder();
        for (BodyRenderer.Block b : bodies.render(markdown, null)) {
            if (b instanceof BodyRenderer.Html h) out.append(h.html());
        }
        return out.toString();
    }

    static ObjectNode photo(JsonNode p, Site site) {
        return photo(
                p.path("id").asLong(),
                p.path("fileKey").asText(),
                p.path("mimeType").asText(),
                p.path("width").asInt(),
                p.path("height").asInt(),
                p.path("caption").asText(),
                p.path("credit").asText(),
                p.path("alt").asText(),
                site);
    }

    static ObjectNode photo(
            long id,
            String fileKey,
            String mime,
            int width,
            int height,
            String caption,
            String credit,
            String alt,
            Site site) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", id);
        o.put("width", width);
        o.put("height", height);
        o.put("mimeType", mime);
        o.put("caption", caption);
        o.put("credit", credit);
        o.put("alt", alt);
        ArrayNode sizes = o.putArray("sizes");
        for (int w : Photo.WIDTHS) {
            if (w > width && w != Photo.WIDTHS[0]) break;
            sizes.addObject()
                    .put("width", Math.min(w, width))
                    .put("url", site.absolute(MediaFiles.derivativeUrl(fileKey, w)));
        }
        return o;
    }

    private static Set<String> list(Context ctx, String name, Set<String> allowed, Set<String> fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return fallback;
        Set<String> out = new LinkedHashSet<>();
        for (String part : raw.split(",")) {
            String v = part.strip();
            if (!allowed.contains(v))
                throw new Problem(
                        400,
                        "\"" + name + "\" may list " + String.join(", ", List.copyOf(new java.util.TreeSet<>(allowed)))
                                + "; \"" + v + "\" is not one of them.");
            out.add(v);
        }
        return Set.copyOf(new java.util.TreeSet<>(out));
    }
}
