package broadsheet.adminapi;

import broadsheet.newsroom.taxonomy.Catalog;
import broadsheet.web.Form;
import broadsheet.web.Params;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Topics or authors through the Admin API: read, create and edit one, through the newsroom's own
 * {@link Catalog} (its checks, its audit entries, its announcement to readers' pages). An edit changes the
 * fields sent; with {@code If-Match} it is refused (412) when someone saved the row since.
 */
public final class AdminCatalogApi {

    private final Catalog catalog;
    private final LongFunction<String> path;

    /** @param path the API path of one row, for {@code Location} */
    public AdminCatalogApi(Catalog catalog, LongFunction<String> path) {
        this.catalog = catalog;
        this.path = path;
    }

    public void get(Context ctx) {
        long id = Params.pathId(ctx, "id");
        send(ctx, 200, id, catalog.load(id).orElseThrow(io.javalin.http.NotFoundResponse::new));
    }

    public void create(Context ctx) {
        JsonBody body = JsonBody.of(ctx, fields(), false);
        Form form = Form.empty();
        for (String f : catalog.fields()) form.set(f, body.textOrNumber(f));
        body.check();
        Catalog.Result r = catalog.create(StaffTokens.user(ctx), form);
        if (!r.ok()) throw refusal(r, 0);
        ctx.header("Location", path.apply(r.id()));
        send(ctx, 201, r.id(), catalog.load(r.id()).orElseThrow());
    }

    public void update(Context ctx) {
        long id = Params.pathId(ctx, "id");
        Form stored = catalog.load(id).orElseThrow(io.javalin.http.NotFoundResponse::new);
        JsonBody body = JsonBody.of(ctx, fields(), false);
        Form form = Form.empty();
        for (String f : catalog.fields()) form.set(f, body.has(f) ? body.textOrNumber(f) : stored.raw(f));
        body.check();
        Optional<String> ifMatch = Optional.ofNullable(ctx.header("If-Match")).filter(h -> !h.isBlank());
        String version = ifMatch.map(h -> versionOf(h, stored.raw("version"))).orElse(stored.raw("version"));
        form.set("version", version);
        Catalog.Result r = catalog.update(StaffTokens.user(ctx), id, form);
        if (!r.ok()) throw refusal(r, id);
        send(ctx, 200, id, catalog.load(id).orElseThrow());
    }

    private ApiProblem refusal(Catalog.Result r, long id) {
        if (r.status() == 404) return new ApiProblem(404, "There is no " + catalog.noun() + " " + id + ".");
        if (r.status() == 409) {
            String now = catalog.load(id).map(f -> f.raw("version")).orElse("");
            return new ApiProblem(
                            412,
                            "Someone saved this " + catalog.noun()
                                    + " since the version you sent in If-Match; it is now at" + " version " + now
                                    + ". Nothing was changed.")
                    .header("ETag", "\"" + now + "\"");
        }
        if (!r.form().hasErrors()) return new ApiProblem(r.status(), r.problem());
        return ApiProblem.invalid(r.form().errors());
    }

    private Set<String> fields() {
        return new LinkedHashSet<>(catalog.fields());
    }

    /** "3" from "3", W/"3"; "*" is whatever is stored; anything else matches no version. */
    private static String versionOf(String header, String stored) {
        String tag = header.split(",")[0].strip();
        if (tag.equals("*")) return stored;
        if (tag.startsWith("W/")) tag = tag.substring(2);
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                ? tag.substring(1, tag.length() - 1)
                : "none";
    }

    private void send(Context ctx, int status, long id, Form stored) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        for (String f : catalog.fields()) out.put(f, stored.raw(f));
        out.put("version", Params.typedInt(stored.raw("version")).orElse(0));
        ctx.status(status)
                .header("ETag", "\"" + stored.raw("version") + "\"")
                .header("Cache-Control", "no-store")
                .json(out);
    }
}
