package broadsheet.paywall;

import static broadsheet.paywall.Paper.FREE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.testing.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An article's access level changes while its page is being rendered: the paywall decided on the old
 * level, the render reads the new one. PostgreSQL holds the render (a lock on the articles table) until
 * the change commits, so the two always interleave this way. The change's notification is not sent, as
 * if it had not reached this node yet.
 */
class AccessChangeRaceTest {

    static TestApp t;
    static Paper p;
    static WebClient subscriber;

    @BeforeAll
    static void setUp() {
        t = new TestApp(TestApp.Options.defaults().plainHttp());
        p = new Paper(t.fixtures);
        t.fixtures.setting("paywall_meter", "0");
        t.contentChanged();
        subscriber = Paper.subscriber(t, "subscriber@example.org", Instant.now().plus(Duration.ofDays(20)));
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    @Test
    void aPageRenderedAfterTheLevelChangedIsNotKeptUnderTheLevelDecidedBefore() throws Exception {
        String path = p.path("free-story");
        // this node learns that the article is free (the page itself is cached at another address)
        assertThat(t.client().get(path + "?before=0").body()).contains(FREE_SECRET);
        // and has since dropped its pages and the reads they were rendered from (as on any change it heard of),
        // so the render below reads the article from the database
        t.app.pageCache().clear();

        HttpResponse<String> raced;
        try (Handle h = t.fixtures.jdbi().open()) {
            h.begin();
            h.createUpdate("update articles set access = 'subscribers', version = version + 1, updated_at = now()"
                            + " where id = :id")
                    .bind("id", p.free)
                    .execute();
            h.execute("lock table articles in access exclusive mode");
            CompletableFuture<HttpResponse<String>> reading = HttpClient.newHttpClient()
                    .sendAsync(
                            HttpRequest.newBuilder(URI.create(t.url(path))).build(),
                            HttpResponse.BodyHandlers.ofString());
            // the request has decided on "free" and its render waits to read the article
            Waiting.fewSeconds().until(() -> renderWaiting(t));
            h.commit();
            raced = reading.get(30, TimeUnit.SECONDS);
        }

        assertThat(raced.statusCode()).isEqualTo(200);
        assertThat(raced.body()).as("the render read the new level").doesNotContain(FREE_SECRET);
        assertThat(raced.headers().firstValue("Cache-Control"))
                .as("a locked page is not for shared caches")
                .hasValue(Paywall.PRIVATE);
        // the page rendered for "subscribers only" was not kept as the page for the free article's readers
        assertThat(subscriber.get(path).body()).contains(FREE_SECRET);
        assertThat(t.client().get(path).body()).doesNotContain(FREE_SECRET);
    }

    private static boolean renderWaiting(TestApp t) {
        return t.fixtures
                        .jdbi()
                        .withHandle(h -> h.createQuery("""
                        select count(*) from pg_stat_activity
                         where datname = current_database() and wait_event_type = 'Lock'
                           and query like '%a.deck, a.body, a.kind%'""").mapTo(Integer.class).one())
                > 0;
    }
}
