package broadsheet.web;

import broadsheet.articles.ArticlePages;
import broadsheet.feeds.Discovery;
import broadsheet.fronts.ArchivePages;
import broadsheet.fronts.FrontPages;
import broadsheet.media.MediaPages;
import broadsheet.newsletters.NewsletterPages;
import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;

/** The one route table: every URL the site answers, with who may use it. */
public record Routes(FrontPages fronts, ArticlePages articles, ArchivePages archive, NewsletterPages newsletters,
                     MediaPages media, Assets assets, Logo logo, Discovery discovery, ErrorPages errors) {

    public void register(JavalinConfig config) {
        var r = config.routes;
        r.beforeMatched(Routes::requireRole);
        r.before(SecurityHeaders::apply);

        r.get("/", fronts::home, Role.ANYONE);
        r.get("/sections/{slug}", fronts::section, Role.ANYONE);
        r.get("/authors/{slug}", fronts::author, Role.ANYONE);
        r.get("/topics/{slug}", fronts::topic, Role.ANYONE);
        // the archive first: "/archive/2026/11/30" would otherwise look like an article URL
        r.get("/archive", archive::index, Role.ANYONE);
        r.get("/archive/{y}/{m}", archive::month, Role.ANYONE);
        r.get("/archive/{y}/{m}/{d}", archive::day, Role.ANYONE);
        r.get("/{y}/{m}/{d}/{slug}", articles::show, Role.ANYONE);
        r.get("/{y}/{m}/{d}/{slug}/photos/{n}", articles::photo, Role.ANYONE);
        r.get("/newsletters", newsletters::index, Role.ANYONE);
        r.get("/newsletters/{slug}", newsletters::show, Role.ANYONE);

        r.get("/feed.{format}", discovery::siteFeed, Role.ANYONE);
        r.get("/sections/{slug}/feed.{format}", discovery::sectionFeed, Role.ANYONE);
        r.get("/authors/{slug}/feed.{format}", discovery::authorFeed, Role.ANYONE);
        r.get("/topics/{slug}/feed.{format}", discovery::topicFeed, Role.ANYONE);
        r.get("/sitemap.xml", discovery::sitemapIndex, Role.ANYONE);
        r.get("/sitemaps/news.xml", discovery::newsSitemap, Role.ANYONE);
        r.get("/sitemaps/pages.xml", discovery::pagesSitemap, Role.ANYONE);
        r.get("/sitemaps/articles-{y}-{m}.xml", discovery::monthSitemap, Role.ANYONE);
        r.get("/robots.txt", discovery::robots, Role.ANYONE);

        r.get("/media/{file}", media::derivative, Role.ANYONE);
        r.get("/assets/{file}", assets::serve, Role.ANYONE);
        r.get("/logo.png", logo::serve, Role.ANYONE);
        r.get("/favicon.ico", ctx -> ctx.redirect(assets.url("favicon.svg")), Role.ANYONE);
        r.get("/healthz", discovery::health, Role.ANYONE);

        r.error(404, "html", errors::notFound);
        r.exception(NotFoundResponse.class, (e, ctx) -> errors.notFound(ctx));
        r.exception(BadRequestResponse.class, (e, ctx) -> errors.badRequest(ctx, e.getMessage()));
        r.exception(Exception.class, errors::serverError);
    }

    /** Fails closed: a matched route that names no role is refused. */
    private static void requireRole(Context ctx) {
        if (ctx.routeRoles().isEmpty()) throw new ForbiddenResponse("This route has no access rule.");
    }
}
