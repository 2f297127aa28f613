package broadsheet.newsroom.articles;

import broadsheet.accounts.User;
import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticlePages;
import broadsheet.articles.ArticleView;
import broadsheet.newsroom.Desk;
import broadsheet.web.Params;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Signed preview links: making one on the desk, and the article as readers would see it for whoever holds one. */
public final class PreviewPages {

    static final Duration PREVIEW_LIFETIME = Duration.ofHours(48);

    public record LinkPage(Desk.Frame frame, long id, String headline, String url, String expires) {}

    private final Desk desk;
    private final ArticleDesk articles;
    private final ArticleDeskDao dao;
    private final PreviewLinks links;
    private final ArticlePages pages;
    private final ArticleDao published;

    public PreviewPages(
            Desk desk,
            ArticleDesk articles,
            ArticleDeskDao dao,
            PreviewLinks links,
            ArticlePages pages,
            ArticleDao published) {
        this.desk = desk;
        this.articles = articles;
        this.dao = dao;
        this.links = links;
        this.pages = pages;
        this.published = published;
    }

    public void previewLink(Context ctx) {
        User user = desk.user(ctx);
        DeskArticle a = articles.load(user, Params.pathId(ctx, "id"));
        Instant expires = Instant.now().plus(PREVIEW_LIFETIME).truncatedTo(ChronoUnit.SECONDS);
        String url = desk.chrome().site().absolute(links.path(a.id(), expires));
        // whoever holds the link can read an unpublished article until it expires: record who made one
        dao.recordPreviewLink(user, a.id(), expires);
        desk.render(
                ctx,
                "newsroom/articles/preview-link.jte",
                new LinkPage(
                        desk.frame(ctx, "Preview link", "articles"),
                        a.id(),
                        a.content().headline(),
                        url,
                        desk.chrome().site().readable(expires)));
    }

    /** The article as readers would see it, for whoever holds a valid signed link. */
    public void preview(Context ctx) {
        long id = Params.pathId(ctx, "id");
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        if (!links.valid(id, ctx.queryParam("expires"), ctx.queryParam("sig"), Instant.now())) {
            throw new ForbiddenResponse(
                    "This preview link has expired or is not complete. Ask the newsroom for a new one.");
        }
        ArticleView a = published.findAny(id).orElseThrow(NotFoundResponse::new);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(pages.renderPreview(a, Instant.now()));
    }
}
