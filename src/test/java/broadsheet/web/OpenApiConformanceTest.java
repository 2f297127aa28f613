package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.ApiExampleContext;
import broadsheet.testing.ApiExamples;
import broadsheet.testing.AppExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation in /api/openapi.json is called (by the example calls each part registers, see
 * {@link ApiExamples}), and every answer is checked against the document with a JSON Schema validator
 * (networknt, draft 2020-12 as OpenAPI 3.1 uses): its status is documented, its media type is, its body
 * matches the schema, and no answer is a 5xx; a 4xx is an RFC 9457 problem ({@code application/problem+json}).
 */
class OpenApiConformanceTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static final String BASE = "https://broadsheet.invalid/openapi.json";
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    record Operation(String method, String path, String id, JsonNode node) {}

    @Test
    void everyDocumentedOperationIsCalledAndEveryAnswerMatchesTheDocument() throws Exception {
        HttpResponse<String> served = app.get().get(ApiPaths.openApi());
        assertThat(served.statusCode()).isEqualTo(200);
        JsonNode doc = Json.MAPPER.readTree(served.body());
        SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(BASE, served.body())));

        Map<String, List<Function<ApiExampleContext, HttpResponse<String>>>> calls = new LinkedHashMap<>();
        for (ApiExamples part : ServiceLoader.load(ApiExamples.class)) {
            part.register((id, call) ->
                    calls.computeIfAbsent(id, k -> new ArrayList<>()).add(call));
        }
        List<Operation> operations = operations(doc);
        assertThat(operations.stream()
                        .map(o -> o.id() == null ? o.method() + " " + o.path() : "")
                        .filter(s -> !s.isEmpty()))
                .as("operations without an operationId")
                .isEmpty();
        assertThat(operations.stream()
                        .filter(o -> !calls.containsKey(o.id()))
                        .map(o -> o.id() + " (" + o.method().toUpperCase(Locale.ROOT) + " " + o.path() + ")"))
                .as(
                        "documented operations without an example call: register one in an ApiExamples class of your part's tests")
                .isEmpty();
        assertThat(calls.keySet())
                .as("example calls of operations the document does not have")
                .isSubsetOf(operations.stream().map(Operation::id).toList());

        ApiExampleContext context = new ApiExampleContext(app.get());
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Operation op : operations) {
            for (var call : calls.get(op.id())) {
                HttpResponse<String> r = call.apply(context);
                problems.addAll(check(op, r, schemas));
                checked++;
            }
        }
        assertThat(problems).as("answers that do not match /api/openapi.json").isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(operations.size());
    }

    private static List<String> check(Operation op, HttpResponse<String> r, SchemaRegistry schemas) {
        List<String> out = new ArrayList<>();
        String what =
                op.id() + ": " + r.request().method() + " " + r.request().uri().getRawPath()
                        + (r.request().uri().getRawQuery() == null
                                ? ""
                                : "?" + r.request().uri().getRawQuery()) + " → " + r.statusCode();
        if (!r.request().method().equalsIgnoreCase(op.method())
                || !matches(op.path(), r.request().uri().getRawPath()))
            out.add(what + ": the call is not of this operation (" + op.method() + " " + op.path() + ")");
        if (r.statusCode() >= 500) out.add(what + ": a server error");
        JsonNode response = op.node().path("responses").path(String.valueOf(r.statusCode()));
        if (response.isMissingNode()) response = op.node().path("responses").path("default");
        if (response.isMissingNode()) {
            out.add(what + ": status not documented");
            return out;
        }
        String type =
                r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        if (r.statusCode() >= 400 && r.statusCode() < 500 && !type.equals(ProblemDetails.MEDIA_TYPE))
            out.add(what + ": a 4xx that is not application/problem+json but " + type);
        if (r.body().isEmpty() || r.statusCode() == 204 || r.statusCode() == 304) return out;
        JsonNode content = response.path("content").path(type);
        if (content.isMissingNode()) {
            out.add(what + ": media type " + type + " not documented for this status");
            return out;
        }
        if (!content.has("schema")) return out;
        String pointer = "#/paths/" + escape(op.path()) + "/" + op.method() + "/responses/"
                + (op.node().path("responses").has(String.valueOf(r.statusCode())) ? r.statusCode() : "default")
                + "/content/" + escape(type) + "/schema";
        Schema schema = schemas.getSchema(SchemaLocation.of(BASE + pointer));
        try {
            var errors = schema.validate(Json.MAPPER.readTree(r.body()));
            errors.forEach(e -> out.add(what + ": " + e));
        } catch (Exception e) {
            out.add(what + ": not JSON: " + e.getMessage());
        }
        return out;
    }

    private static List<Operation> operations(JsonNode doc) {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = doc.path("paths").fields(); p.hasNext(); ) {
            var path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext(); ) {
                var method = m.next();
                if (!METHODS.contains(method.getKey())) continue;
                out.add(new Operation(
                        method.getKey(),
                        path.getKey(),
                        method.getValue().path("operationId").asText(null),
                        method.getValue()));
            }
        }
        return out;
    }

    private static boolean matches(String template, String path) {
        String regex = java.util.regex.Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
        return path.matches(regex);
    }

    /** A JSON Pointer token (RFC 6901), as it appears in a URI fragment. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }
}
