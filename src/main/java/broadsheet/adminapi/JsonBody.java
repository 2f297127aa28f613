package broadsheet.adminapi;

import broadsheet.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's JSON object read field by field into the text a newsroom form would hold, so the newsroom's
 * own checks judge it. A value of the wrong type, or a field the operation does not know, is reported
 * against its name; nothing is saved while any is.
 */
final class JsonBody {

    private final JsonNode root;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    /** The body as a JSON object; {@code allowEmpty} lets an absent body stand for {}. */
    static JsonBody of(Context ctx, Set<String> known, boolean allowEmpty) {
        String text = ctx.body();
        if (text.isBlank() && allowEmpty) return new JsonBody(Json.MAPPER.createObjectNode());
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))
            throw new ApiProblem(415, "Send the body as JSON, with Content-Type: application/json.");
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ApiProblem(
                    400,
                    "The body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ").");
        }
        if (root == null || !root.isObject()) throw new ApiProblem(400, "The body must be a JSON object.");
        JsonBody b = new JsonBody(root);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f))
                b.errors.put(f, "There is no field “" + f + "” here; the fields are " + String.join(", ", known) + ".");
        }
        return b;
    }

    boolean has(String field) {
        return root.has(field);
    }

    /** A string field's text; null JSON reads as "". */
    String text(String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) return "";
        if (!v.isTextual()) {
            errors.putIfAbsent(field, "“" + field + "” must be a string.");
            return "";
        }
        return v.asText();
    }

    /** A field that is a text or a number, as text ("12"); null reads as "". */
    String textOrNumber(String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) return "";
        if (v.isIntegralNumber()) return v.asText();
        return text(field);
    }

    /** A positive whole number or null, as form text ("" for none). */
    String id(String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) return "";
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() <= 0) {
            errors.putIfAbsent(field, "“" + field + "” must be the number of one, like 12, or null for none.");
            return "";
        }
        return v.asText();
    }

    /** An array of positive whole numbers, in order. */
    List<String> ids(String field) {
        JsonNode v = root.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) {
            errors.putIfAbsent(field, "“" + field + "” must be an array of numbers, like [12, 15].");
            return out;
        }
        for (JsonNode n : v) {
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() <= 0) {
                errors.putIfAbsent(field, "“" + field + "” must be an array of numbers, like [12, 15].");
                return List.of();
            }
            out.add(n.asText());
        }
        return out;
    }

    JsonNode node(String field) {
        return root.get(field);
    }

    void error(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    /** Throws the 422 naming every field of the wrong type or unknown here. */
    void check() {
        if (!errors.isEmpty()) throw ApiProblem.invalid(errors);
    }
}
