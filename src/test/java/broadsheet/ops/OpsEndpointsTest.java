package broadsheet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /healthz, /readyz, /metrics and request ids, over real HTTP against the real app. */
class OpsEndpointsTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.create();

    @Test
    void livenessAndReadinessAnswerWithoutCaching() {
        TestApp t = app.get();
        HttpResponse<String> live = t.get("/healthz");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("ok\n");
        assertThat(live.headers().firstValue("Cache-Control")).hasValue("no-store");
        Waiting.fewSeconds().untilAsserted(() -> {
            HttpResponse<String> ready = t.get("/readyz");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("ready\n");
        });
    }

    @Test
    void aLoadBalancersFailedReadinessChecksDoNotCountAsFailingRequests() {
        TestApp t = app.fresh();
        // as if this node's jar were newer than the database: a migration not applied makes it unready
        Map<String, Object> last = t.db.jdbi()
                .withHandle(
                        h -> h.createQuery("select * from flyway_schema_history order by installed_rank desc limit 1")
                                .mapToMap()
                                .one());
        t.db.jdbi()
                .useHandle(h -> h.execute(
                        "delete from flyway_schema_history where installed_rank = ?", last.get("installed_rank")));
        Waiting.upTo(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> ready = t.get("/readyz");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("1 migration(s) not applied");
        });
        // a load balancer checks every second; ten failed checks are not ten failed requests of the site's
        for (int i = 0; i < 10; i++) assertThat(t.get("/readyz").statusCode()).isEqualTo(503);
        t.db.jdbi()
                .useHandle(h -> h.createUpdate("insert into flyway_schema_history (" + String.join(", ", last.keySet())
                                + ") values ("
                                + last.keySet().stream()
                                        .map(k -> ":" + k)
                                        .collect(java.util.stream.Collectors.joining(", "))
                                + ")")
                        .bindMap(last)
                        .execute());
        // ready again as soon as the watch reads the migrations again, checked all the while
        Waiting.upTo(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> ready = t.get("/readyz");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        });
    }

    @Test
    void everyAnswerCarriesARequestIdAndASaneOneIsKept() {
        TestApp t = app.get();
        String made = t.get("/").headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(made).matches("[0-9a-f-]{36}");
        assertThat(t.get("/", "X-Request-Id", "lb-42.abc").headers().firstValue("X-Request-Id"))
                .hasValue("lb-42.abc");
        String replaced = t.get("/", "X-Request-Id", "<script>alert(1)</script>")
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow();
        assertThat(replaced).doesNotContain("<").matches("[0-9a-f-]{36}");
        assertThat(t.get("/no/such/page/here/at/all").headers().firstValue("X-Request-Id"))
                .isPresent();
    }

    @Test
    void metricsCountRequestsByRoutePatternAndThePageCache() {
        TestApp t = app.get();
        t.get("/2026/01/02/no-such-story");
        t.get("/");
        t.get("/");
        HttpResponse<String> m = t.get("/metrics");
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(m.body())
                .contains(
                        "broadsheet_http_requests_seconds_count{method=\"GET\",route=\"/{y}/{m}/{d}/{slug}\",status=\"404\"}")
                .contains("route=\"/\",status=\"200\"")
                .doesNotContain("no-such-story")
                .contains("broadsheet_page_cache_hits_total")
                .contains("broadsheet_page_cache_misses_total")
                .contains("broadsheet_db_pool_active")
                .contains("broadsheet_job_lag_seconds")
                .contains("broadsheet_search_lag_changes")
                .contains("broadsheet_db_up 1.0");
        Waiting.fewSeconds()
                .untilAsserted(() -> assertThat(t.get("/metrics").body())
                        .contains("broadsheet_outbox_depth{outbox=\"newsletter\"}"));
    }

    @Test
    void metricsAreNotForRequestsAProxyForwarded() {
        HttpResponse<String> m = app.get().get("/metrics", "X-Forwarded-For", "203.0.113.9");
        assertThat(m.statusCode()).isEqualTo(403);
        assertThat(m.body()).contains("METRICS_TOKEN").doesNotContain("broadsheet_");
    }
}
