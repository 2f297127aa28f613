package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cached pages for requests without cookies are answered before routing: the same bytes and headers
 * the route gave, never to a request with cookies or another query, and never once the page changed.
 */
class FrontDoorTest {

    static TestApp t;
    static long articleId;
    static final String ARTICLE = "/2026/11/20/quay-reopens";

    @BeforeAll
    static void setUp() {
        t = new TestApp();
        long news = t.fixtures.section("news", "News");
        articleId = t.fixtures.article(
                "quay-reopens", "The east quay reopens", news, "news", Instant.parse("2026-11-20T09:00:00Z"), "Body.");
        t.contentChanged();
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    private static long hits() {
        return t.app.pageCache().doorHits();
    }

    /** The response's headers but the date and the request's own id, by lower-case name. */
    private static Map<String, List<String>> headers(HttpResponse<?> r) {
        Map<String, List<String>> out = new TreeMap<>();
        r.headers().map().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("date") && !k.equalsIgnoreCase("x-request-id"))
                out.put(k.toLowerCase(java.util.Locale.ROOT), v);
        });
        return out;
    }

    @Test
    void aSecondRequestWithoutCookiesGetsTheSameAnswerFromTheDoor() {
        for (String path : List.of("/", ARTICLE, "/sections/news")) {
            for (String encoding : List.of("gzip", "identity")) {
                HttpResponse<byte[]> first = t.getBytes(path, "Accept-Encoding", encoding);
                long before = hits();
                HttpResponse<byte[]> second = t.getBytes(path, "Accept-Encoding", encoding);
                assertThat(hits()).as(path + " answered at the door").isEqualTo(before + 1);
                assertThat(second.statusCode()).isEqualTo(200);
                assertThat(second.body()).as(path).isEqualTo(first.body());
                assertThat(headers(second)).as(path).isEqualTo(headers(first));
                assertThat(second.headers().firstValue("X-Request-Id"))
                        .as("each answer has its own request id")
                        .isPresent()
                        .isNotEqualTo(first.headers().firstValue("X-Request-Id"));
            }
        }
    }

    private static HttpResponse<byte[]> send(java.net.http.HttpRequest request) {
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDoorAnswersConditionalAndHeadRequestsAsTheRouteWould() {
        HttpResponse<byte[]> page = t.getBytes(ARTICLE);
        String etag = page.headers().firstValue("ETag").orElseThrow();
        long before = hits();
        HttpResponse<byte[]> notModified = t.getBytes(ARTICLE, "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        var head = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.url(ARTICLE)))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).contains(String.valueOf(page.body().length));
        assertThat(hits()).isGreaterThanOrEqualTo(before + 1);
    }

    @Test
    void requestsWithCookiesOrAnotherQueryGoToTheRoute() {
        t.get(ARTICLE); // remembered
        long before = hits();
        assertThat(t.get(ARTICLE, "Cookie", "bs_session=someone").statusCode()).isEqualTo(200);
        assertThat(t.get(ARTICLE + "?gift=not-a-real-gift").statusCode()).isIn(200, 303, 403);
        assertThat(t.get(ARTICLE, "Authorization", "Bearer x").statusCode()).isIn(200, 401, 403);
        assertThat(hits()).as("none of them answered at the door").isEqualTo(before);
    }

    @Test
    void aChangedPageIsNotAnsweredFromTheDoor() {
        t.get("/sections/news");
        assertThat(t.get("/sections/news").body()).contains("The east quay reopens");
        t.fixtures
                .jdbi()
                .useHandle(h -> h.execute(
                        "update articles set headline = 'The east quay reopens at last', updated_at = now() where id = ?",
                        articleId));
        t.contentChanged(); // what the newsroom's save announces
        long before = hits();
        assertThat(t.get("/sections/news").body()).contains("The east quay reopens at last");
        assertThat(hits())
                .as("the first request after the change is rendered afresh")
                .isEqualTo(before);
    }

    @Test
    void jettyMayAnswerHitsOnTheThreadThatReadTheRequest() {
        // A blocking handler anywhere in front of the door would make Jetty start a thread for every
        // request again (twice the CPU per cached page, measured): the door must stay non-blocking and
        // hand everything else to a thread of its own, where pages, forms and errors work as before.
        assertThat(t.app.invocationType())
                .isEqualTo(org.eclipse.jetty.util.thread.Invocable.InvocationType.NON_BLOCKING);
        assertThat(t.get("/no-such-page").statusCode()).isEqualTo(404);
        assertThat(t.get(ARTICLE, "Cookie", "bs_session=someone").body()).contains("The east quay reopens");
    }

    @Test
    void theSelectorWaitsOnAPlatformThreadAndTheAppRunsOnVirtualOnes() {
        // On virtual threads the selector's loop queued behind page renders on the two cores (rendered
        // pages' p99 three to four times higher): it must be one of the pool's platform threads, and what
        // the door hands on must go to virtual threads, where waiting on the database costs no thread.
        assertThat(t.get(ARTICLE).statusCode()).isEqualTo(200);
        var pool = (org.eclipse.jetty.util.thread.QueuedThreadPool) t.app.threadPool();
        assertThat(org.eclipse.jetty.util.VirtualThreads.getVirtualThreadsExecutor(pool))
                .isNotNull();
        boolean selecting = Thread.getAllStackTraces().entrySet().stream() // platform threads only
                .filter(e -> e.getKey().getName().startsWith(pool.getName() + "-"))
                .anyMatch(e -> java.util.Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().startsWith("org.eclipse.jetty.io.ManagedSelector")));
        assertThat(selecting)
                .as("a platform thread of this server's pool runs its selector")
                .isTrue();
    }
}
