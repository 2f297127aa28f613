package broadsheet.contentapi;

import broadsheet.accounts.User;
import broadsheet.contentapi.ApiKeyDao.ApiKey;
import broadsheet.paywall.Level;
import broadsheet.paywall.Paywall;
import broadsheet.web.ApiPaths;
import broadsheet.web.Json;
import broadsheet.web.ProblemDetails.Problem;
import broadsheet.web.Sessions;
import broadsheet.web.Site;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The read-only Content API (described in /api/openapi.json): published articles, sections, authors,
 * topics and photos for an integration key, and the changes feed. A reader's app may add the reader's
 * token ({@code Authorization: Bearer}) to read what that reader may read.
 */
public final class ContentApi {

    private final ContentDao dao;
    private final ApiKeys keys;
    private final Sessions sessions;
    private final Paywall paywall;
    private final Supplier<Site> site;
    private final ArticleJson shapes = new ArticleJson();
    /**
     * Answers already made, by what was asked and at which paywall level, from the second time it is asked
     * ({@link #asked}); dropped on any content change ({@link #changes} counts them).
     */
    private final Cache<String, ApiAnswer.Made> made = Caffeine.newBuilder()
            .maximumWeight(64L << 20)
            .weigher((String k, ApiAnswer.Made v) -> k.length() + v.body().length)
            .build();

    private final AskedBefore asked = new AskedBefore();
    private final AtomicLong changes = new AtomicLong();

    public ContentApi(ContentDao dao, ApiKeys keys, Sessions sessions, Paywall paywall, Supplier<Site> site) {
        this.dao = dao;
        this.keys = keys;
        this.sessions = sessions;
        this.paywall = paywall;
        this.site = site;
    }

    /** Forgets every answer made (called on every content change, on every node). */
    public void clear() {
        changes.incrementAndGet();
        dao.forgetLinks();
        made.invalidateAll();
    }

    private record Caller(ApiKey key, Optional<User> reader, Level level) {
        String cacheControl() {
            return reader.isPresent() ? ApiAnswer.PERSONAL : ApiAnswer.SHARED;
        }
    }

    private Caller caller(Context ctx) {
        ApiKey key = keys.check(ctx);
        Optional<User> reader = sessions.current(ctx);
        Level level =
                key.lockedText() ? Level.SUBSCRIBER : reader.map(paywall::level).orElse(Level.ANONYMOUS);
        return new Caller(key, reader, level);
    }

    /**
     * The answer for this request: kept, once its query and level are asked a second time, until content
     * changes, and then sent without reading the parameters again ({@code make} reads them, so a malformed one
     * is a 400 and nothing is kept). An answer asked for only once is made, sent and dropped: a client that
     * pages deep into the archive, or adds a parameter of its own to every request, would otherwise fill the
     * node's memory with answers nobody asks for again, each surviving young collections into the old
     * generation. A query asked before is made once for all who ask it at the same moment (as after a change).
     */
    private void cached(Context ctx, Caller c, Supplier<Object> make) {
        String query = ctx.queryString() == null ? "" : ctx.queryString();
        String key = ctx.path() + "?" + query + "|" + c.level();
        ApiAnswer.Made answer = made.getIfPresent(key);
        if (answer == null && asked.note(key)) {
            long before = changes.get();
            answer = made.get(key, k -> ApiAnswer.Made.of(make.get()));
            // content changed while it was being made: it may be older than the change (clearing the cache
            // does not wait for an answer still being made), so it is not kept
            if (changes.get() != before) made.invalidate(key);
        } else if (answer == null) {
            answer = ApiAnswer.Made.of(make.get());
        }
        ApiAnswer.send(ctx, answer, c.cacheControl());
    }

    public void articles(Context ctx) {
        Caller c = caller(ctx);
        cached(ctx, c, () -> {
            ArticleQuery q = ArticleQuery.of(ctx);
            ArticleJson.Shape shape = ArticleJson.Shape.of(ctx, Set.of());
            List<ContentDao.Row> rows = dao.articles(q, shape.parts());
            ArrayNode items = Json.MAPPER.createArrayNode();
            rows.forEach(r -> items.add(shapes.article(r, shape, c.level(), site.get())));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("articles", items);
            out.put("next", rows.size() < q.limit() ? null : q.next(rows.get(rows.size() - 1)));
            return out;
        });
    }

    public void article(Context ctx) {
        Caller c = caller(ctx);
        String id = ctx.pathParam("id");
        cached(ctx, c, () -> {
            ArticleJson.Shape shape = ArticleJson.Shape.of(ctx, Set.of("html"));
            Optional<ContentDao.Row> row =
                    id.matches("[1-9][0-9]{0,17}") ? dao.article(Long.parseLong(id), shape.parts()) : Optional.empty();
            return Map.of(
                    "article",
                    shapes.article(
                            row.orElseThrow(() -> notFound("article with id " + id)), shape, c.level(), site.get()));
        });
    }

    public void articleBySlug(Context ctx) {
        Caller c = caller(ctx);
        String slug = ctx.pathParam("slug");
        cached(ctx, c, () -> {
            ArticleJson.Shape shape = ArticleJson.Shape.of(ctx, Set.of("html"));
            return Map.of(
                    "article",
                    shapes.article(
                            dao.article(slug, shape.parts()).orElseThrow(() -> notFound("article \"" + slug + "\"")),
                            shape,
                            c.level(),
                            site.get()));
        });
    }

