package broadsheet.following;

import broadsheet.accounts.User;
import broadsheet.articles.ArticleSummary;
import broadsheet.db.Cursor;
import broadsheet.web.ApiPaths;
import broadsheet.web.Chrome;
import broadsheet.web.Csrf;
import broadsheet.web.Json;
import broadsheet.web.ProblemDetails;
import broadsheet.web.Sessions;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON side of following, for the page script and for apps (described in /api/openapi.json).
 * Every answer is for one person and is never stored by a cache.
 */
public final class FollowingApi {

    record Target(String kind, String slug, String name, String url) {
        static Target of(Followable f) {
            return new Target(f.kind().key(), f.slug(), f.name(), f.path());
        }
    }

    record Me(boolean signedIn, String name, String csrfToken, List<Target> follows) {}

    record FeedEntry(
            long id,
            String headline,
            String deck,
            String kind,
            String url,
            String section,
            List<String> authors,
            Instant publishedAt,
            String why,
            List<Target> reasons) {}

    record FeedPage(List<FeedEntry> items, String next) {}

    record FollowList(List<Target> follows, int limit) {}

    record Changed(Target target, boolean following, boolean changed) {}

    private final Follows follows;
    private final Feed feed;
    private final Suggestions suggestions;
    private final Sessions sessions;
    private final Csrf csrf;
    private final Chrome chrome;

    public FollowingApi(
            Follows follows, Feed feed, Suggestions suggestions, Sessions sessions, Csrf csrf, Chrome chrome) {
        this.follows = follows;
        this.feed = feed;
        this.suggestions = suggestions;
        this.sessions = sessions;
        this.csrf = csrf;
        this.chrome = chrome;
    }

    /** Who is signed in and what they follow: the one personal request a cached page makes. */
    public void me(Context ctx) {
        Optional<User> user = sessions.current(ctx);
        Me me = user.map(u -> new Me(
                        true,
                        u.displayName().isBlank() ? u.email() : u.displayName(),
                        csrf.token(ctx),
                        follows.list(u.id()).stream().map(Target::of).toList()))
                .orElseGet(() -> new Me(false, null, null, List.of()));
        json(ctx, 200, me);
    }

    public void list(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        json(
                ctx,
                200,
                new FollowList(follows.list(user.id()).stream().map(Target::of).toList(), Follows.LIMIT));
    }

    /** POST /api/following with {"kind": "topic", "slug": "..."} (JSON or a form). */
    public void follow(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        Map<String, String> body = body(ctx);
        if (body == null) {
            ProblemDetails.send(ctx, 400, "Send JSON like {\"kind\": \"topic\", \"slug\": \"trade-policy\"}.");
            return;
        }
        Optional<FollowKind> kind = FollowKind.of(body.get("kind"));
        if (kind.isEmpty()) {
            ProblemDetails.send(ctx, 422, new FollowingPages.NotFollowable(body.get("kind")).getMessage());
            return;
        }
        String slug = body.get("slug");
        Follows.Outcome o = follows.follow(user.id(), kind.get(), slug);
        switch (o.result()) {
            case NOT_FOUND ->
                ProblemDetails.send(ctx, 404, "There is no " + kind.get().key() + " \"" + slug + "\" to follow.");
            case LIMIT_REACHED -> ProblemDetails.send(ctx, 422, FollowingPages.limitMessage());
            case ALREADY -> json(ctx, 200, new Changed(Target.of(o.target()), true, false));
            case FOLLOWED -> json(ctx, 201, new Changed(Target.of(o.target()), true, true));
        }
    }

    /** DELETE /api/following/{kind}/{slug}: harmless when not followed. */
    public void unfollow(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        Optional<FollowKind> kind = FollowKind.of(ctx.pathParam("kind"));
        if (kind.isEmpty()) {
            ProblemDetails.send(ctx, 422, new FollowingPages.NotFollowable(ctx.pathParam("kind")).getMessage());
            return;
        }
        Optional<Followable> gone = follows.unfollow(user.id(), kind.get(), ctx.pathParam("slug"));
        if (gone.isEmpty()) {
            ProblemDetails.send(ctx, 404, "There is no " + kind.get().key() + " \"" + ctx.pathParam("slug") + "\".");
            return;
        }
        json(ctx, 200, new Changed(Target.of(gone.get()), false, true));
    }

    public void feed(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        Optional<Cursor> after = Cursor.parse(ctx.queryParam("before"));
        if (after.isEmpty()) {
            ProblemDetails.send(ctx, 400, "\"before\" must be a cursor from a previous page's \"next\".");
            return;
        }
        int size = Feed.PAGE_SIZE;
        String limit = ctx.queryParam("limit");
        if (limit != null) {
            size = limit.matches("[0-9]{1,3}") ? Integer.parseInt(limit) : -1;
            if (size < 1 || size > 100) {
                ProblemDetails.send(ctx, 400, "\"limit\" must be a number from 1 to 100.");
                return;
            }
        }
        Feed.Page page = feed.page(user.id(), after.get(), size);
        var site = chrome.site();
        List<FeedEntry> items = page.items().stream()
                .map(i -> {
                    ArticleSummary a = i.article();
                    return new FeedEntry(
                            a.id(),
                            a.headline(),
                            a.deck(),
                            a.kind().name().toLowerCase(),
                            site.absolute(site.articlePath(a.slug(), a.publishedAt())),
                            a.sectionName(),
                            a.authorNames(),
                            a.publishedAt(),
                            i.why(),
                            i.reasons().stream().map(Target::of).toList());
                })
                .toList();
        String next =
                page.next() == null ? null : ApiPaths.apiFeed(page.next().toString(), limit == null ? null : size);
        json(ctx, 200, new FeedPage(items, next));
    }

    public void suggestions(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        json(
                ctx,
                200,
                Map.of(
                        "suggestions",
                        suggestions.forReader(user.id(), 12).stream()
                                .map(Target::of)
                                .toList()));
    }

    /** The request's kind and slug, from JSON or from form fields; null when the JSON cannot be read. */
    private static Map<String, String> body(Context ctx) {
        String type = ctx.contentType();
        Map<String, String> out = new LinkedHashMap<>();
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            out.put("kind", ctx.formParam("kind"));
            out.put("slug", ctx.formParam("slug"));
            return out;
        }
        try {
            JsonNode n = Json.MAPPER.readTree(ctx.body());
            if (n == null || !n.isObject()) return null;
            out.put("kind", n.path("kind").asText(null));
            out.put("slug", n.path("slug").asText(null));
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    static void json(Context ctx, int status, Object value) {
        ctx.status(status);
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("application/json");
        try {
            ctx.result(Json.MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
