package broadsheet.contentapi;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.web.ApiPaths;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two nodes on one database: a key's limit is one count for the whole cluster, not one per node. Each node
 * counts in memory and adds its counts to PostgreSQL every second, or at once every 1% of the limit (every
 * request under 200 a minute), so a node may admit fewer than 1% of the limit beyond it (docs/api.md).
 */
class RateLimitAcrossNodesTest {

    static TestApp a;
    static TestApp b;

    @BeforeAll
    static void start() {
        TestApp.Options o = TestApp.Options.defaults().plainHttp();
        a = new TestApp(o);
        b = a.node(o);
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    /** The database's current minute, which the limit counts in. */
    static long minute() {
        return a.db.jdbi()
                .withHandle(h -> h.createQuery("select floor(extract(epoch from clock_timestamp()) / 60)::bigint")
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void fourRequestsAMinuteAreFourAcrossBothNodes() {
        var admin = Keys.admin(a, "limits-admin@example.org");
        // the count starts again each minute: should the minute turn during a try, try again with a new key
        for (int attempt = 1; ; attempt++) {
            String key = Keys.make(admin, "Two-node partner " + attempt, false, 4);
            String path = ApiPaths.contentSections() + "?key=" + key;
            long before = minute();
            List<Integer> codes = new ArrayList<>();
            for (TestApp node : List.of(a, b, a, b, a, b))
                codes.add(node.get(path).statusCode());
            HttpResponse<String> over = b.get(path);
            if (minute() != before && attempt < 3) continue;
            assertThat(codes)
                    .as("two on each node are the key's four; the fifth and sixth are refused on either node")
                    .containsExactly(200, 200, 200, 200, 429, 429);
            assertThat(over.statusCode()).isEqualTo(429);
            assertThat(over.headers().firstValue("Retry-After")).isPresent();
            assertThat(over.body()).contains("4 requests a minute");
            return;
        }
    }

    /** How many of these requests, sent in turn to the nodes given, were answered (not refused with a 429). */
    static int admitted(String path, List<TestApp> nodes, int requests) {
        int ok = 0;
        for (int i = 0; i < requests; i++) {
            int code = nodes.get(i % nodes.size()).get(path).statusCode();
            if (code == 200) ok++;
            else assertThat(code).as("a refused request is a 429").isEqualTo(429);
        }
        return ok;
    }

    static long counted(String key) {
        return a.db.jdbi()
                .withHandle(h -> h.createQuery("""
                                select coalesce(sum(w.requests), 0) from api_rate_windows w
                                  join api_keys k on k.id = w.key_id where k.key_hash = :hash""")
                        .bind("hash", broadsheet.web.Tokens.sha256(key))
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void aNodesRequestsBelowItsStepReachTheOtherNodeWithinSeconds() {
        var admin = Keys.admin(a, "limits-admin2@example.org");
        for (int attempt = 1; ; attempt++) {
            // 1,000 a minute: a node sends its counts every 10 requests, or each second with fewer
            String key = Keys.make(admin, "Quiet partner " + attempt, false, 1000);
            String path = ApiPaths.contentSections() + "?key=" + key;
            long before = minute();
            int onA = admitted(path, List.of(a), 9);
            // a holds 9, too few to send at once: its timer adds them to PostgreSQL within a second or so
            Waiting.upTo(Duration.ofSeconds(10)).until(() -> counted(key) >= 9);
            int onB = admitted(path, List.of(b), 1100);
            if (minute() != before && attempt < 3) continue;
            assertThat(onA).isEqualTo(9);
            assertThat(counted(key)).as("a's nine are in PostgreSQL").isGreaterThanOrEqualTo(9);
            assertThat(onA + onB)
                    .as("b learns of a's nine with its first count and stops at the key's 1,000 in all")
                    .isEqualTo(1000);
            return;
        }
    }

    @Test
    @Timeout(120)
    void busyKeyOnBothNodesStaysWithinOnePercentPerNode() {
        var admin = Keys.admin(a, "limits-admin3@example.org");
        for (int attempt = 1; ; attempt++) {
            // 300 a minute: each node sends every 3 requests, so each may admit up to 2 beyond the limit
            String key = Keys.make(admin, "Busy partner " + attempt, false, 300);
            String path = ApiPaths.contentSections() + "?key=" + key;
            long before = minute();
            int ok = admitted(path, List.of(a, b), 400);
            if (minute() != before && attempt < 3) continue;
            assertThat(ok)
                    .as("300 for the key on both nodes together, and fewer than 1% of it more per node")
                    .isBetween(300, 304);
            return;
        }
    }
}
