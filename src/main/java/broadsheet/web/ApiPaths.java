package broadsheet.web;

/**
 * The JSON API's URLs, built in one place like the pages' in {@link Paths}; PathsTest checks each
 * against the route table.
 */
public final class ApiPaths {
    private ApiPaths() {}

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

    /** The next page of the feed API after the cursor; {@code limit} only when the caller chose one. */
    public static String apiFeed(String before, Integer limit) {
        return apiFeed() + "?before=" + before + (limit == null ? "" : "&limit=" + limit);
    }

    public static String openApi() {
        return "/api/openapi.json";
    }

    // --- content-api

    public static String contentArticles() {
        return "/api/content/articles";
    }

    public static String contentArticle(long id) {
        return contentArticles() + "/" + id;
    }

    public static String contentArticleBySlug(String slug) {
        return contentArticles() + "/slug/" + slug;
    }

    public static String contentSections() {
        return "/api/content/sections";
    }

    public static String contentAuthors() {
        return "/api/content/authors";
    }

    public static String contentTopics() {
        return "/api/content/topics";
    }

    public static String contentPhotos() {
        return "/api/content/photos";
    }

    public static String contentChanges() {
        return "/api/content/changes";
    }

    /** Where an app signs a reader in for a bearer token (POST), and signs out (DELETE .../current). */
    public static String readerTokens() {
        return "/api/tokens";
    }

    public static String currentReaderToken() {
        return readerTokens() + "/current";
    }

    // --- admin-api

    /** The Admin API's articles: POST creates one. */
    public static String adminArticles() {
        return "/api/admin/articles";
    }

    /** One article in the Admin API: GET reads it, PATCH changes it. */
    public static String adminArticle(long id) {
        return adminArticles() + "/" + id;
    }

    /** A workflow step on an article: submit, schedule, publish, unpublish, or corrections. */
    public static String adminArticle(long id, String step) {
        return adminArticle(id) + "/" + step;
    }

    public static String adminPhotos() {
        return "/api/admin/photos";
    }

    public static String adminTopics() {
        return "/api/admin/topics";
    }

    public static String adminTopic(long id) {
        return adminTopics() + "/" + id;
    }

    public static String adminAuthors() {
        return "/api/admin/authors";
    }

    public static String adminAuthor(long id) {
        return adminAuthors() + "/" + id;
    }

    // --- webhooks

    // --- wire

    /** The Admin API's wire import: POST one ninjs item or an array of them. */
    public static String adminWire() {
        return "/api/admin/wire";
    }

    // --- ops
}
