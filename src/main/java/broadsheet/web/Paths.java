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

    /** "/2026/11/30/harbour-bill-passes": the publication day in the paper's zone (joined: String.format cost more). */
    public static String article(ZoneId zone, String slug, Instant publishedAt) {
        LocalDate d = publishedAt.atZone(zone).toLocalDate();
        int y = d.getYear(), m = d.getMonthValue(), day = d.getDayOfMonth();
        return "/" + (y < 1000 ? "%04d".formatted(y) : y) + (m < 10 ? "/0" : "/") + m + (day < 10 ? "/0" : "/") + day
                + "/" + slug;
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

    /** An older page of the Following feed: the articles before the cursor (a {@code Cursor}'s text). */
    public static String following(String before) {
        return following() + "?before=" + before;
    }

    // --- reads
    /** Where an article page's script reports one read (see broadsheet.reads). */
    public static String reads() {
        return "/reads";
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

    /** The generated stylesheet of the paper's brand, named by its content so caches refresh on change. */
    public static String brandCss(String hash) {
        return "/brand/brand-" + hash + ".css";
    }

    /** The paper's uploaded logo ("svg" or "png"), named by its content. */
    public static String brandLogo(String hash, String extension) {
        return "/brand/logo-" + hash + "." + extension;
    }

    // --- content-api

    /** The reader's browsers and apps, with sign out for each. */
    public static String accountApps() {
        return "/account/apps";
    }

    public static String accountAppSignOut(String handle) {
        return accountApps() + "/" + handle + "/sign-out";
    }

    // --- ops (issue 15: the operator's addresses; /healthz is health() above)

    /** Readiness, for a load balancer: 200 when this node should get traffic, 503 naming why not. */
    public static String ready() {
        return "/readyz";
    }

    /** Prometheus metrics (this machine, or with METRICS_TOKEN). */
    public static String metrics() {
        return "/metrics";
    }
}
