package broadsheet.web;

/**
 * The newsroom's URLs (the desk, articles, photos, fronts, people, moderation, subscriptions,
 * newsletters, the brand page), built in one place like the reader's in {@link Paths}; PathsTest
 * checks each against the route table. Templates call these with {@code @import broadsheet.web.NewsroomPaths}.
 */
public final class NewsroomPaths {
    private NewsroomPaths() {}

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

    /** The desk's article list with a query string already built ("sort=updated&status=draft"). */
    public static String newsroomArticles(String query) {
        return query == null || query.isEmpty() ? newsroomArticles() : newsroomArticles() + "?" + query;
    }

    /** Where the editor uploads a photo into the article (lead photo or gallery). */
    public static String articlePhotoUpload(long articleId) {
        return editArticle(articleId, "photos");
    }

    /** Where the fronts desk marks a story breaking. */
    public static String breaking() {
        return fronts() + "/breaking";
    }

    /** Where the fronts desk ends a story's breaking banner. */
    public static String breakingEnd() {
        return breaking() + "/end";
    }

    public static String brandDesk() {
        return "/newsroom/brand";
    }

    // --- photos

    /** The photo pickers' search of the library (JSON): {@code ?q=words}. */
    public static String photoFinder() {
        return photos() + "/find";
    }

    // --- content-api

    /** The integrations page: Content API keys. */
    public static String integrations() {
        return "/newsroom/integrations";
    }

    public static String integrationRevoke(long id) {
        return integrations() + "/" + id + "/revoke";
    }

    // --- admin-api

    /** The staff member's API tokens (an admin sees everyone's); POST makes one. */
    public static String staffTokens() {
        return "/newsroom/tokens";
    }

    public static String staffTokenRevoke(long id) {
        return staffTokens() + "/" + id + "/revoke";
    }

    // --- webhooks

    /** The webhook endpoints and the form that registers one (admins). */
    public static String webhooks() {
        return "/newsroom/webhooks";
    }

    /** One endpoint's delivery log. */
    public static String webhook(long id) {
        return webhooks() + "/" + id;
    }

    /** An action on one endpoint: "enable" or "delete". */
    public static String webhook(long id, String action) {
        return webhook(id) + "/" + action;
    }

    /** "Retry now" for one delivery in an endpoint's log. */
    public static String webhookRetry(long id, long deliveryId) {
        return webhook(id) + "/deliveries/" + deliveryId + "/retry";
    }

    // --- wire

    // --- cluster

    // --- topics

    // --- topics2

    /** The editor's live topic suggestions: the form's text posted, the suggestions as JSON. */
    public static String topicSuggestions() {
        return "/newsroom/topic-suggestions";
    }
}
