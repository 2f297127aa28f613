package broadsheet.contentapi;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.web.ApiPaths;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two nodes on one database: a key's limit is one count for the whole cluster, not one per node. */
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
}
