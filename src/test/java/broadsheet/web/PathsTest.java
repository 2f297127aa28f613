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
    void articlePathsCarryThePapersDayWithTwoDigitMonthsAndDays() {
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(Paths.article(london, "a", Instant.parse("2026-07-01T23:30:00Z")))
                .isEqualTo("/2026/07/02/a");
        assertThat(Paths.article(london, "b", Instant.parse("2026-12-31T12:00:00Z")))
                .isEqualTo("/2026/12/31/b");
        assertThat(Paths.article(java.time.ZoneOffset.UTC, "c", Instant.parse("0999-03-04T00:00:00Z")))
                .isEqualTo("/0999/03/04/c");
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
        // --- ops
        check("ready", GET, Paths.ready());
        check("metrics", GET, Paths.metrics());

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
        check("apiMe", GET, ApiPaths.apiMe());
        check("apiFollowing", GET, ApiPaths.apiFollowing());
        check("apiFollowing", POST, ApiPaths.apiFollowing());
        check("apiFollowing", DELETE, ApiPaths.apiFollowing("topic", "housing"));
        check("apiSuggestions", GET, ApiPaths.apiSuggestions());
        check("apiFeed", GET, ApiPaths.apiFeed());
        check("openApi", GET, ApiPaths.openApi());

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
        check("newsroom", GET, NewsroomPaths.newsroom());
        check("newsroomArticles", GET, NewsroomPaths.newsroomArticles());
        check("newsroomArticles", POST, NewsroomPaths.newsroomArticles());
        check("newArticle", GET, NewsroomPaths.newArticle());
        check("newsroomArticleSearch", GET, NewsroomPaths.newsroomArticleSearch());
        check("editArticle", GET, NewsroomPaths.editArticle(7));
        check("editArticle", POST, NewsroomPaths.editArticle(7));
        for (String part : List.of("autosave", "corrections", "preview-link")) {
            check("editArticle", POST, NewsroomPaths.editArticle(7, part));
        }
        check("editArticle", GET, NewsroomPaths.editArticle(7, "revisions"));
        check("articlePhotoUpload", POST, NewsroomPaths.articlePhotoUpload(7));
        check("revisions", GET, NewsroomPaths.revisions(7));
        check("revision", GET, NewsroomPaths.revision(7, 2));
        check("restoreRevision", POST, NewsroomPaths.restoreRevision(7, 2));
        check("gallery", GET, NewsroomPaths.gallery(7));
        for (String action : List.of("add", "remove", "up", "down", "lead", "order")) {
            check("gallery", POST, NewsroomPaths.gallery(7, action));
        }
        check("preview", GET, NewsroomPaths.preview(7));
        check("photos", GET, NewsroomPaths.photos());
        check("photos", POST, NewsroomPaths.photos());
        check("newPhoto", GET, NewsroomPaths.newPhoto());
        check("photo", GET, NewsroomPaths.photo(7));
        check("photo", POST, NewsroomPaths.photo(7));
        check("deletePhoto", POST, NewsroomPaths.deletePhoto(7));
        check("fronts", GET, NewsroomPaths.fronts());
        check("front", GET, NewsroomPaths.front("home"));
        check("front", GET, NewsroomPaths.front("section:politics"));
        for (String action : List.of("move", "remove", "add", "order", "layout")) {
            check("front", POST, NewsroomPaths.front("home", action));
        }
        check("breaking", POST, NewsroomPaths.breaking());
        check("breakingEnd", POST, NewsroomPaths.breakingEnd());
        for (String plural : List.of("sections", "authors", "topics")) {
            check("catalog", GET, NewsroomPaths.catalog(plural));
            check("catalog", POST, NewsroomPaths.catalog(plural));
            check("catalogNew", GET, NewsroomPaths.catalogNew(plural));
            check("catalogItem", GET, NewsroomPaths.catalogItem(plural, 7));
            check("catalogItem", POST, NewsroomPaths.catalogItem(plural, 7));
            check("catalogDelete", POST, NewsroomPaths.catalogDelete(plural, 7));
        }
        check("people", GET, NewsroomPaths.people());
        check("person", POST, NewsroomPaths.person(7, "role"));
        check("person", POST, NewsroomPaths.person(7, "sign-out"));
        check("audit", GET, NewsroomPaths.audit());
        check("paywallDesk", GET, NewsroomPaths.paywallDesk());
        check("paywallDesk", POST, NewsroomPaths.paywallDesk());
        check("brandDesk", GET, NewsroomPaths.brandDesk());
        check("brandDesk", POST, NewsroomPaths.brandDesk());
        check("brandCss", GET, Paths.brandCss("0123456789ab"));
        check("brandLogo", GET, Paths.brandLogo("0123456789ab", "svg"));
        check("moderation", GET, NewsroomPaths.moderation());
        check("moderation", POST, NewsroomPaths.moderation());
        check("moderationSettings", GET, NewsroomPaths.moderationSettings());
        check("moderationSettings", POST, NewsroomPaths.moderationSettings());
        check("moderationArticle", GET, NewsroomPaths.moderationArticle(7));
        check("moderationArticle", POST, NewsroomPaths.moderationArticle(7));
        check("bans", GET, NewsroomPaths.bans());
        check("bans", POST, NewsroomPaths.bans());
        check("liftBan", POST, NewsroomPaths.liftBan(7));
        check("subscriptionDesk", GET, NewsroomPaths.subscriptionDesk());
        for (String action : List.of("grant", "extend", "revoke")) {
            check("subscriptionDesk", POST, NewsroomPaths.subscriptionDesk(action));
        }
        check("planStripePrice", POST, NewsroomPaths.planStripePrice(7));
        check("newsletterDesk", GET, NewsroomPaths.newsletterDesk());
        check("newsletterDesk", POST, NewsroomPaths.newsletterDesk());
        check("newNewsletter", GET, NewsroomPaths.newNewsletter());
        check("suppressions", GET, NewsroomPaths.suppressions());
        check("suppressions", POST, NewsroomPaths.suppressions());
        check("newsletterDesk", GET, NewsroomPaths.newsletterDesk(7));
        check("newsletterDesk", POST, NewsroomPaths.newsletterDesk(7));
        check("newIssue", POST, NewsroomPaths.newIssue(7));
        check("issueDesk", GET, NewsroomPaths.issueDesk(7));
        check("issueDesk", POST, NewsroomPaths.issueDesk(7));
        check("issueDesk", GET, NewsroomPaths.issueDesk(7, "preview"));
        for (String action : List.of("test", "schedule", "unschedule", "send")) {
            check("issueDesk", POST, NewsroomPaths.issueDesk(7, action));
        }

        // reads
        check("reads", POST, Paths.reads());
        // search
        check("search", GET, Paths.search());
        check("search", GET, Paths.search("harbour bill"));
        check("searchSuggestions", GET, Paths.searchSuggestions());
        check("openSearch", GET, Paths.openSearch());
        // --- photos
        check("photoFinder", GET, NewsroomPaths.photoFinder());
        // --- webhooks
        check("webhooks", GET, NewsroomPaths.webhooks());
        check("webhooks", POST, NewsroomPaths.webhooks());
        check("webhook", GET, NewsroomPaths.webhook(7));
        check("webhook", POST, NewsroomPaths.webhook(7, "enable"));
        check("webhook", POST, NewsroomPaths.webhook(7, "delete"));
        check("webhookRetry", POST, NewsroomPaths.webhookRetry(7, 9));
        // --- wire
        check("adminWire", POST, ApiPaths.adminWire());
        // --- admin-api
        check("staffTokens", GET, NewsroomPaths.staffTokens());
        check("staffTokens", POST, NewsroomPaths.staffTokens());
        check("staffTokenRevoke", POST, NewsroomPaths.staffTokenRevoke(7));
        check("adminArticles", POST, ApiPaths.adminArticles());
        check("adminArticle", GET, ApiPaths.adminArticle(7));
        check("adminArticle", HandlerType.PATCH, ApiPaths.adminArticle(7));
        for (String step : List.of("submit", "schedule", "publish", "unpublish", "corrections")) {
            check("adminArticle", POST, ApiPaths.adminArticle(7, step));
        }
        check("adminPhotos", POST, ApiPaths.adminPhotos());
        check("adminTopics", POST, ApiPaths.adminTopics());
        check("adminTopic", GET, ApiPaths.adminTopic(7));
        check("adminTopic", HandlerType.PATCH, ApiPaths.adminTopic(7));
        check("adminAuthors", POST, ApiPaths.adminAuthors());
        check("adminAuthor", GET, ApiPaths.adminAuthor(7));
        check("adminAuthor", HandlerType.PATCH, ApiPaths.adminAuthor(7));

        // --- content-api
        check("contentArticles", GET, ApiPaths.contentArticles());
        check("contentArticle", GET, ApiPaths.contentArticle(7));
        check("contentArticleBySlug", GET, ApiPaths.contentArticleBySlug("harbour-bill"));
        check("contentSections", GET, ApiPaths.contentSections());
        check("contentAuthors", GET, ApiPaths.contentAuthors());
        check("contentTopics", GET, ApiPaths.contentTopics());
        check("contentPhotos", GET, ApiPaths.contentPhotos());
        check("contentChanges", GET, ApiPaths.contentChanges());
        check("readerTokens", POST, ApiPaths.readerTokens());
        check("currentReaderToken", DELETE, ApiPaths.currentReaderToken());
        check("accountApps", GET, Paths.accountApps());
        check("accountAppSignOut", POST, Paths.accountAppSignOut("0123456789abcdef"));
        check("integrations", GET, NewsroomPaths.integrations());
        check("integrations", POST, NewsroomPaths.integrations());
        check("integrationRevoke", POST, NewsroomPaths.integrationRevoke(7));
        // --- topics2
        check("topicSuggestions", POST, NewsroomPaths.topicSuggestions());

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
        assertThat(t.app.route(POST, NewsroomPaths.gallery(7, "sideways"))).isEmpty();
        assertThat(t.app.route(DELETE, ApiPaths.apiFollowing())).isEmpty();
        check("editArticle", GET, NewsroomPaths.editArticle(7, "no-such-part"));
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

    /** The names of the public static methods of Paths, NewsroomPaths and ApiPaths that build a path. */
    private static Set<String> builders() {
        Set<String> names = new TreeSet<>();
        Arrays.stream(new Class<?>[] {Paths.class, NewsroomPaths.class, ApiPaths.class})
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getReturnType() == String.class)
                .map(Method::getName)
                .filter(n -> !NOT_BUILDERS.contains(n))
                .forEach(names::add);
        return names;
    }
}
