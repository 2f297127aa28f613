package broadsheet.web;

import broadsheet.Core;
import broadsheet.accounts.AccountsFeature;
import broadsheet.adminapi.AdminApiFeature;
import broadsheet.adminapi.ApiProblem;
import broadsheet.articles.ArticlesFeature;
import broadsheet.brand.BrandFeature;
import broadsheet.comments.CommentsFeature;
import broadsheet.contentapi.ContentApiFeature;
import broadsheet.feeds.FeedsFeature;
import broadsheet.following.FollowingFeature;
import broadsheet.following.FollowingPages;
import broadsheet.fronts.FrontsFeature;
import broadsheet.newsletters.NewslettersFeature;
import broadsheet.newsroom.NewsroomFeature;
import broadsheet.newsroom.taxonomy.CatalogDesk;
import broadsheet.ops.Failsafe;
import broadsheet.paywall.Paywall;
import broadsheet.paywall.PaywallFeature;
import broadsheet.reads.ReadsFeature;
import broadsheet.search.SearchFeature;
import broadsheet.subscriptions.SubscriptionsFeature;
import io.javalin.config.JavalinConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;

/**
 * The one route table: every URL the site answers, with who may use it. Each feature builds its
 * own handlers ({@code *Feature.create}); this file only says which URL goes where.
 */
