package broadsheet.web;

import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticleSummary;
import broadsheet.articles.ListFilter;
import broadsheet.db.Cursor;
import io.javalin.http.Context;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pages for what went wrong, each telling the reader where to go next. */
public final class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    public record ErrorPage(Layout layout, int status, String heading, String message, List<ArticleSummary> latest) {}

    private final Chrome chrome;
    private final Views views;
    private final ArticleDao articles;

    public ErrorPages(Chrome chrome, Views views, ArticleDao articles) {
        this.chrome = chrome;
        this.views = views;
        this.articles = articles;
    }

    public void notFound(Context ctx) {
        List<ArticleSummary> latest;
        try {
            latest = articles.latest(ListFilter.all(), Cursor.first(), 5);
        } catch (RuntimeException e) {
            latest = List.of();
        }
        render(
                ctx,
                404,
                "Page not found",
                "We could not find a page at this address. It may have moved, or the link may be mistyped.",
                latest);
    }

    public void badRequest(Context ctx, String message) {
        render(ctx, 400, "That request could not be understood", message, List.of());
    }

    public void tooLarge(Context ctx, String message) {
        render(ctx, 413, "That file is too large", message, List.of());
    }

    public void unprocessable(Context ctx, String message) {
        render(ctx, 422, "That cannot be done", message, List.of());
    }

    /** Only the JSON API answers 401; pages send the reader to sign in instead. */
    public void unauthorized(Context ctx, String message) {
        render(ctx, 401, "Sign in first", message, List.of());
    }

    public void forbidden(Context ctx, String message) {
        render(ctx, 403, "You cannot do that here", message, List.of());
    }

    /** The database is away: a 503 at once, asking the client to come back shortly (Retry-After). */
    public void unavailable(Context ctx) {
        ctx.header("Retry-After", String.valueOf(broadsheet.ops.DatabaseAway.RETRY_AFTER_SECONDS));
        render(
                ctx,
                503,
                "We will be back in a moment",
                "The site cannot reach its database just now. Please try again in a few seconds.",
                List.of());
    }

    public void serverError(Exception e, Context ctx) {
        if (broadsheet.ops.DatabaseAway.isConnectionFailure(e)) {
            LOG.warn("{} {} failed: the database is not reachable ({})", ctx.method(), ctx.path(), e.toString());
            unavailable(ctx);
            return;
        }
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        render(
                ctx,
                500,
                "Something went wrong",
                "The page could not be shown because of a problem on our side. Please try again in a moment.",
                List.of());
    }

    private void render(Context ctx, int status, String heading, String message, List<ArticleSummary> latest) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        if (ApiPaths.isApi(ctx.path())) { // programs get the message as JSON
            ProblemDetails.send(ctx, status, message);
            return;
        }
        Meta meta = Meta.page(heading, message, ctx.path()).hidden();
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(
                views.render("errors/error.jte", new ErrorPage(chrome.layout(meta), status, heading, message, latest)));
    }
}
