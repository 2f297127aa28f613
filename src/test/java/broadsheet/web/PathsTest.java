package broadsheet.web;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import io.javalin.http.HandlerType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every path the {@link Paths} builders make is one the running app's route table answers, with the
 * method the link or form uses: a renamed or removed route cannot leave a dead link behind. The
 * route table is asked through Javalin's own router (the one that serves requests), so the match is
 * the one a request would get, trailing-slash rules and route order included.
 */
class PathsTest {

    /** The article routes take any path of four (or six) segments; nothing else should land there by accident. */
    private static final Set<String> ARTICLE_ROUTES = Set.of("/{y}/{m}/{d}/{slug}", "/{y}/{m}/{d}/{slug}/photos/{n}");

    /** Paths' one helper that builds no path. */
    private static final Set<String> NOT_BUILDERS = Set.of("encode");

    static TestApp t;

    private final Set<String> sampled = new TreeSet<>();
    private final List<String> unrouted = new ArrayList<>();

    @BeforeAll
    static void start() throws ReflectiveOperationException {
        t = new TestApp();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void everyBuiltPathHasARoute() {
        ZoneId zone = ZoneId.of("Europe/London");
        String article = Paths.article(zone, "harbour-bill-passes", Instant.parse("2026-11-30T10:15:00Z"));

        // reader pages
        check("home", GET, Paths.home());
        check("article", GET, article);
        check("articlePhoto", GET, Paths.articlePhoto(article, 2));
        check("section", GET, Paths.section("politics"));
        check("author", GET, Paths.author("ada-lovelace"));
        check("topic", GET, Paths.topic("housing"));
        check("feed", GET, Paths.feed("", "rss"));
        check("feed", GET, Paths.feed(Paths.section("politics"), "atom"));
        check("feed", GET, Paths.feed(Paths.author("ada-lovelace"), "json"));
        check("feed", GET, Paths.feed(Paths.topic("housing"), "rss"));
        check("archive", GET, Paths.archive());
        check("archiveMonth", GET, Paths.archiveMonth(2026, 11));
        check("archiveDay", GET, Paths.archiveDay(LocalDate.of(2026, 11, 30)));
        check("sitemapIndex", GET, Paths.sitemapIndex());
        check("newsSitemap", GET, Paths.newsSitemap());
        check("pagesSitemap", GET, Paths.pagesSitemap());
        check("monthSitemap", GET, Paths.monthSitemap(2026, 11));
        check("robots", GET, Paths.robots());
        check("media", GET, Paths.media("ab".repeat(32) + "-w640.jpg"));
        check("asset", GET, Paths.asset("site.0123456789.css"));
        check("logo", GET, Paths.logo());
        check("health", GET, Paths.health());

        // accounts
        check("signIn", GET, Paths.signIn());
        check("signIn", POST, Paths.signIn());
        check("signIn", GET, Paths.signIn("/account?tab=email"));
        check("signOut", POST, Paths.signOut());
        check("register", GET, Paths.register());
        check("register", POST, Paths.register());
        check("register", GET, Paths.register("/following"));
        check("confirmAccount", GET, Paths.confirmAccount("a token/with+odd=chars"));
        check("forgotPassword", GET, Paths.forgotPassword());
        check("forgotPassword", POST, Paths.forgotPassword());
        check("resetPassword", GET, Paths.resetPassword());
        check("resetPassword", POST, Paths.resetPassword());
        check("resetPassword", GET, Paths.resetPassword("token"));
        check("confirmEmailChange", GET, Paths.confirmEmailChange("token"));
        check("account", GET, Paths.account());
        check("accountPassword", POST, Paths.accountPassword());
        check("accountEmail", POST, Paths.accountEmail());
        check("signOutEverywhere", POST, Paths.signOutEverywhere());
        check("accountExport", GET, Paths.accountExport());
        check("deleteAccount", POST, Paths.deleteAccount());

        // following
        check("following", GET, Paths.following());
        check("followingManage", GET, Paths.followingManage());
        check("followingDigest", POST, Paths.followingDigest());
        check("digestUnsubscribe", GET, Paths.digestUnsubscribe("token"));
        check("digestUnsubscribe", POST, Paths.digestUnsubscribe("token"));
        check("follow", GET, Paths.follow());
        check("follow", POST, Paths.follow());
        check("follow", GET, Paths.follow("author", "ada-lovelace", article));
        check("unfollow", POST, Paths.unfollow());
        check("apiMe", GET, Paths.apiMe());
        check("apiFollowing", GET, Paths.apiFollowing());
        check("apiFollowing", POST, Paths.apiFollowing());
        check("apiFollowing", DELETE, Paths.apiFollowing("topic", "housing"));
        check("apiSuggestions", GET, Paths.apiSuggestions());
        check("apiFeed", GET, Paths.apiFeed());
        check("openApi", GET, Paths.openApi());

        // newsletters
        check("newsletters", GET, Paths.newsletters());
        check("newsletter", GET, Paths.newsletter("morning-briefing"));
        check("newsletterSignUp", GET, Paths.newsletterSignUp("morning-briefing"));
        check("newsletterSignUp", POST, Paths.newsletterSignUp("morning-briefing"));
        check("newsletterIssue", GET, Paths.newsletterIssue("morning-briefing", 7));
        check("newsletterConfirm", GET, Paths.newsletterConfirm("token"));
        check("newsletterUnsubscribe", GET, Paths.newsletterUnsubscribe("token"));
        check("newsletterUnsubscribe", POST, Paths.newsletterUnsubscribe("token"));
        check("newsletterPreferences", GET, Paths.newsletterPreferences("token"));
        check("newsletterPreferences", POST, Paths.newsletterPreferences("token"));
        check("accountNewsletters", GET, Paths.accountNewsletters());
        check("accountNewsletters", POST, Paths.accountNewsletters());

        // comments
        check("comments", GET, Paths.comments(7));
        check("comments", POST, Paths.comments(7));
        check("comment", GET, Paths.comment(7, 9));
        check("newComment", GET, Paths.newComment(7));
        check("myComments", GET, Paths.myComments(7));
        check("commentCounts", GET, Paths.commentCounts());
        for (String action : List.of("reply", "edit", "delete", "like", "report")) {
            check("commentAction", GET, Paths.commentAction(9, action));
            check("commentAction", POST, Paths.commentAction(9, action));
        }
        check("commentAction", POST, Paths.commentAction(9, "unlike"));
        check("accountComments", GET, Paths.accountComments());
        check("accountCommentsEmail", POST, Paths.accountCommentsEmail());
        check("accountCommentsRead", POST, Paths.accountCommentsRead());

        // the paywall and subscriptions
        check("newGift", GET, Paths.newGift());
        check("newGift", GET, Paths.newGift(7));
        check("gifts", POST, Paths.gifts());
        check("subscribe", GET, Paths.subscribe());
        check("checkout", POST, Paths.checkout("monthly"));
        check("subscribeThanks", GET, Paths.subscribeThanks());
        check("cancelSubscription", POST, Paths.cancelSubscription());
        check("resumeSubscription", POST, Paths.resumeSubscription());
        check("stripeWebhook", POST, Paths.stripeWebhook());

        // development
        check("devMail", GET, Paths.devMail());
        check("devMail", GET, Paths.devMail("20261130-101500-1.eml"));

        // the newsroom
        check("newsroom", GET, Paths.newsroom());
        check("newsroomArticles", GET, Paths.newsroomArticles());
        check("newsroomArticles", POST, Paths.newsroomArticles());
        check("newArticle", GET, Paths.newArticle());
        check("newsroomArticleSearch", GET, Paths.newsroomArticleSearch());
        check("editArticle", GET, Paths.editArticle(7));
        check("editArticle", POST, Paths.editArticle(7));
        for (String part : List.of("autosave", "corrections", "preview-link")) {
            check("editArticle", POST, Paths.editArticle(7, part));
        }
        check("editArticle", GET, Paths.editArticle(7, "revisions"));
        check("articlePhotoUpload", POST, Paths.articlePhotoUpload(7));
        check("revisions", GET, Paths.revisions(7));
        check("revision", GET, Paths.revision(7, 2));
        check("restoreRevision", POST, Paths.restoreRevision(7, 2));
        check("gallery", GET, Paths.gallery(7));
        for (String action : List.of("add", "remove", "up", "down", "lead", "order")) {
            check("gallery", POST, Paths.gallery(7, action));
        }
        check("preview", GET, Paths.preview(7));
        check("photos", GET, Paths.photos());
        check("photos", POST, Paths.photos());
        check("newPhoto", GET, Paths.newPhoto());
        check("photo", GET, Paths.photo(7));
        check("photo", POST, Paths.photo(7));
        check("deletePhoto", POST, Paths.deletePhoto(7));
        check("fronts", GET, Paths.fronts());
        check("front", GET, Paths.front("home"));
        check("front", GET, Paths.front("section:politics"));
        for (String action : List.of("move", "remove", "add", "order", "layout")) {
            check("front", POST, Paths.front("home", action));
        }
        check("breaking", POST, Paths.breaking());
        check("breakingEnd", POST, Paths.breakingEnd());
        for (String plural : List.of("sections", "authors", "topics")) {
            check("catalog", GET, Paths.catalog(plural));
            check("catalog", POST, Paths.catalog(plural));
            check("catalogNew", GET, Paths.catalogNew(plural));
            check("catalogItem", GET, Paths.catalogItem(plural, 7));
            check("catalogItem", POST, Paths.catalogItem(plural, 7));
            check("catalogDelete", POST, Paths.catalogDelete(plural, 7));
        }
        check("people", GET, Paths.people());
        check("person", POST, Paths.person(7, "role"));
        check("person", POST, Paths.person(7, "sign-out"));
        check("audit", GET, Paths.audit());
        check("paywallDesk", GET, Paths.paywallDesk());
        check("paywallDesk", POST, Paths.paywallDesk());
        check("brandDesk", GET, Paths.brandDesk());
        check("brandDesk", POST, Paths.brandDesk());
        check("brandCss", GET, Paths.brandCss("0123456789ab"));
        check("brandLogo", GET, Paths.brandLogo("0123456789ab", "svg"));
        check("moderation", GET, Paths.moderation());
        check("moderation", POST, Paths.moderation());
        check("moderationSettings", GET, Paths.moderationSettings());
        check("moderationSettings", POST, Paths.moderationSettings());
        check("moderationArticle", GET, Paths.moderationArticle(7));
        check("moderationArticle", POST, Paths.moderationArticle(7));
        check("bans", GET, Paths.bans());
        check("bans", POST, Paths.bans());
        check("liftBan", POST, Paths.liftBan(7));
        check("subscriptionDesk", GET, Paths.subscriptionDesk());
        for (String action : List.of("grant", "extend", "revoke")) {
            check("subscriptionDesk", POST, Paths.subscriptionDesk(action));
        }
        check("planStripePrice", POST, Paths.planStripePrice(7));
        check("newsletterDesk", GET, Paths.newsletterDesk());
        check("newsletterDesk", POST, Paths.newsletterDesk());
        check("newNewsletter", GET, Paths.newNewsletter());
        check("suppressions", GET, Paths.suppressions());
        check("suppressions", POST, Paths.suppressions());
        check("newsletterDesk", GET, Paths.newsletterDesk(7));
        check("newsletterDesk", POST, Paths.newsletterDesk(7));
        check("newIssue", POST, Paths.newIssue(7));
        check("issueDesk", GET, Paths.issueDesk(7));
        check("issueDesk", POST, Paths.issueDesk(7));
        check("issueDesk", GET, Paths.issueDesk(7, "preview"));
        for (String action : List.of("test", "schedule", "unschedule", "send")) {
            check("issueDesk", POST, Paths.issueDesk(7, action));
        }

        // reads
        check("reads", POST, Paths.reads());
        // search
        check("search", GET, Paths.search());
        check("search", GET, Paths.search("harbour bill"));
        check("searchSuggestions", GET, Paths.searchSuggestions());
        check("openSearch", GET, Paths.openSearch());

        // the helpers keep a built path routable
        check("with", GET, Paths.with(Paths.section("politics"), "before", "2026-11-30T10:15:00Z_123"));

        assertThat(unrouted).as("built paths that no route answers").isEmpty();
        assertThat(builders())
                .as("Paths builders without a sample in PathsTest (add one for each new builder)")
                .isSubsetOf(sampled);
    }

    /** The check itself can fail: a path or method the table lacks is reported, not waved through. */
    @Test
    void aPathWithoutARouteIsCaught() {
        assertThat(t.app.route(GET, "/no-such-page/at/all")).isEmpty();
        assertThat(t.app.route(POST, Paths.gallery(7, "sideways"))).isEmpty();
        assertThat(t.app.route(DELETE, Paths.apiFollowing())).isEmpty();
        check("editArticle", GET, Paths.editArticle(7, "no-such-part"));
        assertThat(unrouted)
                .as("a four-segment newsroom path is not an article page")
                .hasSize(1);
    }

    /**
     * Records a built path that the router does not answer for {@code method}, or answers only with
     * the article routes' catch-all patterns (which would render a 404 article, not the page meant).
     */
    private void check(String builder, HandlerType method, String built) {
        sampled.add(builder);
        assertThat(built).as(builder).startsWith("/");
        String path = built.split("[?#]", 2)[0];
        Optional<String> found = t.app.route(method, path);
        boolean meantForArticles = builder.equals("article") || builder.equals("articlePhoto");
        if (found.isEmpty()) {
            unrouted.add(method + " " + built + " (Paths." + builder + ")");
        } else if (!meantForArticles && ARTICLE_ROUTES.contains(found.get())) {
            unrouted.add(method + " " + built + " (Paths." + builder + ") reaches only " + found.get());
        }
    }

    /** The names of Paths' public static methods that build a path. */
    private static Set<String> builders() {
        Set<String> names = new TreeSet<>();
        Arrays.stream(Paths.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getReturnType() == String.class)
                .map(Method::getName)
                .filter(n -> !NOT_BUILDERS.contains(n))
                .forEach(names::add);
        return names;
    }
}