public record Routes(
        Core core,
        SitePages site,
        FrontsFeature fronts,
        ArticlesFeature articles,
        FeedsFeature feeds,
        AccountsFeature accounts,
        FollowingFeature following,
        PaywallFeature paywall,
        CommentsFeature comments,
        SubscriptionsFeature subscriptions,
        NewslettersFeature newsletters,
        NewsroomFeature newsroom,
        ReadsFeature reads,
        SearchFeature search,
        BrandFeature brand,
        broadsheet.webhooks.WebhooksFeature webhooks,
        broadsheet.wire.WireFeature wire,
        AdminApiFeature adminApi,
        ContentApiFeature contentApi,
        broadsheet.ops.OpsFeature ops) {

    /** A GET route and its HEAD twin with the same role (HEAD answers with the headers alone). */
    private static void get(io.javalin.config.RoutesConfig r, String path, io.javalin.http.Handler handler, Role role) {
        r.get(path, handler, role);
        r.head(path, handler, role);
    }

    public void register(JavalinConfig config) {
        var r = config.routes;
        r.beforeMatched(site.access()::check);
        r.before(SecurityHeaders::apply);

        // --- content-api (issue 14): key (or reader's token) checked in the handlers; preflights for CORS. First, as
        // Javalin tries a path against each route in turn (after the other routes, 86 pattern matches a request)
        get(r, "/api/content/articles", contentApi.api()::articles, Role.ANYONE);
        get(r, "/api/content/articles/slug/{slug}", contentApi.api()::articleBySlug, Role.ANYONE);
        get(r, "/api/content/articles/{id}", contentApi.api()::article, Role.ANYONE);
        get(r, "/api/content/sections", contentApi.api()::sections, Role.ANYONE);
        get(r, "/api/content/authors", contentApi.api()::authors, Role.ANYONE);
        get(r, "/api/content/topics", contentApi.api()::topics, Role.ANYONE);
        get(r, "/api/content/photos", contentApi.api()::photos, Role.ANYONE);
        get(r, "/api/content/changes", contentApi.api()::changes, Role.ANYONE);
        r.options("/api/content/<rest>", contentApi.api()::preflight, Role.ANYONE);

        // --- newsroom: photos (who may change which photo or gallery is checked in the handlers)
        get(r, "/newsroom/photos", newsroom.photos()::library, Role.CONTRIBUTOR);
        get(r, "/newsroom/photos/new", newsroom.photos()::uploadForm, Role.CONTRIBUTOR);
        get(r, "/newsroom/photos/find", newsroom.photos()::find, Role.CONTRIBUTOR);
        r.post("/newsroom/photos", newsroom.photos()::upload, Role.CONTRIBUTOR);
        get(r, "/newsroom/photos/{id}", newsroom.photos()::editForm, Role.CONTRIBUTOR);
        r.post("/newsroom/photos/{id}", newsroom.photos()::save, Role.CONTRIBUTOR);
        r.post("/newsroom/photos/{id}/delete", newsroom.photos()::delete, Role.CONTRIBUTOR);
        get(r, "/newsroom/articles/{id}/gallery", newsroom.galleries()::show, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/gallery/add", newsroom.galleries()::add, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/gallery/remove", newsroom.galleries()::remove, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/gallery/up", newsroom.galleries()::moveUp, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/gallery/down", newsroom.galleries()::moveDown, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/gallery/lead", newsroom.galleries()::lead, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/gallery/order", newsroom.galleries()::order, Role.CONTRIBUTOR);

        get(r, "/", fronts.pages()::home, Role.ANYONE);
        get(r, "/sections/{slug}", fronts.pages()::section, Role.ANYONE);
        get(r, "/authors/{slug}", fronts.pages()::author, Role.ANYONE);
        get(r, "/topics/{slug}", fronts.pages()::topic, Role.ANYONE);
        // --- newsroom: articles (who may change which article is decided per article: see newsroom/articles/Workflow)
        get(r, "/newsroom/articles", newsroom.articles()::list, Role.CONTRIBUTOR);
        get(r, "/newsroom/articles/new", newsroom.editor()::newForm, Role.CONTRIBUTOR);
        get(r, "/newsroom/articles/search", newsroom.articles()::search, Role.CONTRIBUTOR);
        r.post("/newsroom/articles", newsroom.editor()::create, Role.CONTRIBUTOR);
        get(r, "/newsroom/articles/{id}", newsroom.editor()::edit, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}", newsroom.editor()::save, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/autosave", newsroom.editor()::autosave, Role.CONTRIBUTOR);
        r.post("/newsroom/topic-suggestions", newsroom.editor()::topicSuggestions, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/photos", newsroom.editor()::uploadPhoto, Role.CONTRIBUTOR);
        get(r, "/newsroom/articles/{id}/revisions", newsroom.revisions()::revisions, Role.CONTRIBUTOR);
        get(r, "/newsroom/articles/{id}/revisions/{version}", newsroom.revisions()::revision, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/revisions/{version}/restore", newsroom.revisions()::restore, Role.CONTRIBUTOR);
        r.post("/newsroom/articles/{id}/corrections", newsroom.editor()::correct, Role.EDITOR);
        r.post("/newsroom/articles/{id}/preview-link", newsroom.previews()::previewLink, Role.CONTRIBUTOR);
        get(r, "/preview/{id}", newsroom.previews()::preview, Role.ANYONE); // the signed link is the permission
        get(r, "/archive", fronts.archive()::index, Role.ANYONE);
        get(r, "/archive/{y}/{m}", fronts.archive()::month, Role.ANYONE);
        get(r, "/archive/{y}/{m}/{d}", fronts.archive()::day, Role.ANYONE);
        // --- newsletters: signing up, confirming, unsubscribing and preferences (the signed link or the session
        // decides whose)
        get(r, "/newsletters/confirm/{token}", newsletters.signups()::confirm, Role.ANYONE);
        get(r, "/newsletters/unsubscribe/{token}", newsletters.signups()::unsubscribeForm, Role.ANYONE);
        r.post(
                "/newsletters/unsubscribe/{token}",
                newsletters.signups()::unsubscribe,
                Role.ANYONE,
                NoCsrfToken.OWN_PROOF); // one click from a mail client: the token in the URL is the permission
        get(r, "/newsletters/preferences/{token}", newsletters.signups()::linkPreferences, Role.ANYONE);
        r.post("/newsletters/preferences/{token}", newsletters.signups()::saveLinkPreferences, Role.ANYONE);
        get(r, "/newsletters/{slug}/sign-up", newsletters.signups()::signUpForm, Role.ANYONE);
        r.post("/newsletters/{slug}/sign-up", newsletters.signups()::signUp, Role.ANYONE);
        get(r, "/newsletters/{slug}/issues/{id}", newsletters.pages()::issue, Role.ANYONE);
        get(r, "/account/newsletters", newsletters.signups()::accountPreferences, Role.READER);
        r.post("/account/newsletters", newsletters.signups()::saveAccountPreferences, Role.READER);
        get(r, "/newsletters", newsletters.pages()::index, Role.ANYONE);
        get(r, "/newsletters/{slug}", newsletters.pages()::show, Role.ANYONE);

        get(r, "/feed.{format}", feeds.discovery()::siteFeed, Role.ANYONE);
        get(r, "/sections/{slug}/feed.{format}", feeds.discovery()::sectionFeed, Role.ANYONE);
        get(r, "/authors/{slug}/feed.{format}", feeds.discovery()::authorFeed, Role.ANYONE);
        get(r, "/topics/{slug}/feed.{format}", feeds.discovery()::topicFeed, Role.ANYONE);
        get(r, "/sitemap.xml", feeds.discovery()::sitemapIndex, Role.ANYONE);
        get(r, "/sitemaps/news.xml", feeds.discovery()::newsSitemap, Role.ANYONE);
        get(r, "/sitemaps/pages.xml", feeds.discovery()::pagesSitemap, Role.ANYONE);
        get(r, "/sitemaps/articles-{y}-{m}.xml", feeds.discovery()::monthSitemap, Role.ANYONE);
        get(r, "/robots.txt", feeds.discovery()::robots, Role.ANYONE);

        get(r, "/sign-in", accounts.pages()::signInForm, Role.ANYONE);
        r.post("/sign-in", accounts.pages()::signIn, Role.ANYONE);
        r.post("/sign-out", accounts.pages()::signOut, Role.ANYONE);
        get(r, "/register", accounts.pages()::registerForm, Role.ANYONE);
        r.post("/register", accounts.pages()::register, Role.ANYONE);
        get(r, "/account/confirm", accounts.pages()::confirm, Role.ANYONE);
        get(r, "/password/forgot", accounts.pages()::forgotForm, Role.ANYONE);
        r.post("/password/forgot", accounts.pages()::forgot, Role.ANYONE);
        get(r, "/password/reset", accounts.pages()::resetForm, Role.ANYONE);
        r.post("/password/reset", accounts.pages()::reset, Role.ANYONE);
        get(r, "/account/email/confirm", accounts.pages()::confirmEmailChange, Role.ANYONE);
        get(r, "/account", accounts.pages()::account, Role.READER);
        r.post("/account/password", accounts.pages()::changePassword, Role.READER);
        r.post("/account/email", accounts.pages()::changeEmail, Role.READER);
        r.post("/account/sign-out-everywhere", accounts.pages()::signOutEverywhere, Role.READER);
        get(r, "/account/export.json", accounts.pages()::export, Role.READER);
        r.post("/account/delete", accounts.pages()::delete, Role.READER);
        // --- following: the reader's feed and follows; the JSON API (described in /api/openapi.json)
        get(r, "/following", following.pages()::feed, Role.READER);
        get(r, "/following/manage", following.pages()::manage, Role.READER);
        r.post("/following/digest", following.pages()::digest, Role.READER);
        get(r, "/following/digest/unsubscribe/{token}", following.pages()::unsubscribeForm, Role.ANYONE);
        r.post(
                "/following/digest/unsubscribe/{token}",
                following.pages()::unsubscribe,
                Role.ANYONE,
                NoCsrfToken.OWN_PROOF); // one click from a mail client: the token in the URL is the permission
        get(r, "/follow", following.pages()::confirm, Role.READER);
        r.post("/follow", following.pages()::follow, Role.READER);
        r.post("/unfollow", following.pages()::unfollow, Role.READER);
        get(r, "/api/me", following.api()::me, Role.ANYONE);
        get(r, "/api/following", following.api()::list, Role.READER);
        r.post("/api/following", following.api()::follow, Role.READER);
        r.delete("/api/following/{kind}/{slug}", following.api()::unfollow, Role.READER);
        get(r, "/api/following/suggestions", following.api()::suggestions, Role.READER);
        get(r, "/api/feed", following.api()::feed, Role.READER);
        get(r, "/api/openapi.json", new OpenApiDocument()::serve, Role.ANYONE);
        get(r, "/dev/mail", site.devMail()::list, Role.ANYONE);
        get(r, "/dev/mail/{file}", site.devMail()::show, Role.ANYONE);

        // --- the newsroom
        get(r, "/newsroom", newsroom.home()::show, Role.CONTRIBUTOR);

        // --- newsroom: curation (fronts; sections, authors, topics; people; audit log)
        get(r, "/newsroom/fronts", newsroom.fronts()::index, Role.EDITOR);
        get(r, "/newsroom/fronts/{front}", newsroom.fronts()::show, Role.EDITOR);
        r.post("/newsroom/fronts/{front}/move", newsroom.fronts()::move, Role.EDITOR);
        r.post("/newsroom/fronts/{front}/remove", newsroom.fronts()::remove, Role.EDITOR);
        r.post("/newsroom/fronts/{front}/add", newsroom.fronts()::add, Role.EDITOR);
        r.post("/newsroom/fronts/{front}/order", newsroom.fronts()::order, Role.EDITOR);
        r.post("/newsroom/fronts/{front}/layout", newsroom.fronts()::layout, Role.EDITOR);
        r.post("/newsroom/fronts/breaking", newsroom.fronts()::markBreaking, Role.EDITOR);
        r.post("/newsroom/fronts/breaking/end", newsroom.fronts()::endBreaking, Role.EDITOR);
        catalog(r, "/newsroom/sections", newsroom.sections());
        catalog(r, "/newsroom/authors", newsroom.authors());
        catalog(r, "/newsroom/topics", newsroom.topics());
        get(r, "/newsroom/people", accounts.people()::list, Role.ADMIN);
        r.post("/newsroom/people/{id}/role", accounts.people()::changeRole, Role.ADMIN);
        r.post("/newsroom/people/{id}/sign-out", accounts.people()::signOutEverywhere, Role.ADMIN);
        get(r, "/newsroom/audit", newsroom.audit()::list, Role.EDITOR);

        // --- the paywall: gift links (the form tells anyone what they need; only subscribers make links) and its
        // settings
        get(r, "/gifts/new", paywall.gifts()::form, Role.ANYONE);
        r.post("/gifts", paywall.gifts()::make, Role.READER);
        get(r, "/newsroom/paywall", paywall.desk()::show, Role.EDITOR);
        r.post("/newsroom/paywall", paywall.desk()::save, Role.EDITOR);
        // --- comments: the conversation page and counts are the same for everyone; the rest is per reader
        get(r, "/articles/{id}/comments", comments.threads()::thread, Role.ANYONE);
        get(r, "/articles/{id}/comments/me.json", comments.threads()::me, Role.ANYONE);
        get(r, "/comments/counts.json", comments.threads()::counts, Role.ANYONE);
        get(r, "/articles/{id}/comments/new", comments.pages()::newForm, Role.READER);
        r.post("/articles/{id}/comments", comments.pages()::create, Role.READER);
        get(r, "/comments/{id}/reply", comments.pages()::replyForm, Role.READER);
        r.post("/comments/{id}/reply", comments.pages()::reply, Role.READER);
        get(r, "/comments/{id}/edit", comments.pages()::editForm, Role.READER);
        r.post("/comments/{id}/edit", comments.pages()::edit, Role.READER);
        get(r, "/comments/{id}/delete", comments.pages()::deleteForm, Role.READER);
        r.post("/comments/{id}/delete", comments.pages()::delete, Role.READER);
        get(r, "/comments/{id}/like", comments.pages()::likeForm, Role.READER);
        r.post("/comments/{id}/like", comments.pages()::like, Role.READER);
        r.post("/comments/{id}/unlike", comments.pages()::unlike, Role.READER);
        get(r, "/comments/{id}/report", comments.pages()::reportForm, Role.READER);
        r.post("/comments/{id}/report", comments.pages()::report, Role.READER);
        get(r, "/account/comments", comments.account()::account, Role.READER);
        r.post("/account/comments/email", comments.account()::emailChoice, Role.READER);
        r.post("/account/comments/read", comments.account()::markRead, Role.READER);
        // --- newsroom: comment moderation
        get(r, "/newsroom/moderation", comments.moderation()::queue, Role.EDITOR);
        r.post("/newsroom/moderation", comments.moderation()::decide, Role.EDITOR);
        get(r, "/newsroom/moderation/settings", comments.moderation()::settings, Role.EDITOR);
        r.post("/newsroom/moderation/settings", comments.moderation()::saveSettings, Role.EDITOR);
        get(r, "/newsroom/moderation/articles/{id}", comments.moderation()::article, Role.EDITOR);
        r.post("/newsroom/moderation/articles/{id}", comments.moderation()::saveArticle, Role.EDITOR);
        get(r, "/newsroom/moderation/bans", comments.moderation()::bans, Role.EDITOR);
        r.post("/newsroom/moderation/bans", comments.moderation()::ban, Role.EDITOR);
        r.post("/newsroom/moderation/bans/{id}/lift", comments.moderation()::lift, Role.EDITOR);

        // --- subscriptions: plans and Stripe Checkout, the reader's own, the webhook, and by hand in the newsroom
        get(
                r,
                "/subscribe",
                subscriptions.pages()::subscribe,
                Role.ANYONE); // personal (forms with tokens): never cached
        r.post("/subscribe/{plan}", subscriptions.pages()::checkout, Role.READER);
        get(r, "/subscribe/thanks", subscriptions.pages()::thanks, Role.READER);
        r.post("/account/subscription/cancel", subscriptions.pages()::cancel, Role.READER);
        r.post("/account/subscription/resume", subscriptions.pages()::resume, Role.READER);
        r.post(
                "/stripe/webhook",
                subscriptions.pages()::webhook,
                Role.ANYONE,
                NoCsrfToken.OWN_PROOF); // no session: the Stripe signature is checked
        get(r, "/newsroom/subscriptions", subscriptions.desk()::show, Role.ADMIN);
        r.post("/newsroom/subscriptions/grant", subscriptions.desk()::grant, Role.ADMIN);
        r.post("/newsroom/subscriptions/extend", subscriptions.desk()::extend, Role.ADMIN);
        r.post("/newsroom/subscriptions/revoke", subscriptions.desk()::revoke, Role.ADMIN);
        r.post("/newsroom/subscriptions/plans/{id}/stripe-price", subscriptions.desk()::stripePrice, Role.ADMIN);
        // --- newsroom: newsletters and their issues ("/new" and "/suppressions" before "/{id}")
        get(r, "/newsroom/newsletters", newsletters.desk()::list, Role.EDITOR);
        get(r, "/newsroom/newsletters/new", newsletters.desk()::blank, Role.EDITOR);
        get(r, "/newsroom/newsletters/suppressions", newsletters.desk()::suppressionList, Role.EDITOR);
        r.post("/newsroom/newsletters/suppressions", newsletters.desk()::suppress, Role.EDITOR);
        r.post("/newsroom/newsletters", newsletters.desk()::create, Role.EDITOR);
        get(r, "/newsroom/newsletters/{id}", newsletters.desk()::show, Role.EDITOR);
        r.post("/newsroom/newsletters/{id}", newsletters.desk()::update, Role.EDITOR);
        r.post("/newsroom/newsletters/{id}/issues", newsletters.desk()::createIssue, Role.EDITOR);
        get(r, "/newsroom/issues/{id}", newsletters.desk()::issue, Role.EDITOR);
        r.post("/newsroom/issues/{id}", newsletters.desk()::saveIssue, Role.EDITOR);
        get(r, "/newsroom/issues/{id}/preview", newsletters.desk()::preview, Role.EDITOR);
        r.post("/newsroom/issues/{id}/test", newsletters.desk()::sendTest, Role.EDITOR);
        r.post("/newsroom/issues/{id}/schedule", newsletters.desk()::schedule, Role.EDITOR);
        r.post("/newsroom/issues/{id}/unschedule", newsletters.desk()::unschedule, Role.EDITOR);
        r.post("/newsroom/issues/{id}/send", newsletters.desk()::sendNow, Role.EDITOR);

        // --- reads: the beacon an article page's script sends once loaded
        r.post("/reads", reads.api()::beacon, Role.ANYONE, NoCsrfToken.CHANGES_NOTHING_OWNED);
        // --- brand: the paper's look, set by an admin; its generated stylesheet and logo
        get(r, "/newsroom/brand", brand.desk()::show, Role.ADMIN);
        r.post("/newsroom/brand", brand.desk()::save, Role.ADMIN);
        get(r, "/brand/{file}", brand.files()::serve, Role.ANYONE);

        // an app signs a reader in with email and password (the password is the proof; the site's throttle applies)
        r.post("/api/tokens", contentApi.tokens()::signIn, Role.ANYONE, NoCsrfToken.OWN_PROOF);
        r.delete("/api/tokens/current", contentApi.tokens()::signOut, Role.READER);
        get(r, "/account/apps", contentApi.tokens()::list, Role.READER);
        r.post("/account/apps/{handle}/sign-out", contentApi.tokens()::end, Role.READER);
        get(r, "/newsroom/integrations", contentApi.integrations()::show, Role.ADMIN);
        r.post("/newsroom/integrations", contentApi.integrations()::create, Role.ADMIN);
        r.post("/newsroom/integrations/{id}/revoke", contentApi.integrations()::revoke, Role.ADMIN);

        // --- admin-api (issue 14): tokens made in the newsroom; the API itself is reached with one (see
        // StaffTokenGate)
        get(r, "/newsroom/tokens", adminApi.desk()::list, Role.CONTRIBUTOR);
        r.post("/newsroom/tokens", adminApi.desk()::create, Role.CONTRIBUTOR);
        r.post("/newsroom/tokens/{id}/revoke", adminApi.desk()::revoke, Role.CONTRIBUTOR); // own, or an admin's
        var admin = adminApi.calls();
        var bearer = StaffTokenGate.Marker.BEARER;
        var articleApi = adminApi.articles();
        r.post("/api/admin/articles", admin.guard(articleApi::create), Role.CONTRIBUTOR, bearer);
        r.get("/api/admin/articles/{id}", admin.guard(articleApi::get), Role.CONTRIBUTOR, bearer);
        r.patch("/api/admin/articles/{id}", admin.guard(articleApi::update), Role.CONTRIBUTOR, bearer);
        r.post("/api/admin/articles/{id}/submit", admin.guard(articleApi::submit), Role.CONTRIBUTOR, bearer);
        r.post("/api/admin/articles/{id}/schedule", admin.guard(articleApi::schedule), Role.EDITOR, bearer);
        r.post("/api/admin/articles/{id}/publish", admin.guard(articleApi::publish), Role.EDITOR, bearer);
        r.post("/api/admin/articles/{id}/unpublish", admin.guard(articleApi::unpublish), Role.EDITOR, bearer);
        r.post("/api/admin/articles/{id}/corrections", admin.guard(articleApi::correct), Role.EDITOR, bearer);
        r.post("/api/admin/photos", admin.guard(adminApi.photos()::upload), Role.CONTRIBUTOR, bearer);
        r.post("/api/admin/topics", admin.guard(adminApi.topics()::create), Role.EDITOR, bearer);
        r.get("/api/admin/topics/{id}", admin.guard(adminApi.topics()::get), Role.EDITOR, bearer);
        r.patch("/api/admin/topics/{id}", admin.guard(adminApi.topics()::update), Role.EDITOR, bearer);
        r.post("/api/admin/authors", admin.guard(adminApi.authors()::create), Role.EDITOR, bearer);
        r.get("/api/admin/authors/{id}", admin.guard(adminApi.authors()::get), Role.EDITOR, bearer);
        r.patch("/api/admin/authors/{id}", admin.guard(adminApi.authors()::update), Role.EDITOR, bearer);
        r.exception(ApiProblem.class, (e, ctx) -> e.render(ctx));

        // --- webhooks (issue 14)
        get(r, "/newsroom/webhooks", webhooks.desk()::list, Role.ADMIN);
        r.post("/newsroom/webhooks", webhooks.desk()::create, Role.ADMIN);
        get(r, "/newsroom/webhooks/{id}", webhooks.desk()::show, Role.ADMIN);
        r.post("/newsroom/webhooks/{id}/enable", webhooks.desk()::enable, Role.ADMIN);
        r.post("/newsroom/webhooks/{id}/delete", webhooks.desk()::delete, Role.ADMIN);
        r.post("/newsroom/webhooks/{id}/deliveries/{delivery}/retry", webhooks.desk()::retry, Role.ADMIN);

        // --- wire (issue 14): ninjs items become drafts; an Admin API operation (an editor's staff token)
        r.post(
                ApiPaths.adminWire(),
                adminApi.calls().guard(wire.api()::post),
                Role.EDITOR,
                StaffTokenGate.Marker.BEARER);

        // --- ops (issue 15): /healthz, /readyz, /metrics, request ids, the 503 gate while the database is away
        ops.register(r, site.errors());

        // --- cluster (issue 15)

        // --- topics (issue 16)

        get(r, "/media/{file}", site.media()::derivative, Role.ANYONE);
        get(r, "/assets/{file}", core.assets()::serve, Role.ANYONE);
        get(r, "/logo.png", site.logo()::serve, Role.ANYONE);
        get(r, "/favicon.ico", ctx -> ctx.redirect(core.assets().url("favicon.svg")), Role.ANYONE);

        // Last: Javalin matches in the order routes are added, and these patterns would take any
        // path of four or six segments (/newsroom/articles/7/revisions among them).
        get(r, "/{y}/{m}/{d}/{slug}", articles.pages()::show, Role.ANYONE);
        get(r, "/{y}/{m}/{d}/{slug}/photos/{n}", articles.pages()::photo, Role.ANYONE);

        // --- search: the reader's results page, suggestions while typing, the browser's search description
        get(r, "/search", search.pages()::results, Role.ANYONE);
        get(r, "/search/suggest.json", search.suggest()::suggest, Role.ANYONE);
        get(r, "/opensearch.xml", search.suggest()::openSearch, Role.ANYONE);

        r.error(404, "html", site.errors()::notFound);
        r.exception(
                NotFoundResponse.class, Failsafe.guard((e, ctx) -> site.errors().notFound(ctx)));
        r.exception(
                ContentTooLargeResponse.class,
                Failsafe.guard((e, ctx) -> site.errors().tooLarge(ctx, e.getMessage())));
        r.exception(
                BadRequestResponse.class,
                Failsafe.guard((e, ctx) -> site.errors().badRequest(ctx, e.getMessage())));
        r.exception(
                ForbiddenResponse.class,
                Failsafe.guard((e, ctx) -> site.errors().forbidden(ctx, e.getMessage())));
        r.exception(
                FollowingPages.NotFollowable.class,
                Failsafe.guard((e, ctx) -> site.errors().unprocessable(ctx, e.getMessage())));
        r.exception(
                io.javalin.http.UnauthorizedResponse.class,
                Failsafe.guard((e, ctx) -> site.errors().unauthorized(ctx, e.getMessage())));
        r.exception(
                AccessCheck.CsrfRejected.class,
                Failsafe.guard(
                        (e, ctx) -> site.errors()
                                .forbidden(
                                        ctx,
                                        "This form has expired or did not come from this site. Go back, reload the page and try again.")));
        r.exception(ProblemDetails.Problem.class, Failsafe.guard((e, ctx) -> ProblemDetails.send(ctx, e)));
        r.exception(Paywall.GiftRefused.class, Failsafe.guard(paywall.gifts()::refused));
        // every mapper is guarded: one that throws would otherwise be run again without end (ops/Failsafe)
        r.exception(Exception.class, Failsafe.guard(site.errors()::serverError));
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
