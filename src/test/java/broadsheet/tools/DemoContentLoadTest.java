package broadsheet.tools;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.App;
import broadsheet.Config;
import broadsheet.db.Database;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `serve --demo` on an empty database: the demo paper loads once, dated today, and every article page is valid. */
class DemoContentLoadTest {

    @Test
    void demoLoadsOnceAsTodaysPaperAndEveryArticlePageIsValid(@TempDir Path dir) throws Exception {
        try (Database db = TestDb.fresh()) {
            Config config = new Config(
                    0,
                    dir,
                    "jdbc:test",
                    "http://localhost",
                    true,
                    false,
                    broadsheet.mail.MailConfig.fromEnv(java.util.Map.of()));
            DemoContent.loadIfEmpty(db, config);
            DemoContent.loadIfEmpty(db, config); // a second start changes nothing
            var jdbi = db.jdbi();
            int articles =
                    jdbi.withHandle(h -> h.createQuery("select count(*) from articles where status = 'published'")
                            .mapTo(Integer.class)
                            .one());
            assertThat(articles).isGreaterThanOrEqualTo(15);
            Instant newest = jdbi.withHandle(h -> h.createQuery("select max(published_at) from articles")
                            .mapTo(Timestamp.class)
                            .one())
                    .toInstant();
            assertThat(Duration.between(newest, Instant.now())).isBetween(Duration.ofMinutes(30), Duration.ofDays(1));
            Instant latestChange = jdbi.withHandle(h -> h.createQuery(
                                    "select greatest((select max(updated_at) from articles), (select max(created_at) from corrections))")
                            .mapTo(Timestamp.class)
                            .one())
                    .toInstant();
            assertThat(latestChange)
                    .as("nothing in the demo happens in the future")
                    .isBefore(Instant.now());
            int opinion = jdbi.withHandle(h -> h.createQuery("select count(*) from articles where kind = 'opinion'")
                    .mapTo(Integer.class)
                    .one());
            assertThat(opinion).isGreaterThanOrEqualTo(4);

            List<String> paths =
                    jdbi.withHandle(h -> h.createQuery("""
                    select '/' || to_char(published_at at time zone 'Europe/London', 'YYYY/MM/DD') || '/' || slug from articles""").mapTo(String.class).list());
            try (App app = App.start(config, db)) {
                HttpClient http = HttpClient.newHttpClient();
                int withPromo = 0;
                for (String p : paths) {
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + p))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(p).isEqualTo(200);
                    assertThat(HtmlValidator.problems(r.body())).as(p).isEmpty();
                    assertThat(r.body()).as(p).contains("Follow related authors and topics");
                    // the newsletter promo, in articles long enough for one, is one link
                    var promo = org.jsoup.Jsoup.parse(r.body()).select("aside.promo");
                    if (!promo.isEmpty()) {
                        withPromo++;
                        assertThat(promo.select("a")).as(p).hasSize(1);
                    }
                }
                assertThat(withPromo)
                        .as("demo articles with a newsletter promo")
                        .isPositive();
            }
        }
    }
}
