package broadsheet.contentapi;

import broadsheet.testing.ApiExampleContext;
import broadsheet.testing.ApiExamples;
import broadsheet.web.ApiPaths;
import broadsheet.web.Role;
import java.awt.Color;
import java.time.Instant;

/** Example calls of the Content API's and reader tokens' operations, for OpenApiConformanceTest. */
public final class ContentApiExamples implements ApiExamples {

    /** A key, and a small paper with a photo, byline and topic, made once. */
    static String key(ApiExampleContext c) {
        return c.once("content:key", () -> {
            var f = c.app().fixtures;
            long section = f.section("example-news", "Example news");
            long author = f.author("example-writer", "Example Writer");
            long topic = f.topic("example-port", "Example port", "place");
            long photo = f.photo(800, 600, Color.BLUE, "A quay.", "Photo: desk", "A blue quay");
            long a = f.article(
                    "example-story",
                    "An example story",
                    section,
                    "news",
                    Instant.now().minusSeconds(600),
                    "First paragraph.\n\nSecond paragraph.");
            f.byline(a, author, 0);
            f.tag(a, topic);
            f.leadPhoto(a, photo);
            f.gallery(a, photo);
            f.access(a, "subscribers");
            c.app().contentChanged();
            return Keys.make(c.signedIn(Role.ADMIN), "Examples", false, 10_000);
        });
    }

    static String id(ApiExampleContext c) {
        key(c);
        Long id = c.app()
                .fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from articles where slug = 'example-story'")
                        .mapTo(Long.class)
                        .one());
        return String.valueOf(id);
    }

    static String token(ApiExampleContext c) {
        return c.once("content:token", () -> {
            c.app().fixtures.user("examples-app@example.org", Role.READER, "examples password 1");
            var r = c.send(
                    "POST",
                    ApiPaths.readerTokens(),
                    "{\"email\":\"examples-app@example.org\",\"password\":\"examples password 1\",\"app\":\"Examples\"}",
                    "Content-Type",
                    "application/json");
            return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        });
    }

    private static String k(ApiExampleContext c) {
        return "key=" + key(c);
    }

    @Override
    public void register(Registry r) {
        String all = "&include=authors,topics,photos&formats=html,markdown";
        r.call("listArticles", c -> c.send("GET", ApiPaths.contentArticles() + "?" + k(c) + all, null));
        r.call(
                "listArticles",
                c -> c.send("GET", ApiPaths.contentArticles() + "?" + k(c) + "&fields=id,slug&limit=1", null));
        r.call("listArticles", c -> c.send("GET", ApiPaths.contentArticles() + "?" + k(c) + "&limit=500", null));
        r.call("listArticles", c -> c.send("GET", ApiPaths.contentArticles(), null));
        r.call(
                "getArticle",
                c -> c.send("GET", ApiPaths.contentArticle(Long.parseLong(id(c))) + "?" + k(c) + all, null));
        r.call(
                "getArticle",
                c -> c.send(
                        "GET",
                        ApiPaths.contentArticle(Long.parseLong(id(c))) + "?" + k(c),
                        null,
                        "Authorization",
                        "Bearer " + token(c)));
        r.call("getArticle", c -> c.send("GET", ApiPaths.contentArticle(999_999) + "?" + k(c), null));
        r.call(
                "getArticleBySlug",
                c -> c.send("GET", ApiPaths.contentArticleBySlug("example-story") + "?" + k(c), null));
        r.call(
                "getArticleBySlug",
                c -> c.send("GET", ApiPaths.contentArticleBySlug("example-story") + "?" + k(c) + "&formats=pdf", null));
        r.call("listSections", c -> c.send("GET", ApiPaths.contentSections() + "?" + k(c), null));
        r.call("listAuthors", c -> c.send("GET", ApiPaths.contentAuthors() + "?" + k(c) + "&limit=1", null));
        r.call("listTopics", c -> c.send("GET", ApiPaths.contentTopics(), null, "X-Api-Key", key(c)));
        r.call("listPhotos", c -> c.send("GET", ApiPaths.contentPhotos() + "?" + k(c), null));
        r.call("listChanges", c -> c.send("GET", ApiPaths.contentChanges() + "?" + k(c), null));
        r.call("listChanges", c -> c.send("GET", ApiPaths.contentChanges() + "?" + k(c) + "&after=x", null));
        r.call("createReaderToken", c -> {
            token(c);
            return c.send(
                    "POST",
                    ApiPaths.readerTokens(),
                    "{\"email\":\"examples-app@example.org\",\"password\":\"examples password 1\",\"app\":\"Examples 2\"}",
                    "Content-Type",
                    "application/json");
        });
        r.call(
                "createReaderToken",
                c -> c.send("POST", ApiPaths.readerTokens(), "{}", "Content-Type", "application/json"));
        r.call(
                "createReaderToken",
                c -> c.send(
                        "POST",
                        ApiPaths.readerTokens(),
                        "{\"email\":\"nobody-here@example.org\",\"password\":\"x\",\"app\":\"Examples\"}",
                        "Content-Type",
                        "application/json"));
        r.call(
                "deleteReaderToken",
                c -> c.send("DELETE", ApiPaths.currentReaderToken(), null, "Authorization", "Bearer not-a-token"));
        r.call("deleteReaderToken", c -> {
            c.app().fixtures.user("examples-leaving@example.org", Role.READER, "examples password 2");
            var t = c.send(
                    "POST",
                    ApiPaths.readerTokens(),
                    "{\"email\":\"examples-leaving@example.org\",\"password\":\"examples password 2\",\"app\":\"Examples\"}",
                    "Content-Type",
                    "application/json");
            String token = t.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            return c.send("DELETE", ApiPaths.currentReaderToken(), null, "Authorization", "Bearer " + token);
        });
    }
}
