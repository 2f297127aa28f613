package broadsheet.wire;

import broadsheet.accounts.User;
import broadsheet.web.Json;
import broadsheet.web.NewsroomPaths;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /api/admin/wire}: one ninjs item, or an array of them, becomes drafts (see
 * {@link WireService}). An Admin API operation: the route table asks for an editor's staff token,
 * whose person {@code caller} names; the call is audited under them.
 * Pictures come inline ({@code data:} URIs) or from public http(s) URLs.
 */
public final class WireApi {

    /** Most items one request may carry. */
    public static final int MAX_ITEMS = 100;

    private final WireService service;
    private final Function<Context, Optional<User>> caller;
    private final Pictures pictures;

    public WireApi(WireService service, Function<Context, Optional<User>> caller, Pictures pictures) {
        this.service = service;
        this.caller = caller;
        this.pictures = pictures;
    }

    public void post(Context ctx) {
        User user = caller.apply(ctx).orElseThrow(() -> new UnauthorizedResponse("Send an editor's staff token."));
        ctx.header("Cache-Control", "private, no-store");
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            problem(
                    ctx,
                    400,
                    "The body is not JSON",
                    "Send one ninjs item (a JSON object) or an array of them: " + e.getOriginalMessage() + ".",
                    List.of());
            return;
        }
        List<JsonNode> items = new ArrayList<>();
        if (body != null && body.isArray()) body.forEach(items::add);
        else if (body != null && body.isObject()) items.add(body);
        if (items.isEmpty()) {
            problem(
                    ctx,
                    400,
                    "No wire items",
                    "Send one ninjs item (a JSON object) or a non-empty array of them.",
                    List.of());
            return;
        }
        if (items.size() > MAX_ITEMS) {
            problem(
                    ctx,
                    400,
                    "Too many wire items",
                    "Send at most " + MAX_ITEMS + " items at once; this request has " + items.size() + ".",
                    List.of());
            return;
        }
        String section = ctx.queryParam("section");
        List<WireService.Result> results = service.importItems(user, items, section, pictures, r -> {});
        List<Map<String, Object>> rows = results.stream().map(WireApi::row).toList();
        Map<WireService.Outcome, Integer> counts = WireService.count(results);
        if (counts.get(WireService.Outcome.REFUSED) == results.size()) {
            WireService.Result first = results.getFirst();
            problem(
                    ctx,
                    422,
                    "No wire item was imported",
                    "Item " + first.index() + (first.field().isEmpty() ? "" : ", " + first.field()) + ": "
                            + first.message(),
                    rows);
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
        out.put("items", rows);
        ctx.json(out);
    }

    private static Map<String, Object> row(WireService.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", r.index());
        m.put("uri", r.agencyId());
        m.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        if (r.articleId() != null) {
            m.put("articleId", r.articleId());
            m.put("editUrl", NewsroomPaths.editArticle(r.articleId()));
        }
        m.put("headline", r.headline());
        if (!r.field().isEmpty()) m.put("field", r.field());
        if (!r.message().isEmpty()) m.put("message", r.message());
        return m;
    }

    /** An RFC 9457 problem; {@code error} repeats the detail for clients of the older error shape. */
    private static void problem(Context ctx, int status, String title, String detail, List<Map<String, Object>> items) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        p.put("error", detail);
        if (!items.isEmpty()) p.put("items", items);
        ctx.status(status);
        ctx.contentType("application/problem+json");
        ctx.result(Json.forScript(p));
    }
}
