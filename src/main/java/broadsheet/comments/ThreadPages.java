package broadsheet.comments;

import broadsheet.accounts.User;
import broadsheet.web.Chrome;
import broadsheet.web.Csrf;
import broadsheet.web.Json;
import broadsheet.web.Layout;
import broadsheet.web.Meta;
import broadsheet.web.PageCache;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Sessions;
import broadsheet.web.Views;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Comments as everyone sees them: the conversation page, which is the same bytes for every reader
 * (it can be cached like an article), the counts on article pages, and {@code me.json}, which
 * tells the page script what this one reader may do there.
 */
public final class ThreadPages {

    public record ThreadPage(
            Layout layout,
            CommentArticle article,
            String articlePath,
            String state,
            boolean closed,
            int count,
            ThreadDao.Sort sort,
            List<ThreadDao.Sort> sorts,
            List<ThreadDao.Thread> threads,
            int page,
            boolean more) {
        public String base() {
            return Paths.comments(article.id());
        }
    }

    private final CommentService comments;
    private final ThreadDao threads;
    private final Sessions sessions;
    private final Csrf csrf;
    private final Chrome chrome;
    private final Views views;

    public ThreadPages(
            CommentService comments, ThreadDao threads, Sessions sessions, Csrf csrf, Chrome chrome, Views views) {
        this.comments = comments;
        this.threads = threads;
        this.sessions = sessions;
        this.csrf = csrf;
        this.chrome = chrome;
        this.views = views;
    }

    public void thread(Context ctx) {
        CommentArticle a = article(ctx);
        ThreadDao.Sort sort = ThreadDao.Sort.of(ctx.queryParam("sort"));
        if (sort == null) throw new BadRequestResponse("Sort by newest, oldest or liked.");
        int page = page(ctx);
        CommentSettings s = comments.settings();
        CommentMode mode = a.effectiveMode(s, Instant.now());
        String state = switch (mode) {
            case CLOSED ->
                a.closedBySetting(s, Instant.now())
                        ? "Comments closed automatically " + s.autoCloseDays() + " days after publication."
                        : "Comments on this article are closed.";
            case OFF -> "Comments are off for this article.";
            case PREMODERATED -> "Comments on this article are checked by an editor before they appear.";
            case OPEN -> "";
        };
        if (a.subscribersOnly(s) && !mode.shut()) state = (state + " Only subscribers may comment here.").strip();
        boolean off = mode == CommentMode.OFF;
        List<ThreadDao.Thread> list = off ? List.of() : threads.page(a.id(), sort, page);
        boolean more = !off && threads.threadCount(a.id()) > page * ThreadDao.PAGE_SIZE;
        String path = chrome.site().articlePath(a.slug(), a.publishedAt());
        Meta meta = new Meta(
                "Comments: " + a.headline(),
                "Readers' comments on " + a.headline(),
                Paths.comments(a.id()),
                "website",
                null,
                null,
                List.of(),
                sort != ThreadDao.Sort.NEWEST || page > 1);
        byte[] body = views.render(
                "comments/thread.jte",
                new ThreadPage(
                        chrome.layout(meta),
                        a,
                        path,
                        state,
                        mode.shut(),
                        off ? 0 : threads.count(a.id()),
                        sort,
                        List.of(ThreadDao.Sort.values()),
                        list,
                        page,
                        more));
        // The same for everyone, so shared caches may keep it; they must ask again each time (no-cache)
        // so a reader who has just posted sees the comment.
        PageCache.send(
                ctx,
                PageCache.Page.html(body, Instant.now(), "comments-" + a.id() + " article-" + a.id()),
                "public, no-cache");
    }

    /** Comment counts for up to 100 articles: {"12": 3, ...}. The same for everyone. */
    public void counts(Context ctx) {
        List<Long> ids = new ArrayList<>();
        String raw = ctx.queryParam("ids");
        if (raw != null) {
            for (String p : raw.split(",")) {
                if (p.isBlank()) continue;
                if (!p.strip().matches("[0-9]{1,18}"))
                    throw new BadRequestResponse("ids must be article numbers separated by commas, e.g. 12,15.");
                ids.add(Long.parseLong(p.strip()));
                if (ids.size() > 100) throw new BadRequestResponse("Ask for at most 100 articles at a time.");
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        threads.counts(ids).forEach((k, v) -> out.put(Long.toString(k), v));
        ctx.header("Cache-Control", "public, max-age=30");
        ctx.contentType("application/json; charset=utf-8").result(Json.forScript(out));
    }

    /** What this reader may do on this article's comments; never cached. */
    public void me(Context ctx) {
        CommentArticle a = article(ctx);
        ctx.header("Cache-Control", "private, no-store");
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<User> user = sessions.current(ctx);
        out.put("signedIn", user.isPresent());
        if (user.isPresent()) {
            CommentSettings s = comments.settings();
            Optional<CommentRefused> no = comments.refusal(user.get(), a, s);
            out.put("name", CommentService.displayName(user.get()));
            out.put("canComment", no.isEmpty());
            out.put("refusal", no.map(Throwable::getMessage).orElse(null));
            ThreadDao.Mine mine = threads.mine(a.id(), user.get().id(), s.editMinutes());
            out.put("own", mine.own());
            out.put("editable", mine.editable());
            out.put("liked", mine.liked());
            out.put("csrf", csrf.token(ctx));
        }
        ctx.contentType("application/json; charset=utf-8").result(Json.forScript(out));
    }

    private CommentArticle article(Context ctx) {
        return comments.article(Params.pathId(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    /** The page of threads, from 1; anything else is the sender's mistake. */
    private static int page(Context ctx) {
        long p = Params.optionalQueryLong(ctx, "page").orElse(1L);
        if (p < 1 || p > 100_000) throw new BadRequestResponse("page must be a number from 1.");
        return (int) p;
    }
}
