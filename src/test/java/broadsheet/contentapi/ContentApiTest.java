package broadsheet.contentapi;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.ApiPaths;
import broadsheet.web.Json;
import broadsheet.web.NewsroomPaths;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Content API over real HTTP: keys from the newsroom, lists and filters, paging, shapes, caching headers, limits. */
class ContentApiTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static WebClient admin;
    static String key;
    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(10));
    static long first;

    @BeforeAll
    static void paper() {
        TestApp t = app.get();
        var f = t.fixtures;
        long politics = f.section("politics", "Politics");
        long sport = f.section("sport", "Sport");
        long ada = f.author("ada-quill", "Ada Quill");
        long harbour = f.topic("harbour", "Harbour", "place");
        for (int i = 0; i < 25; i++) {
            long id = f.article(
                    "story-" + i,
                    "Story number " + i,
                    i % 2 == 0 ? politics : sport,
                    i % 5 == 0 ? "opinion" : "news",
                    T0.plus(Duration.ofHours(i)),
                    "The opening of story " + i + ".\n\nThe **second** paragraph of story " + i + ".");
            if (i == 0) first = id;
            if (i % 3 == 0) f.byline(id, ada, 0);
            if (i % 4 == 0) f.tag(id, harbour);
        }
        t.contentChanged();
        admin = Keys.admin(t, "integrations-admin@example.org");
        key = Keys.make(admin, "Test app", false, 1000);
    }

    static HttpResponse<String> get(String path, String... headers) {
        return app.get().get(path, headers);
    }

    static String withKey(String path) {
        return path + (path.contains("?") ? "&" : "?") + "key=" + key;
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(r.body(), e);
        }
    }

    @Test
    void theKeyIsShownOnceAndOnlyItsHashIsKept() {
        assertThat(key).startsWith("bs_content_");
        String list = admin.get(NewsroomPaths.integrations()).body();
        assertThat(list).contains("Test app").doesNotContain(key);
        long stored = app.get()
                .fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select count(*) from api_keys where key_hash = :k or key_prefix = :k")
                        .bind("k", key)
                        .mapTo(Long.class)
                        .one());
        assertThat(stored).as("the key itself is stored nowhere").isZero();
        assertThat(Jsoup.parse(list).select("table.integrations td").eachText()).contains("Test app");
    }

    @Test
    void withoutAKeyTheApiSays401AsAProblem() {
        HttpResponse<String> r = get(ApiPaths.contentArticles());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(r).path("detail").asText()).contains("key");
        assertThat(get(ApiPaths.contentArticles() + "?key=bs_content_nonsense").statusCode())
                .isEqualTo(401);
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        List<String> slugs = new ArrayList<>();
        String path = withKey(ApiPaths.contentArticles() + "?limit=7&fields=slug");
        for (int pages = 0; pages < 10 && path != null; pages++) {
            JsonNode page = json(get(path));
            page.path("articles").forEach(a -> slugs.add(a.path("slug").asText()));
            String next = page.path("next").isNull() ? null : page.path("next").asText();
            path = next == null ? null : withKey(ApiPaths.contentArticles() + "?limit=7&fields=slug&after=" + next);
        }
        assertThat(slugs).hasSize(25).doesNotHaveDuplicates();
        assertThat(slugs.get(0)).as("newest first").isEqualTo("story-24");
        List<String> oldest = json(get(withKey(ApiPaths.contentArticles() + "?sort=published_at:asc&limit=2")))
                .path("articles")
                .findParents("headline")
                .stream()
                .map(a -> a.path("slug").asText())
                .toList();
        assertThat(oldest).containsExactly("story-0", "story-1");
    }

    /** The slugs of every page of this list, following "next", in the order given. */
    private List<String> allPages(String query) {
        List<String> slugs = new ArrayList<>();
        String path = withKey(ApiPaths.contentArticles() + query);
        for (int pages = 0; pages < 20 && path != null; pages++) {
            JsonNode page = json(get(path));
            page.path("articles").forEach(a -> slugs.add(a.path("slug").asText()));
            path = page.path("next").isNull()
                    ? null
                    : withKey(ApiPaths.contentArticles() + query + "&after="
                            + page.path("next").asText());
        }
        return slugs;
    }

    @Test
    void anAuthorsOrATopicsListPagesInPublicationOrder() {
        // read from the author's bylines (or the topic's tags) in publication order: the same order as the
        // whole archive's, page after page, both ways
        List<String> all = allPages("?limit=100&fields=slug");
        for (String filter : List.of("author=ada-quill", "topic=harbour", "author=ada-quill&topic=harbour")) {
            List<String> whole = allPages("?limit=100&fields=slug&" + filter);
            assertThat(whole).as(filter).isNotEmpty();
            assertThat(allPages("?limit=2&fields=slug&" + filter)).as(filter).isEqualTo(whole);
            assertThat(whole)
                    .as(filter)
                    .isEqualTo(all.stream().filter(whole::contains).toList());
            assertThat(allPages("?limit=3&fields=slug&sort=published_at:asc&" + filter))
                    .as(filter)
                    .isEqualTo(whole.reversed());
        }
        assertThat(allPages("?limit=100&fields=slug&author=nobody-at-all")).isEmpty();
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(json(get(withKey(ApiPaths.contentArticles() + "?section=sport&limit=100")))
                        .path("articles")
                        .findParents("headline")
                        .stream()
                        .map(a -> a.path("slug").asText())
                        .toList())
                .hasSize(12)
                .allMatch(s -> Integer.parseInt(s.substring(6)) % 2 == 1);
        assertThat(json(get(withKey(ApiPaths.contentArticles() + "?author=ada-quill&limit=100")))
                        .path("articles")
                        .size())
                .isEqualTo(9);
        assertThat(json(get(withKey(ApiPaths.contentArticles() + "?topic=harbour&kind=opinion&limit=100")))
                        .path("articles")
                        .findParents("headline")
                        .stream()
                        .map(a -> a.path("slug").asText())
                        .toList())
                .containsExactlyInAnyOrder("story-0", "story-20");
        assertThat(json(get(withKey(ApiPaths.contentArticles() + "?published_since=" + T0.plus(Duration.ofHours(22))
                                + "&limit=100")))
                        .path("articles")
                        .size())
                .isEqualTo(3);
        assertThat(json(get(withKey(ApiPaths.contentArticles() + "?ids=" + first + "," + (first + 1))))
                        .path("articles")
                        .findParents("headline")
                        .stream()
                        .map(a -> a.path("slug").asText())
                        .toList())
                .containsExactlyInAnyOrder("story-0", "story-1");
    }

    @Test
    void fieldsIncludesAndFormatsShapeEachArticle() {
        JsonNode a = json(get(withKey(ApiPaths.contentArticles()
                        + "?sort=published_at:asc&limit=1&include=authors,topics&formats=html,markdown")))
                .path("articles")
                .get(0);
        assertThat(a.path("authors").findValuesAsText("slug")).containsExactly("ada-quill");
        assertThat(a.path("topics").findValuesAsText("slug")).containsExactly("harbour");
        assertThat(a.path("html").asText()).contains("<strong>second</strong>");
        assertThat(a.path("markdown").asText()).contains("**second**");
        assertThat(a.path("url").asText()).endsWith("/story-0");
        JsonNode slim = json(get(withKey(ApiPaths.contentArticles() + "?limit=1&fields=id,headline")))
                .path("articles")
                .get(0);
        assertThat(slim.properties()).extracting(e -> e.getKey()).containsExactlyInAnyOrder("id", "headline");
        HttpResponse<String> bad = get(withKey(ApiPaths.contentArticles() + "?include=comments"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("detail").asText()).contains("include").contains("comments");
    }

    @Test
    void oneArticleByIdOrSlugWithItsHtmlBody() {
        JsonNode byId = json(get(withKey(ApiPaths.contentArticle(first)))).path("article");
        JsonNode bySlug =
                json(get(withKey(ApiPaths.contentArticleBySlug("story-0")))).path("article");
        assertThat(byId).isEqualTo(bySlug);
        assertThat(byId.path("html").asText()).contains("<p>The opening of story 0.</p>");
        assertThat(byId.path("locked").asBoolean()).isFalse();
        HttpResponse<String> missing = get(withKey(ApiPaths.contentArticleBySlug("no-such-story")));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("detail").asText()).contains("no-such-story");
        assertThat(get(withKey(ApiPaths.contentArticles() + "/not-a-number")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void badParametersAre400sNamingTheParameterNever500s() {
        for (String q : List.of(
                "?limit=0",
                "?limit=1000",
                "?limit=x",
                "?sort=headline",
                "?kind=poem",
                "?published_since=yesterday",
                "?ids=1,x",
                "?after=garbage",
                "?fields=password")) {
            HttpResponse<String> r = get(withKey(ApiPaths.contentArticles() + q));
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            String name = q.substring(1, q.indexOf('='));
            assertThat(json(r).path("detail").asText()).as(q).contains("\"" + name + "\"");
        }
        assertThat(get(withKey(ApiPaths.contentChanges() + "?after=-1")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void everyAnswerHasAnETagAnd304sWhenUnchanged() {
        HttpResponse<String> r = get(withKey(ApiPaths.contentSections()));
        assertThat(r.statusCode()).isEqualTo(200);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=60");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(json(r).path("sections").findValuesAsText("slug")).containsExactly("politics", "sport");
        HttpResponse<String> again = get(withKey(ApiPaths.contentSections()), "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        app.get().fixtures.section("weather", "Weather");
        app.get().contentChanged();
        HttpResponse<String> changed = get(withKey(ApiPaths.contentSections()), "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).path("sections").findValuesAsText("slug")).contains("weather");
    }

    @Test
    void aBrowserAppMayAskWithTheKeyInAHeader() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var pre = http.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(app.get().url(ApiPaths.contentArticles())))
                        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "https://app.example.net")
                        .header("Access-Control-Request-Method", "GET")
                        .header("Access-Control-Request-Headers", "x-api-key")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pre.statusCode()).isEqualTo(204);
        assertThat(pre.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                .contains("X-Api-Key");
        HttpResponse<String> r = get(ApiPaths.contentTopics(), "X-Api-Key", key, "Origin", "https://app.example.net");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("topics").findValuesAsText("slug")).contains("harbour");
    }

    @Test
    void aKeyPastItsLimitGets429WithRetryAfterAndARevokedKeyNothing() {
        String slow = Keys.make(admin, "Slow partner", false, 3);
        for (int i = 0; i < 3; i++)
            assertThat(get(ApiPaths.contentAuthors() + "?key=" + slow).statusCode())
                    .isEqualTo(200);
        HttpResponse<String> over = get(ApiPaths.contentAuthors() + "?key=" + slow);
        assertThat(over.statusCode()).isEqualTo(429);
        long retry = Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isBetween(1L, 60L);
        assertThat(json(over).path("detail").asText()).contains("3 requests a minute");
        assertThat(get(withKey(ApiPaths.contentAuthors())).statusCode())
                .as("another key has its own limit")
                .isEqualTo(200);

        String doomed = Keys.make(admin, "Former partner", false, 100);
        assertThat(get(ApiPaths.contentSections() + "?key=" + doomed).statusCode())
                .isEqualTo(200);
        long id = app.get()
                .fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from api_keys where name = 'Former partner'")
                        .mapTo(Long.class)
                        .one());
        admin.get(NewsroomPaths.integrations());
        assertThat(admin.post(NewsroomPaths.integrationRevoke(id), java.util.Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(get(ApiPaths.contentSections() + "?key=" + doomed).statusCode())
                .isEqualTo(401);
        assertThat(admin.get(NewsroomPaths.integrations()).body()).contains("Revoked");
    }

    @Test
    void aKeyNeedsANameAndASensibleLimit() {
        admin.get(NewsroomPaths.integrations());
        HttpResponse<String> r =
                admin.post(NewsroomPaths.integrations(), java.util.Map.of("name", " ", "perMinute", "0"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(r.body()).select(".field--error label").eachText())
                .containsExactlyInAnyOrder("Integration name", "Requests a minute");
        assertThat(Jsoup.parse(r.body()).select("#new-key")).isEmpty();
    }

    @Test
    void onlyAdminsMakeKeys() {
        WebClient editor = app.get().signedIn("integrations-editor@example.org", broadsheet.web.Role.EDITOR);
        assertThat(editor.get(NewsroomPaths.integrations()).statusCode()).isEqualTo(403);
    }

    @Test
    void theChangesFeedNamesPublishedUnpublishedAndDeletedArticlesAfterACursor() {
        TestApp t = app.get();
        String from = json(get(withKey(ApiPaths.contentChanges() + "?after=0&limit=100")))
                .path("next")
                .asText();
        while (json(get(withKey(ApiPaths.contentChanges() + "?limit=100&after=" + from)))
                .path("more")
                .asBoolean())
            from = json(get(withKey(ApiPaths.contentChanges() + "?limit=100&after=" + from)))
                    .path("next")
                    .asText();
        from = json(get(withKey(ApiPaths.contentChanges() + "?limit=100&after=" + from)))
                .path("next")
                .asText();

        long section = t.fixtures.section("changes", "Changes");
        long kept = t.fixtures.article("feed-kept", "Kept", section, "news", T0, "Text.");
        long pulled = t.fixtures.article("feed-pulled", "Pulled", section, "news", T0, "Text.");
        long gone = t.fixtures.article("feed-gone", "Gone", section, "news", T0, "Text.");
        t.fixtures.jdbi().useHandle(h -> {
            h.execute("update articles set status = 'unpublished' where id = ?", pulled);
            h.execute("delete from articles where id = ?", gone);
        });
        JsonNode page = json(get(withKey(ApiPaths.contentChanges() + "?after=" + from)));
        java.util.Map<Long, String> states = new java.util.HashMap<>();
        page.path("changes")
                .forEach(ch -> states.put(
                        ch.path("articleId").asLong(), ch.path("state").asText()));
        assertThat(states)
                .containsEntry(kept, "published")
                .containsEntry(pulled, "unpublished")
                .containsEntry(gone, "deleted");
        assertThat(page.path("changes").size()).as("each article once per page").isEqualTo(states.size());
        String next = page.path("next").asText();
        assertThat(json(get(withKey(ApiPaths.contentChanges() + "?after=" + next)))
                        .path("changes")
                        .size())
                .as("nothing new after the last cursor")
                .isZero();
    }

    @Test
    void photosAreThoseOfPublishedArticlesOnly() {
        TestApp t = app.get();
        long shown = t.fixtures.photo(640, 480, java.awt.Color.RED, "Shown", "Photo: A", "A red square");
        long hidden = t.fixtures.photo(640, 480, java.awt.Color.GREEN, "Not yet", "Photo: B", "A green square");
        t.fixtures.leadPhoto(first, shown);
        t.contentChanged();
        List<Long> ids = new ArrayList<>();
        json(get(withKey(ApiPaths.contentPhotos())))
                .path("photos")
                .forEach(p -> ids.add(p.path("id").asLong()));
        assertThat(ids).contains(shown).doesNotContain(hidden);
    }
}
