package broadsheet.web;

import broadsheet.accounts.AccountPages;
import broadsheet.articles.ArticlePages;
import broadsheet.feeds.Discovery;
import broadsheet.following.FollowingApi;
import broadsheet.following.FollowingPages;
import broadsheet.fronts.ArchivePages;
import broadsheet.fronts.FrontPages;
import broadsheet.mail.DevMailPages;
import broadsheet.media.MediaPages;
import broadsheet.newsletters.NewsletterPages;
import broadsheet.newsletters.SignupPages;
import broadsheet.newsroom.NewsroomHome;
import broadsheet.newsroom.articles.ArticleDeskPages;
import broadsheet.newsroom.articles.RevisionPages;
import broadsheet.newsroom.audit.AuditDesk;
import broadsheet.newsroom.fronts.FrontDesk;
import broadsheet.newsroom.newsletters.NewsletterDesk;
import broadsheet.newsroom.people.PeopleDesk;
import broadsheet.newsroom.photos.GalleryDesk;
import broadsheet.newsroom.photos.PhotoDesk;
import broadsheet.newsroom.subscriptions.SubscriptionDesk;
import broadsheet.newsroom.taxonomy.CatalogDesk;
import broadsheet.paywall.GiftPages;
import broadsheet.paywall.Paywall;
import broadsheet.paywall.PaywallDesk;
import broadsheet.subscriptions.SubscribePages;
import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;

