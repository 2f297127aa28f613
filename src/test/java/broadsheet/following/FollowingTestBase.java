package broadsheet.following;

import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the Following tests share: an app on the real PostgreSQL with sections, topics and authors to
 * follow, fresh for each test class (the classes take turns: the app is held in this class's statics), and helpers to make readers and articles.
 */
@org.junit.jupiter.api.parallel.ResourceLock("FollowingTestBase") // its app is static, shared by the subclasses
abstract class FollowingTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static TestApp t;
    static long politics, business, trade, energy, harbour, ana, ben;
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static int users;

    @BeforeAll
    static void setUp() {
        t = new TestApp(broadsheet.mail.MailConfig.fromEnv(Map.of()));
        var f = t.fixtures;
        politics = f.section("politics", "Politics");
        business = f.section("business", "Business");
        trade = f.topic("trade-policy", "Trade policy", "subject");
        energy = f.topic("energy", "Energy", "subject");
        harbour = f.topic("harbour", "The Harbour", "place");
        ana = f.author("ana-ortiz", "Ana Ortiz");
        ben = f.author("ben-okafor", "Ben Okafor");
        t.contentChanged();
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static WebClient reader() {
        return t.signedIn("reader" + (++users) + "@example.org", Role.READER);
    }

    /** The id of the reader {@link #reader()} made last. */
    static long lastReaderId() {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from users where email = ?")
                        .bind(0, "reader" + users + "@example.org")
                        .mapTo(Long.class)
                        .one());
    }

    static long article(String slug, long section, Instant at, long[] topics, long... authors) {
        long id = t.fixtures.article(slug, "Headline " + slug, section, "news", at, "First paragraph of " + slug + ".");
        for (long topic : topics) t.fixtures.tag(id, topic);
        for (int i = 0; i < authors.length; i++) t.fixtures.byline(id, authors[i], i);
        t.contentChanged(); // as publishing announces it: the feed's first page is merged from reads kept until then
        return id;
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static String csrf(WebClient c) throws Exception {
        return json(c.get("/api/me")).get("csrfToken").asText();
    }

    static List<String> feedHeadlines(WebClient c, String path) {
        return Jsoup.parse(c.get(path).body())
                .select(".following-item .card__headline")
                .eachText();
    }
}
