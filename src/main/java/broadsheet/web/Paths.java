package broadsheet.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Every URL the site links to or redirects to, built in one place. The patterns these fill in are
 * registered in {@link Routes}; PathsTest checks that each path built here is one the route table
 * answers, so a renamed route cannot leave a dead link behind. Templates call these too
 * ({@code @import broadsheet.web.Paths}).
 */
public final class Paths {
    private Paths() {}

    // --- reader pages

    public static String home() {
        return "/";
    }

    /** "/2026/11/30/harbour-bill-passes": the date is the publication day in the paper's time zone. */
    public static String article(ZoneId zone, String slug, Instant publishedAt) {
        LocalDate d = publishedAt.atZone(zone).toLocalDate();
        return "/%04d/%02d/%02d/%s".formatted(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), slug);
    }

    /** The n-th photo (from 1) of an article's gallery, as its own page. */
    public static String articlePhoto(String articlePath, int n) {
        return articlePath + "/photos/" + n;
    }

    public static String section(String slug) {
        return "/sections/" + slug;
    }

    public static String author(String slug) {
        return "/authors/" + slug;
    }

    public static String topic(String slug) {
        return "/topics/" + slug;
    }

    /** A site, section, author or topic feed: {@code base} is "" for the whole site; format rss, atom or json. */
    public static String feed(String base, String format) {
        return base + "/feed." + format;
    }

    public static String archive() {
        return "/archive";
    }

    public static String archiveMonth(int year, int month) {
        return "/archive/%04d/%02d".formatted(year, month);
    }

    public static String archiveDay(LocalDate day) {
        return "/archive/%04d/%02d/%02d".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    public static String sitemapIndex() {
        return "/sitemap.xml";
    }

    public static String newsSitemap() {
        return "/sitemaps/news.xml";
    }

    public static String pagesSitemap() {
        return "/sitemaps/pages.xml";
    }

    public static String monthSitemap(int year, int month) {
        return "/sitemaps/articles-%04d-%02d.xml".formatted(year, month);
    }

    public static String robots() {
        return "/robots.txt";
    }

    public static String media(String file) {
        return "/media/" + file;
    }

    public static String asset(String file) {
        return "/assets/" + file;
    }

    public static String logo() {
        return "/logo.png";
    }

    public static String health() {
        return "/healthz";
    }

    // --- accounts

    public static String signIn() {
        return "/sign-in";
    }

    /** Sign-in that returns to {@code next} (a path on this site) afterwards. */
    public static String signIn(String next) {
        return next == null || next.isBlank() ? signIn() : "/sign-in?next=" + encode(next);
    }

    public static String signOut() {
        return "/sign-out";
    }

    public static String register() {
        return "/register";
    }

    public static String register(String next) {
        return next == null || next.isBlank() ? register() : "/register?next=" + encode(next);
    }

    public static String confirmAccount(String token) {
        return "/account/confirm?token=" + encode(token);
    }

    public static String forgotPassword() {
        return "/password/forgot";
    }

    public static String resetPassword() {
        return "/password/reset";
    }

    public static String resetPassword(String token) {
        return "/password/reset?token=" + encode(token);
    }

    public static String confirmEmailChange(String token) {
        return "/account/email/confirm?token=" + encode(token);
    }

    public static String account() {
        return "/account";
    }

    public static String accountPassword() {
        return "/account/password";
    }

    public static String accountEmail() {
        return "/account/email";
    }

    public static String signOutEverywhere() {
        return "/account/sign-out-everywhere";
    }

    public static String accountExport() {
        return "/account/export.json";
    }

    public static String deleteAccount() {
        return "/account/delete";
    }

    // --- following

    public static String following() {
        return "/following";
    }

    public static String followingManage() {
        return "/following/manage";
    }

    public static String followingDigest() {
        return "/following/digest";
    }

    public static String digestUnsubscribe(String token) {
        return "/following/digest/unsubscribe/" + token;
    }

    public static String follow() {
        return "/follow";
    }

    /** The confirmation page for following one author, topic or section, returning to {@code next}. */
    public static String follow(String kind, String slug, String next) {
        String q = "/follow?kind=" + encode(kind) + "&slug=" + encode(slug);
        return next == null || next.isBlank() ? q : q + "&next=" + encode(next);
    }

    public static String unfollow() {
        return "/unfollow";
    }

    /** Whether a request path is one of the JSON API's (answered with JSON errors, not pages). */
    public static boolean isApi(String path) {
        return path.startsWith("/api/");
    }

    public static String apiMe() {
        return "/api/me";
    }

    public static String apiFollowing() {
        return "/api/following";
    }

    public static String apiFollowing(String kind, String slug) {
        return "/api/following/" + kind + "/" + slug;
    }

    public static String apiSuggestions() {
        return "/api/following/suggestions";
    }

    public static String apiFeed() {
        return "/api/feed";
    }

    public static String openApi() {
        return "/api/openapi.json";
    }

    // --- newsletters

    public static String newsletters() {
        return "/newsletters";
    }

    public static String newsletter(String slug) {
        return "/newsletters/" + slug;
    }

    public static String newsletterSignUp(String slug) {
        return "/newsletters/" + slug + "/sign-up";
    }

    public static String newsletterIssue(String slug, long issueId) {
        return "/newsletters/" + slug + "/issues/" + issueId;
    }

    public static String newsletterConfirm(String token) {
        return "/newsletters/confirm/" + token;
    }

    public static String newsletterUnsubscribe(String token) {
        return "/newsletters/unsubscribe/" + token;
    }

    public static String newsletterPreferences(String token) {
        return "/newsletters/preferences/" + token;
    }

    public static String accountNewsletters() {
        return "/account/newsletters";
    }

    // --- comments

    public static String comments(long articleId) {
        return "/articles/" + articleId + "/comments";
    }

    /** A comment within its article's conversation page. */
    public static String comment(long articleId, long commentId) {
        return comments(articleId) + "#c" + commentId;
    }

    public static String newComment(long articleId) {
        return comments(articleId) + "/new";
    }

    public static String myComments(long articleId) {
        return comments(articleId) + "/me.json";
    }

    public static String commentCounts() {
        return "/comments/counts.json";
    }

    /** One comment's action: reply, edit, delete, like, unlike or report. */
    public static String commentAction(long commentId, String action) {
        return "/comments/" + commentId + "/" + action;
    }

    public static String accountComments() {
        return "/account/comments";
    }

    public static String accountCommentsEmail() {
        return "/account/comments/email";
    }

    public static String accountCommentsRead() {
        return "/account/comments/read";
    }

    // --- the paywall and subscriptions

    public static String newGift() {
        return "/gifts/new";
    }

    public static String newGift(long articleId) {
        return "/gifts/new?article=" + articleId;
    }

    public static String gifts() {
        return "/gifts";
    }

    public static String subscribe() {
        return "/subscribe";
    }

    public static String checkout(String plan) {
        return "/subscribe/" + plan;
    }

    public static String subscribeThanks() {
        return "/subscribe/thanks";
    }

    public static String cancelSubscription() {
        return "/account/subscription/cancel";
    }

    public static String resumeSubscription() {
        return "/account/subscription/resume";
    }

    public static String stripeWebhook() {
        return "/stripe/webhook";
    }

    // --- development

    public static String devMail() {
        return "/dev/mail";
    }

    public static String devMail(String file) {
        return "/dev/mail/" + file;
    }

    // --- the newsroom

    public static String newsroom() {
        return "/newsroom";
    }

    public static String newsroomArticles() {
        return "/newsroom/articles";
    }

    public static String newArticle() {
        return "/newsroom/articles/new";
    }

    public static String newsroomArticleSearch() {
        return "/newsroom/articles/search";
    }

    public static String editArticle(long id) {
        return "/newsroom/articles/" + id;
    }

    /** A sub-page or action of one article in the newsroom: autosave, corrections, preview-link, gallery... */
    public static String editArticle(long id, String part) {
        return editArticle(id) + "/" + part;
    }

    public static String revisions(long articleId) {
        return editArticle(articleId) + "/revisions";
    }

    public static String revision(long articleId, int version) {
        return revisions(articleId) + "/" + version;
    }

    public static String restoreRevision(long articleId, int version) {
        return revision(articleId, version) + "/restore";
    }

    public static String gallery(long articleId) {
        return editArticle(articleId) + "/gallery";
    }

    /** A gallery action: add, remove, up, down, lead or order. */
    public static String gallery(long articleId, String action) {
        return gallery(articleId) + "/" + action;
    }

    public static String preview(long articleId) {
        return "/preview/" + articleId;
    }

    public static String photos() {
        return "/newsroom/photos";
    }

    public static String newPhoto() {
        return "/newsroom/photos/new";
    }

    public static String photo(long id) {
        return "/newsroom/photos/" + id;
    }

    public static String deletePhoto(long id) {
        return photo(id) + "/delete";
    }

    public static String fronts() {
        return "/newsroom/fronts";
    }

    public static String front(String front) {
        return "/newsroom/fronts/" + front;
    }

    /** A front action: move, remove, add or order. */
    public static String front(String front, String action) {
        return front(front) + "/" + action;
    }

    /** The newsroom list of sections, authors or topics ({@code plural}). */
    public static String catalog(String plural) {
        return "/newsroom/" + plural;
    }

    public static String catalogNew(String plural) {
        return catalog(plural) + "/new";
    }

    public static String catalogItem(String plural, long id) {
        return catalog(plural) + "/" + id;
    }

    public static String catalogDelete(String plural, long id) {
        return catalogItem(plural, id) + "/delete";
    }

    public static String people() {
        return "/newsroom/people";
    }

    /** A person action: role or sign-out. */
    public static String person(long id, String action) {
        return people() + "/" + id + "/" + action;
    }

    public static String audit() {
        return "/newsroom/audit";
    }

    public static String paywallDesk() {
        return "/newsroom/paywall";
    }

    public static String moderation() {
        return "/newsroom/moderation";
    }

    public static String moderationSettings() {
        return "/newsroom/moderation/settings";
    }

    public static String moderationArticle(long articleId) {
        return "/newsroom/moderation/articles/" + articleId;
    }

    public static String bans() {
        return "/newsroom/moderation/bans";
    }

    public static String liftBan(long id) {
        return bans() + "/" + id + "/lift";
    }

    public static String subscriptionDesk() {
        return "/newsroom/subscriptions";
    }

    /** A subscription desk action: grant, extend or revoke. */
    public static String subscriptionDesk(String action) {
        return subscriptionDesk() + "/" + action;
    }

    public static String planStripePrice(long planId) {
        return subscriptionDesk() + "/plans/" + planId + "/stripe-price";
    }

    public static String newsletterDesk() {
        return "/newsroom/newsletters";
    }

    public static String newNewsletter() {
        return "/newsroom/newsletters/new";
    }

    public static String suppressions() {
        return "/newsroom/newsletters/suppressions";
    }

    public static String newsletterDesk(long id) {
        return newsletterDesk() + "/" + id;
    }

    public static String newIssue(long newsletterId) {
        return newsletterDesk(newsletterId) + "/issues";
    }

    public static String issueDesk(long id) {
        return "/newsroom/issues/" + id;
    }

    /** An issue action: preview, test, schedule, unschedule or send. */
    public static String issueDesk(long id, String action) {
        return issueDesk(id) + "/" + action;
    }

    // --- helpers

    /** {@code path} with {@code ?name=value} or {@code &name=value} added, the value encoded. */
    public static String with(String path, String name, String value) {
        int hash = path.indexOf('#');
        String fragment = hash < 0 ? "" : path.substring(hash);
        String base = hash < 0 ? path : path.substring(0, hash);
        return base + (base.contains("?") ? "&" : "?") + name + "=" + encode(value) + fragment;
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // --- newsroom

    /** The desk's article list with a query string already built ("sort=updated&status=draft"). */
    public static String newsroomArticles(String query) {
        return query == null || query.isEmpty() ? newsroomArticles() : newsroomArticles() + "?" + query;
    }

    // --- people (comments, accounts, following, moderation)

    /** An older page of the Following feed: the articles before the cursor (a {@code Cursor}'s text). */
    public static String following(String before) {
        return following() + "?before=" + before;
    }

    /** The next page of the feed API after the cursor; {@code limit} only when the caller chose one. */
    public static String apiFeed(String before, Integer limit) {
        return apiFeed() + "?before=" + before + (limit == null ? "" : "&limit=" + limit);
    }

    // --- reads

    /** Where an article page's script reports one read (see broadsheet.reads). */
    public static String reads() {
        return "/reads";
    }

    // --- newsroom-ui (issue 13: the newsroom's dashboard and editor)

    /** Where the editor uploads a photo into the article (lead photo or gallery). */
    public static String articlePhotoUpload(long articleId) {
        return editArticle(articleId, "photos");
    }

    // --- fronts (issue 13: layouts and breaking news)

    /** Where the fronts desk marks a story breaking. */
    public static String breaking() {
        return fronts() + "/breaking";
    }

    /** Where the fronts desk ends a story's breaking banner. */
    public static String breakingEnd() {
        return breaking() + "/end";
    }

    // --- search

    /** The reader's search page (parameters are added by broadsheet.search.SearchLinks). */
    public static String search() {
        return "/search";
    }

    public static String search(String q) {
        return "/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
    }

    public static String searchSuggestions() {
        return "/search/suggest.json";
    }

    public static String openSearch() {
        return "/opensearch.xml";
    }

    // --- brand (the paper's own look: the brand page, its stylesheet and logo)

    public static String brandDesk() {
        return "/newsroom/brand";
    }

    /** The generated stylesheet of the paper's brand, named by its content so caches refresh on change. */
    public static String brandCss(String hash) {
        return "/brand/brand-" + hash + ".css";
    }

    /** The paper's uploaded logo ("svg" or "png"), named by its content. */
    public static String brandLogo(String hash, String extension) {
        return "/brand/logo-" + hash + "." + extension;
    }
}
