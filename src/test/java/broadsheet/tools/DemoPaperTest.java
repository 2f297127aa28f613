package broadsheet.tools;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.App;
import broadsheet.Config;
import broadsheet.db.Database;
import broadsheet.search.Search;
import broadsheet.search.SearchRequest;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestDb;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo paper ({@code serve --demo}), loaded once for both tests (each used to load it into a database and
 * start an app of its own): it loads once as today's paper and every article page is valid; and known-item
 * queries on it each find one of their articles in the top 3 of /search. The second prints success@3 and MRR,
 * and the same queries through PostgreSQL full-text search (tsvector, websearch_to_tsquery, ts_rank) with the
 * time each engine takes, for docs/search.md.
 */
class DemoPaperTest {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPaperTest.class);

    record Known(String query, String why, Set<String> slugs) {}

    static final List<Known> KNOWN = List.of(
            new Known("harbour bill first reading", "headline words", Set.of("harbour-bill-clears-first-reading")),
            new Known("Customs House gallery", "headline words", Set.of("customs-house-gallery-opens")),
            new Known("Tollgrave fees", "stemming (fee/fees)", Set.of("tollgrave-port-fee-cut")),
            new Known("Lindmark Strait storm", "headline words", Set.of("lindmark-strait-storm-closure")),
            new Known(
                    "Bank of Orrisand rates",
                    "headline words",
                    Set.of("bank-of-orrisand-holds-rates", "why-the-bank-of-orrisand-waited")),
            new Known("Lantern Theatre", "a name in the headline", Set.of("lantern-theatre-funding-cut")),
            new Known("theatre luxury", "headline words", Set.of("a-theatre-is-not-a-luxury")),
            new Known("storm warning system", "headline words", Set.of("northern-sea-council-storm-warnings")),
            new Known("renters", "one headline word", Set.of("the-banks-patience-costs-renters")),
            new Known("second reading", "headline words", Set.of("harbour-bill-passes-second-reading")),
            new Known(
                    "Margit Sallow",
                    "an author's name",
                    Set.of(
                            "harbour-levy-right-idea-wrong-price",
                            "kestwick-should-listen-to-saltmere",
                            "the-banks-patience-costs-renters")),
            new Known(
                    "Felix Ardan",
                    "an author's name misspelt",
                    Set.of("customs-house-gallery-opens", "lantern-theatre-funding-cut", "a-theatre-is-not-a-luxury")),
            new Known(
                    "Orisand",
                    "a name misspelt",
                    Set.of(
                            "bank-of-orrisand-holds-rates",
                            "why-the-bank-of-orrisand-waited",
                            "the-banks-patience-costs-renters")),
            new Known(
                    "Tobias Wrenfeld",
                    "a topic's name misspelt",
                    Set.of(
                            "wrenfield-majority-runs-through-saltmere",
                            "coastal-league-jobs-guarantee-deal",
                            "harbour-bill-passes-second-reading")),
            new Known("\"jobs guarantee\"", "a phrase", Set.of("coastal-league-jobs-guarantee-deal")),
            new Known("Halloran levy", "a company and a word", Set.of("halloran-shipping-levy-warning")),
            new Known("galleries waterfront", "plural to singular", Set.of("customs-house-gallery-opens")),
            new Known("neighbour rival", "headline words", Set.of("brevania-neighbour-before-rival")),
            new Known("Wrenfield majority", "headline words", Set.of("wrenfield-majority-runs-through-saltmere")),
            new Known(
                    "shiping storm",
                    "a word misspelt",
                    Set.of("lindmark-strait-storm-closure", "northern-sea-council-storm-warnings")));

    @TempDir
    static Path dir;

    static Database db;
    static Config config;
    static App app;

    @BeforeAll
    static void loadTheDemoPaper() {
        db = TestDb.fresh();
        config = new Config(
                0,
                dir,
                "jdbc:test",
                "http://localhost",
                true,
                false,
                broadsheet.mail.MailConfig.fromEnv(java.util.Map.of()));
        DemoContent.loadIfEmpty(db, config);
        app = App.start(config, db);
    }

    @AfterAll
    static void close() {
        if (app != null) app.close();
        if (db != null) db.close();
    }

    @Test
    void demoLoadsOnceAsTodaysPaperAndEveryArticlePageIsValid() throws Exception {
        DemoContent.loadIfEmpty(db, config); // a second start changes nothing
        var jdbi = db.jdbi();
        int articles = jdbi.withHandle(h -> h.createQuery("select count(*) from articles where status = 'published'")
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
        assertThat(latestChange).as("nothing in the demo happens in the future").isBefore(Instant.now());
        int opinion = jdbi.withHandle(h -> h.createQuery("select count(*) from articles where kind = 'opinion'")
                .mapTo(Integer.class)
                .one());
        assertThat(opinion).isGreaterThanOrEqualTo(4);

        List<String> paths =
                jdbi.withHandle(h -> h.createQuery("""
                select '/' || to_char(published_at at time zone 'Europe/London', 'YYYY/MM/DD') || '/' || slug from articles""").mapTo(String.class).list());
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
        assertThat(withPromo).as("demo articles with a newsletter promo").isPositive();
    }

    @Test
    void knownItemsAreInTheTopThree() throws Exception {
        assertThat(app.searchEngine().awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        HttpClient http = HttpClient.newHttpClient();
        int hits = 0;
        int pgHits = 0;
        double rr = 0;
        double pgRr = 0;
        List<String> table = new ArrayList<>();
        for (Known k : KNOWN) {
            String body = http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/search?q="
                                            + URLEncoder.encode(k.query(), StandardCharsets.UTF_8)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            List<String> slugs = Jsoup.parse(body).select(".search-hit__headline a").eachAttr("href").stream()
                    .map(h -> h.substring(h.lastIndexOf('/') + 1))
                    .toList();
            List<String> pg = postgres(db, k.query());
            int rank = rank(slugs, k.slugs());
            int pgRank = rank(pg, k.slugs());
            if (rank > 0 && rank <= 3) hits++;
            if (pgRank > 0 && pgRank <= 3) pgHits++;
            rr += rank > 0 ? 1.0 / rank : 0;
            pgRr += pgRank > 0 ? 1.0 / pgRank : 0;
            table.add("| %s | %s | %s | %s |"
                    .formatted(k.query().replace("|", "\\|"), k.why(), rank(rank), rank(pgRank)));
        }
        Search search = new Search(app.searchEngine());
        long luceneNanos =
                time(() -> KNOWN.forEach(k -> search.search(request(k.query()), ZoneId.of("UTC"), Instant.now())));
        long pgNanos = time(() -> KNOWN.forEach(k -> postgres(db, k.query())));
        LOG.warn(
                "known-item queries ({}):\n| query | what it tests | Lucene rank | PostgreSQL rank |\n|---|---|---|---|\n{}",
                KNOWN.size(),
                String.join("\n", table));
        LOG.warn(String.format(
                Locale.ROOT,
                "Lucene success@3 %d/%d MRR %.3f; PostgreSQL success@3 %d/%d MRR %.3f; mean per query over 20 rounds: Lucene %.2f ms (with facets and snippets), PostgreSQL %.2f ms (ranked ids only)",
                hits,
                KNOWN.size(),
                rr / KNOWN.size(),
                pgHits,
                KNOWN.size(),
                pgRr / KNOWN.size(),
                luceneNanos / 1e6 / KNOWN.size() / 20,
                pgNanos / 1e6 / KNOWN.size() / 20));
        assertThat(hits).as("success@3").isGreaterThanOrEqualTo(KNOWN.size() - 1);
    }

    static SearchRequest request(String q) {
        return new SearchRequest(q, SearchRequest.Order.RELEVANCE, "", "", "", "", "", null, null, 1);
    }

    static long time(Runnable r) {
        for (int i = 0; i < 5; i++) r.run(); // warm up
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) r.run();
        return System.nanoTime() - start;
    }

    /** The same query through PostgreSQL's own full-text search, as a site without Lucene would run it. */
    static List<String> postgres(Database db, String q) {
        return db.jdbi()
                .withHandle(
                        h -> h.createQuery("""
                        select a.slug from articles a, websearch_to_tsquery('english', :q) query
                         where a.status = 'published'
                           and to_tsvector('english', a.headline || ' ' || a.deck || ' ' || a.body) @@ query
                         order by ts_rank(to_tsvector('english', a.headline || ' ' || a.deck || ' ' || a.body), query) desc
                         limit 10""").bind("q", q).mapTo(String.class).list());
    }

    static int rank(List<String> found, Set<String> wanted) {
        for (int i = 0; i < found.size(); i++) if (wanted.contains(found.get(i))) return i + 1;
        return 0;
    }

    static String rank(int r) {
        return r == 0 ? "not found" : Integer.toString(r);
    }
}
