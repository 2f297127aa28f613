package broadsheet.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one OpenAPI document at {@code /api/openapi.json}: the base file {@code /api/openapi.json} with each
 * feature's part ({@code /api/parts/<name>.json}) merged in, so every API describes itself in its own file.
 * A part holds {@code paths}, {@code components} and {@code tags}; a path or component named twice is an error
 * at start-up rather than a silently overwritten operation.
 */
public final class OpenApiDocument {
    /** The parts, in the order their paths appear. Add a feature's part here, under its heading. */
    private static final String[] PARTS = {
        // --- content-api
        "content-api",
        // --- admin-api
        "admin-api",
        // --- webhooks
        "webhooks",
        // --- wire (its operation is in admin-api)
        // --- ops
    };

    private final byte[] bytes;

    public OpenApiDocument() {
        this(List.of(PARTS));
    }

    OpenApiDocument(List<String> parts) {
        ObjectNode doc = (ObjectNode) read("openapi.json");
        for (String part : parts) {
            merge(doc, read("parts/" + part + ".json"), part);
        }
        try {
            this.bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public void serve(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType("application/json");
        ctx.result(bytes);
    }

    private static void merge(ObjectNode doc, JsonNode part, String name) {
        mergeObject(doc.with("paths"), part.path("paths"), name, "path");
        JsonNode components = part.path("components");
        for (Iterator<Map.Entry<String, JsonNode>> it = components.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            mergeObject(doc.with("components").with(section.getKey()), section.getValue(), name, section.getKey());
        }
        if (part.has("tags")) {
            doc.withArray("tags").addAll((com.fasterxml.jackson.databind.node.ArrayNode) part.get("tags"));
        }
    }

    private static void mergeObject(ObjectNode into, JsonNode from, String part, String what) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (into.has(e.getKey())) {
                throw new IllegalStateException(
                        "OpenAPI part " + part + " names " + what + " " + e.getKey() + " a second time");
            }
            into.set(e.getKey(), e.getValue());
        }
    }

    /** A file of the class path's {@code api} folder. */
    private static JsonNode read(String resource) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/api/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI resource missing: " + resource);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
