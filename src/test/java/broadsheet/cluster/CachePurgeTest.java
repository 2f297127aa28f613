package broadsheet.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.ContentChanges;
import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.web.Paths;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pages carry Surrogate-Key headers, and a change in the database's change log (from any node or
 * process) is sent as a purge to the configured caches: here a real HTTP server on loopback stands in
 * for Varnish's purge endpoint and records what it is sent.
 */
class CachePurgeTest {

    record Purge(String method, String path, String keys) {}

    static final List<Purge> received = new CopyOnWriteArrayList<>();
    static final HttpServer cache = startCache();

    static HttpServer startCache() {
        HttpServer cache;
        try {
            cache = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        cache.createContext("/", ex -> {
            received.add(new Purge(
                    ex.getRequestMethod(),
                    ex.getRequestURI().getPath(),
                    ex.getRequestHeaders().getFirst("Surrogate-Key")));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        cache.start();
        return cache;
    }

    /** Purges received that named this key; keys heard together go out in one purge, "search comments-7". */
    static long purged(String key) {
        return received.stream()
                .filter(p -> p.method().equals("PURGE") && p.path().equals("/purge"))
                .filter(p -> p.keys() != null && List.of(p.keys().split(" ")).contains(key))
                .count();
    }

    @AfterAll
    static void stopCache() {
        cache.stop(0);
    }

    @RegisterExtension
    static final AppExtension app = AppExtension.with(o ->
            o.withPurgeUrls(URI.create("http://127.0.0.1:" + cache.getAddress().getPort() + "/purge")));

    @Test
    void pagesNameTheirKeysAndEveryChangeIsSentToTheCacheAsAPurge() {
        TestApp t = app.get();
        long section = t.fixtures.section("harbour", "Harbour");
        Instant noon = Instant.parse("2026-11-30T12:00:00Z"); // the same day in every time zone a paper uses
        long id = t.fixtures.article(
                "ferry-timetable-changes", "Ferry timetable changes", section, "news", noon, "New times.");
        t.contentChanged();
        var page = t.get(Paths.article(ZoneOffset.UTC, "ferry-timetable-changes", noon));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Surrogate-Key").orElse("").split(" "))
                .contains("article-" + id, "section-harbour");
        assertThat(t.get("/").headers().firstValue("Surrogate-Key")).isPresent();

        // a change that names its pages (a comment, say) purges those pages only
        received.clear();
        t.db.jdbi().useTransaction(h -> ContentChanges.announce(h, "comments-" + id));
        Waiting.fewSeconds().until(() -> purged("comments-" + id) > 0);

        // any other change (a publish, an edit of the navigation) purges every page
        t.db.jdbi().useTransaction(ContentChanges::announce);
        Waiting.fewSeconds().until(() -> purged("*") > 0);
    }

    @Test
    void searchPagesArePurgedOnceTheIndexHasTheChangeNotOnlyWhenTheChangeIsAnnounced() {
        TestApp t = app.get();
        long section = t.fixtures.section("weather", "Weather");
        t.awaitSearch(); // a search before the index is ready answers 503, a page no cache keeps
        var search = t.get("/search?q=hailstones");
        assertThat(search.headers().firstValue("Surrogate-Key")).hasValue("search");

        // a cache in front may ask for the results between the announcement and the index taking the article
        // in, and keep that answer: the index taking it in must purge the search pages again
        received.clear();
        t.fixtures.article("hail-on-the-quay", "Hail on the quay", section, "news", Instant.now(), "Hailstones fell.");
        t.contentChanged();
        Waiting.fewSeconds().until(() -> purged("search") > 0);
        assertThat(t.get("/search?q=hailstones").body()).contains("Hail on the quay");
        // and again a second later, for an older answer the cache was still fetching when the first came
        Waiting.fewSeconds().until(() -> purged("search") >= 2);
    }

    @Test
    void aPurgeUrlThatIsNotAnHttpUrlStopsStartUpNamingTheVariable() {
        assertThat(broadsheet.Config.fromEnv(
                                java.util.Map.of("PURGE_URLS", " http://127.0.0.1:6081/ , https://cdn.example/purge "))
                        .purgeUrls())
                .containsExactly(URI.create("http://127.0.0.1:6081/"), URI.create("https://cdn.example/purge"));
        for (String bad : List.of("varnish:6081", "ftp://cache.example/", "http://")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> broadsheet.Config.fromEnv(java.util.Map.of("PURGE_URLS", bad)))
                    .isInstanceOf(broadsheet.db.StartupException.class)
                    .hasMessageContaining("PURGE_URLS")
                    .hasMessageContaining(bad);
        }
    }
}
