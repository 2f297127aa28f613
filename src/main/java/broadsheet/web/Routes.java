package broadsheet.web;

import broadsheet.accounts.AccountPages;
import broadsheet.articles.ArticlePages;
import broadsheet.feeds.Discovery;
import broadsheet.fronts.ArchivePages;
import broadsheet.fronts.FrontPages;
import broadsheet.mail.DevMailPages;
import broadsheet.media.MediaPages;
import broadsheet.newsroom.NewsroomHome;
import broadsheet.newsroom.articles.ArticleDeskPages;
import broadsheet.newsroom.articles.RevisionPages;
import broadsheet.newsroom.photos.GalleryDesk;
import broadsheet.newsroom.photos.PhotoDesk;
import broadsheet.newsroom.audit.AuditDesk;
import broadsheet.newsroom.fronts.FrontDesk;
import broadsheet.newsroom.people.PeopleDesk;
import broadsheet.newsroom.taxonomy.CatalogDesk;
import broadsheet.newsletters.NewsletterPages;
import broadsheet.newsletters.SignupPages;
import broadsheet.newsroom.newsletters.NewsletterDesk;
import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;

/** The one route table: every URL the site answers, with who may use it. */
public record Routes(FrontPages fronts, ArticlePages articles, ArchivePages archive, NewsletterPages newsletters,
                     AccountPages accounts, DevMailPages devMail, AccessCheck access, NewsroomHome newsroom,
                     MediaPages media, Assets assets, Logo logo, Discovery discovery, ErrorPages errors,
                     ArticleDeskPages articleDesk, RevisionPages revisionPages,
                     PhotoDesk photos, GalleryDesk galleries,
                     FrontDesk frontDesk, CatalogDesk sectionDesk, CatalogDesk authorDesk, CatalogDesk topicDesk,
                     PeopleDesk peopleDesk, AuditDesk auditDesk,
                     SignupPages newsletterSignups, NewsletterDesk newsletterDesk) {

    /** A GET route and its HEAD twin with the same role (HEAD answers with the headers alone). */
    private static void get(io.javalin.config.RoutesConfig r, String path, io.javalin.http.Handler handler, Role role) {
        r.get(path, handler, role);
        r.head(path, handler, role);
    }

    public void register(JavalinConfig config) {
        var r = config.routes;
        r.beforeMatched(access::check);
        r.before(SecurityHeaders::apply);

        // --- newsroom: photos (who may change which photo or gallery is checked in the handlers)
        get(r, "/newsroom/photos", photos::library, Role.CONTRIBUTOR);
        get(r, "/newsroom/photos/new", photos::uploadForm, Role.CONTRIBUTOR);
        r.post("/newsroom/photos", photos::upload, Role.CONTRIBUTOR);
        get(r, "/newsroom/photos/{id}", photos::editForm, Role.CONTRIBUTOR);
        r.post("/newsroom/photos/{id}", photos::save, Role.CONTRIBUTOR);
        r.post("/newsroom/photos/{id}/delete", photos::delete, Role.CONTRIBUTOR);
        get(r, "/newsroom/articles/{id}/gallery", galleries::show, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/gallery/add", galleries::add, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/gallery/remove", galleries::remove, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/gallery/up", galleries::moveUp, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/gallery/down", galleries::moveDown, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/gallery/lead", galleries::lead, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/gallery/order", galleries::order, Role.CONTRIBUTOR);

        get(r, "/", fronts::home, Role.ANYONE);
        get(r, "/sections/{slug}", fronts::section, Role.ANYONE);
        get(r, "/authors/{slug}", fronts::author, Role.ANYONE);
        get(r, "/topics/{slug}", fronts::topic, Role.ANYONE);
        // --- newsroom: articles (who may change which article is decided per article: see newsroom/articles/Workflow)
        get(r, "/newsroom/articles", articleDesk::list, Role.CONTRIBUTOR);
        get(r, "/newsroom/articles/new", articleDesk::newForm, Role.CONTRIBUTOR);
        get(r, "/newsroom/articles/search", articleDesk::search, Role.CONTRIBUTOR);
        r.post("/newsroom/articles", articleDesk::create, Role.CONTRIBUTOR);
        get(r, "/newsroom/articles/{id}", articleDesk::edit, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}", articleDesk::save, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/autosave", articleDesk::autosave, Role.CONTRIBUTOR);
        get(r, "/newsroom/articles/{id}/revisions", revisionPages::revisions, Role.CONTRIBUTOR);
        get(r, "/newsroom/articles/{id}/revisions/{version}", revisionPages::revision, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/revisions/{version}/restore", articleDesk::restore, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/corrections", articleDesk::correct, Role.EDITOR);
        r.post("/newsroom/articles/{id}/preview-link", articleDesk::previewLink, Role.CONTRIBUTOR);
        get(r, "/preview/{id}", articleDesk::preview, Role.ANYONE); // the signed link is the permission
        get(r, "/archive", archive::index, Role.ANYONE);
        get(r, "/archive/{y}/{m}", archive::month, Role.ANYONE);
        get(r, "/archive/{y}/{m}/{d}", archive::day, Role.ANYONE);
        // --- newsletters: signing up, confirming, unsubscribing and preferences (the signed link or the session decides whose)
        get(r, "/newsletters/confirm/{token}", newsletterSignups::confirm, Role.ANYONE);
        get(r, "/newsletters/unsubscribe/{token}", newsletterSignups::unsubscribeForm, Role.ANYONE);
        r.post("/newsletters/unsubscribe/{token}", newsletterSignups::unsubscribe, Role.ANYONE); // no CSRF token: see AccessCheck
        get(r, "/newsletters/preferences/{token}", newsletterSignups::linkPreferences, Role.ANYONE);
        r.post("/newsletters/preferences/{token}", newsletterSignups::saveLinkPreferences, Role.ANYONE);
        get(r, "/newsletters/{slug}/sign-up", newsletterSignups::signUpForm, Role.ANYONE);
        r.post("/newsletters/{slug}/sign-up", newsletterSignups::signUp, Role.ANYONE);
        get(r, "/newsletters/{slug}/issues/{id}", newsletters::issue, Role.ANYONE);
        get(r, "/account/newsletters", newsletterSignups::accountPreferences, Role.READER);
        r.post("/account/newsletters", newsletterSignups::saveAccountPreferences, Role.READER);
        get(r, "/newsletters", newsletters::index, Role.ANYONE);
        get(r, "/newsletters/{slug}", newsletters::show, Role.ANYONE);

        get(r, "/feed.{format}", discovery::siteFeed, Role.ANYONE);
        get(r, "/sections/{slug}/feed.{format}", discovery::sectionFeed, Role.ANYONE);
        get(r, "/authors/{slug}/feed.{format}", discovery::authorFeed, Role.ANYONE);
        get(r, "/topics/{slug}/feed.{format}", discovery::topicFeed, Role.ANYONE);
        get(r, "/sitemap.xml", discovery::sitemapIndex, Role.ANYONE);
        get(r, "/sitemaps/news.xml", discovery::newsSitemap, Role.ANYONE);
        get(r, "/sitemaps/pages.xml", discovery::pagesSitemap, Role.ANYONE);
        get(r, "/sitemaps/articles-{y}-{m}.xml", discovery::monthSitemap, Role.ANYONE);
        get(r, "/robots.txt", discovery::robots, Role.ANYONE);

        get(r, "/sign-in", accounts::signInForm, Role.ANYONE);
        r.post("/sign-in", accounts::signIn, Role.ANYONE);
        r.post("/sign-out", accounts::signOut, Role.ANYONE);
        get(r, "/register", accounts::registerForm, Role.ANYONE);
        r.post("/register", accounts::register, Role.ANYONE);
        get(r, "/account/confirm", accounts::confirm, Role.ANYONE);
        get(r, "/password/forgot", accounts::forgotForm, Role.ANYONE);
        r.post("/password/forgot", accounts::forgot, Role.ANYONE);
        get(r, "/password/reset", accounts::resetForm, Role.ANYONE);
        r.post("/password/reset", accounts::reset, Role.ANYONE);
        get(r, "/account/email/confirm", accounts::confirmEmailChange, Role.ANYONE);
        get(r, "/account", accounts::account, Role.READER);
        r.post("/account/password", accounts::changePassword, Role.READER);
        r.post("/account/email", accounts::changeEmail, Role.READER);
        r.post("/account/sign-out-everywhere", accounts::signOutEverywhere, Role.READER);
        get(r, "/account/export.json", accounts::export, Role.READER);
        r.post("/account/delete", accounts::delete, Role.READER);
        get(r, "/dev/mail", devMail::list, Role.ANYONE);
        get(r, "/dev/mail/{file}", devMail::show, Role.ANYONE);

        // --- the newsroom
        get(r, "/newsroom", newsroom::show, Role.CONTRIBUTOR);

        // --- newsroom: curation (fronts; sections, authors, topics; people; audit log)
        get(r, "/newsroom/fronts", frontDesk::index, Role.EDITOR);
        get(r, "/newsroom/fronts/{front}", frontDesk::show, Role.EDITOR);
        r.post("/newsroom/fronts/{front}/move", frontDesk::move, Role.EDITOR);
        r.post("/newsroom/fronts/{front}/remove", frontDesk::remove, Role.EDITOR);
        r.post("/newsroom/fronts/{front}/add", frontDesk::add, Role.EDITOR);
        r.post("/newsroom/fronts/{front}/order", frontDesk::order, Role.EDITOR);
        catalog(r, "/newsroom/sections", sectionDesk);
        catalog(r, "/newsroom/authors", authorDesk);
        catalog(r, "/newsroom/topics", topicDesk);
        get(r, "/newsroom/people", peopleDesk::list, Role.ADMIN);
        r.post("/newsroom/people/{id}/role", peopleDesk::changeRole, Role.ADMIN);
        r.post("/newsroom/people/{id}/sign-out", peopleDesk::signOutEverywhere, Role.ADMIN);
        get(r, "/newsroom/audit", auditDesk::list, Role.EDITOR);

        // --- newsroom: newsletters and their issues ("/new" and "/suppressions" before "/{id}")
        get(r, "/newsroom/newsletters", newsletterDesk::list, Role.EDITOR);
        get(r, "/newsroom/newsletters/new", newsletterDesk::blank, Role.EDITOR);
        get(r, "/newsroom/newsletters/suppressions", newsletterDesk::suppressionList, Role.EDITOR);
        r.post("/newsroom/newsletters/suppressions", newsletterDesk::suppress, Role.EDITOR);
        r.post("/newsroom/newsletters", newsletterDesk::create, Role.EDITOR);
        get(r, "/newsroom/newsletters/{id}", newsletterDesk::show, Role.EDITOR);
        r.post("/newsroom/newsletters/{id}", newsletterDesk::update, Role.EDITOR);
        r.post("/newsroom/newsletters/{id}/issues", newsletterDesk::createIssue, Role.EDITOR);
        get(r, "/newsroom/issues/{id}", newsletterDesk::issue, Role.EDITOR);
        r.post("/newsroom/issues/{id}", newsletterDesk::saveIssue, Role.EDITOR);
        get(r, "/newsroom/issues/{id}/preview", newsletterDesk::preview, Role.EDITOR);
        r.post("/newsroom/issues/{id}/test", newsletterDesk::sendTest, Role.EDITOR);
        r.post("/newsroom/issues/{id}/schedule", newsletterDesk::schedule, Role.EDITOR);
        r.post("/newsroom/issues/{id}/unschedule", newsletterDesk::unschedule, Role.EDITOR);
        r.post("/newsroom/issues/{id}/send", newsletterDesk::sendNow, Role.EDITOR);

        get(r, "/media/{file}", media::derivative, Role.ANYONE);
        get(r, "/assets/{file}", assets::serve, Role.ANYONE);
        get(r, "/logo.png", logo::serve, Role.ANYONE);
        get(r, "/favicon.ico", ctx -> ctx.redirect(assets.url("favicon.svg")), Role.ANYONE);
        get(r, "/healthz", discovery::health, Role.ANYONE);

        // Last: Javalin matches in the order routes are added, and these patterns would take any
        // path of four or six segments (/newsroom/articles/7/revisions among them).
        get(r, "/{y}/{m}/{d}/{slug}", articles::show, Role.ANYONE);
        get(r, "/{y}/{m}/{d}/{slug}/photos/{n}", articles::photo, Role.ANYONE);

        r.error(404, "html", errors::notFound);
        r.exception(NotFoundResponse.class, (e, ctx) -> errors.notFound(ctx));
        r.exception(ContentTooLargeResponse.class, (e, ctx) -> errors.tooLarge(ctx, e.getMessage()));
        r.exception(BadRequestResponse.class, (e, ctx) -> errors.badRequest(ctx, e.getMessage()));
        r.exception(ForbiddenResponse.class, (e, ctx) -> errors.forbidden(ctx, e.getMessage()));
        r.exception(AccessCheck.CsrfRejected.class, (e, ctx) -> errors.forbidden(ctx,
                "This form has expired or did not come from this site. Go back, reload the page and try again."));
        r.exception(Exception.class, errors::serverError);
    }

    /** A list, a new form, and edit and delete for one kind; "/new" before "/{id}" so it is not taken for an id. */
    private static void catalog(io.javalin.config.RoutesConfig r, String base, CatalogDesk desk) {
        get(r, base, desk::list, Role.EDITOR);
        get(r, base + "/new", desk::blank, Role.EDITOR);
        r.post(base, desk::create, Role.EDITOR);
        get(r, base + "/{id}", desk::show, Role.EDITOR);
        r.post(base + "/{id}", desk::update, Role.EDITOR);
        r.post(base + "/{id}/delete", desk::delete, Role.EDITOR);
    }
}
