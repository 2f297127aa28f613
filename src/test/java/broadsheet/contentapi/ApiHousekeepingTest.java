package broadsheet.contentapi;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.TestApp;
import broadsheet.testing.Waiting;
import broadsheet.web.ApiPaths;
import broadsheet.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The changes feed keeps 90 days; a cursor from before what was pruned is told to re-sync. */
class ApiHousekeepingTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static JsonNode json(HttpResponse<String> r) {
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(r.body(), e);
        }
    }

    static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void oldChangesArePrunedAndAnOlderCursorGets410NamingWhereToResume() {
        TestApp t = app.fresh();
        Jdbi jdbi = t.fixtures.jdbi();
        long section = t.fixtures.section("retention", "Retention");
        String key = Keys.make(Keys.admin(t, "retention-admin@example.org"), "Syncing partner", false, 1000);
        long oldArticle =
                t.fixtures.article("old-story", "An old story", section, "news", java.time.Instant.now(), "Text.");
        long newArticle =
                t.fixtures.article("new-story", "A new story", section, "news", java.time.Instant.now(), "Text.");
        // the old article's changes were made 100 days ago, the new one's now
        jdbi.useHandle(h -> h.createUpdate(
                        "update api_changes set changed_at = now() - interval '100 days' where article_id = :a")
                .bind("a", oldArticle)
                .execute());
        long oldSeq = count(jdbi, "select max(id) from api_changes where changed_at < now() - interval '90 days'");
        String feed = ApiPaths.contentChanges() + "?key=" + key + "&after=";
        assertThat(t.get(feed + "0").statusCode()).as("nothing pruned yet").isEqualTo(200);

        ApiHousekeeping sweep = new ApiHousekeeping(new ContentDao(jdbi), new ApiKeyDao(jdbi), Clock.systemUTC());
        assertThat(sweep.runOnce()).isPositive();
        assertThat(count(jdbi, "select count(*) from api_changes where changed_at < now() - interval '90 days'"))
                .isZero();
        assertThat(count(jdbi, "select count(*) from api_changes where article_id = " + newArticle))
                .isPositive();

        HttpResponse<String> gone = t.get(feed + "0");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(gone);
        assertThat(problem.path("detail").asText())
                .contains("after=0")
                .contains("no longer kept")
                .contains("Re-sync")
                .contains(ApiPaths.contentArticles());
        long resume = Long.parseLong(problem.path("next").asText());
        assertThat(resume).isGreaterThanOrEqualTo(oldSeq);
        assertThat(t.get(feed + (oldSeq - 1)).statusCode()).isEqualTo(410);

        // from the horizon on, the feed answers, and still lists the new article's change
        HttpResponse<String> from = t.get(feed + oldSeq);
        assertThat(from.statusCode()).isEqualTo(200);
        assertThat(from.body()).contains("\"articleId\":" + newArticle);
        assertThat(t.get(feed + resume).statusCode()).isEqualTo(200);
        assertThat(sweep.runOnce()).as("a second sweep finds nothing").isZero();
    }

    @Test
    void theRateLimitsPastMinutesAreForgotten() {
        TestApp t = app.get();
        Jdbi jdbi = t.fixtures.jdbi();
        String key = Keys.make(Keys.admin(t, "windows-admin@example.org"), "Counted partner", false, 1000);
        assertThat(t.get(ApiPaths.contentSections() + "?key=" + key).statusCode())
                .isEqualTo(200);
        // the node adds its count to PostgreSQL within a second (RateCounter)
        Waiting.upTo(Duration.ofSeconds(10)).until(() -> count(jdbi, "select count(*) from api_rate_windows") == 1);
        jdbi.useHandle(h -> h.execute("""
                insert into api_rate_windows (key_id, minute, requests)
                select key_id, minute - 10, 7 from api_rate_windows""")); // as if counted ten minutes ago
        assertThat(count(jdbi, "select count(*) from api_rate_windows")).isEqualTo(2);
        new ApiHousekeeping(new ContentDao(jdbi), new ApiKeyDao(jdbi), Clock.systemUTC()).runOnce();
        assertThat(count(jdbi, "select count(*) from api_rate_windows")).isEqualTo(1);
        assertThat(count(jdbi, "select sum(requests) from api_rate_windows")).isEqualTo(1);
    }
}