/** The one route table: every URL the site answers, with who may use it. */
public record Routes(
        FrontPages fronts,
        ArticlePages articles,
        ArchivePages archive,
        NewsletterPages newsletters,
        AccountPages accounts,
        DevMailPages devMail,
        AccessCheck access,
        NewsroomHome newsroom,
        MediaPages media,
        Assets assets,
        Logo logo,
        Discovery discovery,
        ErrorPages errors,
        ArticleDeskPages articleDesk,
        RevisionPages revisionPages,
        PhotoDesk photos,
        GalleryDesk galleries,
        FrontDesk frontDesk,
        CatalogDesk sectionDesk,
        CatalogDesk authorDesk,
        CatalogDesk topicDesk,
        PeopleDesk peopleDesk,
        AuditDesk auditDesk,
        FollowingPages following,
        FollowingApi followingApi,
        GiftPages gifts,
        PaywallDesk paywallDesk,
        broadsheet.comments.CommentPages comments,
        broadsheet.newsroom.moderation.ModerationDesk moderationDesk,
        SubscribePages subscribe,
        SubscriptionDesk subscriptionDesk,
        SignupPages newsletterSignups,
        NewsletterDesk newsletterDesk) {

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
        // --- newsletters: signing up, confirming, unsubscribing and preferences (the signed link or the session
        // decides whose)
        get(r, "/newsletters/confirm/{token}", newsletterSignups::confirm, Role.ANYONE);
        get(r, "/newsletters/unsubscribe/{token}", newsletterSignups::unsubscribeForm, Role.ANYONE);
        r.post(
                "/newsletters/unsubscribe/{token}",
                newsletterSignups::unsubscribe,
                Role.ANYONE); // no CSRF token: see AccessCheck
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
        // --- following: the reader's feed and follows; the JSON API (described in /api/openapi.json)
        get(r, "/following", following::feed, Role.READER);
        get(r, "/following/manage", following::manage, Role.READER);
        r.post("/following/digest", following::digest, Role.READER);
        get(r, "/following/digest/unsubscribe/{token}", following::unsubscribeForm, Role.ANYONE);
        r.post(
                "/following/digest/unsubscribe/{token}",
                following::unsubscribe,
                Role.ANYONE); // one click: no CSRF token (AccessCheck)
        get(r, "/follow", following::confirm, Role.READER);
        r.post("/follow", following::follow, Role.READER);
        r.post("/unfollow", following::unfollow, Role.READER);
        get(r, "/api/me", followingApi::me, Role.ANYONE);
        get(r, "/api/following", followingApi::list, Role.READER);
        r.post("/api/following", followingApi::follow, Role.READER);
        r.delete("/api/following/{kind}/{slug}", followingApi::unfollow, Role.READER);
        get(r, "/api/following/suggestions", followingApi::suggestions, Role.READER);
        get(r, "/api/feed", followingApi::feed, Role.READER);
        get(r, "/api/openapi.json", followingApi::openApi, Role.ANYONE);
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

        // --- the paywall: gift links (the form tells anyone what they need; only subscribers make links) and its
        // settings
        get(r, "/gifts/new", gifts::form, Role.ANYONE);
        r.post("/gifts", gifts::make, Role.READER);
        get(r, "/newsroom/paywall", paywallDesk::show, Role.EDITOR);
        r.post("/newsroom/paywall", paywallDesk::save, Role.EDITOR);
        // --- comments: the conversation page and counts are the same for everyone; the rest is per reader
        get(r, "/articles/{id}/comments", comments::thread, Role.ANYONE);
        get(r, "/articles/{id}/comments/me.json", comments::me, Role.ANYONE);
        get(r, "/comments/counts.json", comments::counts, Role.ANYONE);
        get(r, "/articles/{id}/comments/new", comments::newForm, Role.READER);
        r.post("/articles/{id}/comments", comments::create, Role.READER);
        get(r, "/comments/{id}/reply", comments::replyForm, Role.READER);
        r.post("/comments/{id}/reply", comments::reply, Role.READER);
        get(r, "/comments/{id}/edit", comments::editForm, Role.READER);
        r.post("/comments/{id}/edit", comments::edit, Role.READER);
        get(r, "/comments/{id}/delete", comments::deleteForm, Role.READER);
        r.post("/comments/{id}/delete", comments::delete, Role.READER);
        get(r, "/comments/{id}/like", comments::likeForm, Role.READER);
        r.post("/comments/{id}/like", comments::like, Role.READER);
        r.post("/comments/{id}/unlike", comments::unlike, Role.READER);
        get(r, "/comments/{id}/report", comments::reportForm, Role.READER);
        r.post("/comments/{id}/report", comments::report, Role.READER);
        get(r, "/account/comments", comments::account, Role.READER);
        r.post("/account/comments/email", comments::emailChoice, Role.READER);
        r.post("/account/comments/read", comments::markRead, Role.READER);
        // --- newsroom: comment moderation
        get(r, "/newsroom/moderation", moderationDesk::queue, Role.EDITOR);
        r.post("/newsroom/moderation", moderationDesk::decide, Role.EDITOR);
        get(r, "/newsroom/moderation/settings", moderationDesk::settings, Role.EDITOR);
        r.post("/newsroom/moderation/settings", moderationDesk::saveSettings, Role.EDITOR);
        get(r, "/newsroom/moderation/articles/{id}", moderationDesk::article, Role.EDITOR);
        r.post("/newsroom/moderation/articles/{id}", moderationDesk::saveArticle, Role.EDITOR);
        get(r, "/newsroom/moderation/bans", moderationDesk::bans, Role.EDITOR);
        r.post("/newsroom/moderation/bans", moderationDesk::ban, Role.EDITOR);
        r.post("/newsroom/moderation/bans/{id}/lift", moderationDesk::lift, Role.EDITOR);

        // --- subscriptions: plans and Stripe Checkout, the reader's own, the webhook, and by hand in the newsroom
        get(r, "/subscribe", subscribe::subscribe, Role.ANYONE); // personal (forms with tokens): never cached
        r.post("/subscribe/{plan}", subscribe::checkout, Role.READER);
        get(r, "/subscribe/thanks", subscribe::thanks, Role.READER);
        r.post("/account/subscription/cancel", subscribe::cancel, Role.READER);
        r.post("/account/subscription/resume", subscribe::resume, Role.READER);
        r.post(
                "/stripe/webhook",
                subscribe::webhook,
                Role.ANYONE); // no session, no CSRF token: the Stripe signature is checked
        get(r, "/newsroom/subscriptions", subscriptionDesk::show, Role.ADMIN);
        r.post("/newsroom/subscriptions/grant", subscriptionDesk::grant, Role.ADMIN);
        r.post("/newsroom/subscriptions/extend", subscriptionDesk::extend, Role.ADMIN);
        r.post("/newsroom/subscriptions/revoke", subscriptionDesk::revoke, Role.ADMIN);
        r.post("/newsroom/subscriptions/plans/{id}/stripe-price", subscriptionDesk::stripePrice, Role.ADMIN);
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
        r.exception(FollowingPages.NotFollowable.class, (e, ctx) -> errors.unprocessable(ctx, e.getMessage()));
        r.exception(io.javalin.http.UnauthorizedResponse.class, (e, ctx) -> errors.unauthorized(ctx, e.getMessage()));
        r.exception(
                AccessCheck.CsrfRejected.class,
                (e, ctx) -> errors.forbidden(
                        ctx,
                        "This form has expired or did not come from this site. Go back, reload the page and try again."));
        r.exception(Paywall.GiftRefused.class, gifts::refused);
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