    public void sections(Context ctx) {
        Caller c = caller(ctx);
        cached(
                ctx,
                c,
                () -> Map.of(
                        "sections",
                        dao.sections().stream()
                                .map(s -> named(s, "description", s.description()))
                                .toList()));
    }

    public void authors(Context ctx) {
        Caller c = caller(ctx);
        long after = after(ctx);
        int limit = ArticleQuery.limit(ctx, 50);
        cached(ctx, c, () -> {
            List<ContentDao.Named> rows = dao.authors(after, limit);
            List<Map<String, Object>> items = rows.stream()
                    .map(a -> {
                        Map<String, Object> m = named(a, "title", a.extra());
                        m.put("bio", a.description());
                        return m;
                    })
                    .toList();
            return page(
                    "authors",
                    items,
                    rows.size() < limit
                            ? null
                            : String.valueOf(rows.get(rows.size() - 1).id()));
        });
    }

    public void topics(Context ctx) {
        Caller c = caller(ctx);
        long after = after(ctx);
        int limit = ArticleQuery.limit(ctx, 50);
        cached(ctx, c, () -> {
            List<ContentDao.Named> rows = dao.topics(after, limit);
            return page(
                    "topics",
                    rows.stream().map(t -> named(t, "kind", t.extra())).toList(),
                    rows.size() < limit
                            ? null
                            : String.valueOf(rows.get(rows.size() - 1).id()));
        });
    }

    public void photos(Context ctx) {
        Caller c = caller(ctx);
        long after = after(ctx);
        int limit = ArticleQuery.limit(ctx, 50);
        cached(ctx, c, () -> {
            List<ContentDao.PhotoRow> rows = dao.photos(after == 0 ? Long.MAX_VALUE : after, limit);
            List<ObjectNode> items = rows.stream()
                    .map(p -> ArticleJson.photo(
                            p.id(),
                            p.fileKey(),
                            p.mimeType(),
                            p.width(),
                            p.height(),
                            p.caption(),
                            p.credit(),
                            p.alt(),
                            site.get()))
                    .toList();
            return page(
                    "photos",
                    items,
                    rows.size() < limit
                            ? null
                            : String.valueOf(rows.get(rows.size() - 1).id()));
        });
    }

    /**
     * Everything that changed after a sequence number: each article once per page with its state now
     * ({@code published}, {@code unpublished} for anything readers cannot see, {@code deleted}).
     */
    public void changes(Context ctx) {
        caller(ctx);
        long after = after(ctx);
        int limit = ArticleQuery.limit(ctx, 100);
        long horizon = dao.changesHorizon();
        if (after < horizon)
            throw new Problem(
                            410,
                            "Changes up to " + horizon + " are no longer kept (the feed keeps "
                                    + ApiHousekeeping.CHANGES_KEPT.toDays() + " days), so after=" + after
                                    + " may miss some. Re-sync: note \"next\" from this answer, read the articles"
                                    + " again (" + ApiPaths.contentArticles() + "), then ask for changes after"
                                    + " that \"next\".")
                    .with("next", String.valueOf(Math.max(horizon, dao.latestChange())));
        List<ContentDao.Change> rows = dao.changes(after, limit);
        Map<Long, Map<String, Object>> latest = new LinkedHashMap<>();
        Site s = site.get();
        for (ContentDao.Change ch : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", ch.seq());
            m.put("articleId", ch.articleId());
            String state =
                    ch.status() == null ? "deleted" : ch.status().equals("published") ? "published" : "unpublished";
            m.put("state", state);
            m.put("changedAt", ch.changedAt().toString());
            if (state.equals("published")) {
                m.put("slug", ch.slug());
                m.put("url", s.absolute(s.articlePath(ch.slug(), ch.publishedAt())));
                m.put("api", s.absolute(ApiPaths.contentArticle(ch.articleId())));
            }
            latest.remove(ch.articleId());
            latest.put(ch.articleId(), m);
        }
        long next = rows.isEmpty() ? after : rows.get(rows.size() - 1).seq();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("changes", List.copyOf(latest.values()));
        out.put("next", String.valueOf(next));
        out.put("more", rows.size() == limit);
        ApiAnswer.send(ctx, ApiAnswer.Made.of(out), ApiAnswer.FRESH);
    }

    /** CORS preflight for any Content API address. */
    public void preflight(Context ctx) {
        ApiAnswer.preflight(ctx);
    }

    private static Map<String, Object> named(ContentDao.Named n, String extraName, String extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("slug", n.slug());
        m.put("name", n.name());
        m.put(extraName, extra);
        return m;
    }

    private static Map<String, Object> page(String name, List<?> items, String next) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(name, items);
        out.put("next", next);
        return out;
    }

    private static long after(Context ctx) {
        String raw = ctx.queryParam("after");
        if (raw == null || raw.isBlank()) return 0;
        if (!raw.strip().matches("[0-9]{1,18}"))
            throw new Problem(400, "\"after\" must be the \"next\" value of a previous page.");
        return Long.parseLong(raw.strip());
    }

    private static Problem notFound(String what) {
        return new Problem(404, "There is no published " + what + ".");
    }
}
