package broadsheet.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The archive of a subscribers-only newsletter follows the paywall's rule, checked as the paywall's own
 * tests check articles: whole for subscribers and staff, locked for everyone else, cached per reader level
 * without leaking across levels, and never kept by shared caches.
 */
class NewsletterArchiveAccessTest {

    static final String SECRET = "The pilot boat leaves at dawn with the harbour master's letter.";
    static final String OPEN = "Gulls nest on the old signal tower again this spring.";

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static TestApp t;
    static WebClient anonymous;
    static WebClient reader;
    static WebClient subscriber;
    static WebClient lapsed;
    static WebClient editor;
    static String insiderIssue;
    static String insiderIssue2;
    static String insiderIssue3;
    static String morningIssue;

    @BeforeAll
    static void setUp() {
        t = app.get();
        long insider = t.fixtures.newsletter("insider", "The Insider", "Politics from the inside.", "subscribers");
        long morning = t.fixtures.newsletter("morning", "Morning Briefing", "The day's top stories.", "everyone");
        insiderIssue = "/newsletters/insider/issues/" + sentIssue(insider, "Inside the harbour deal", SECRET);
        insiderIssue2 = "/newsletters/insider/issues/" + sentIssue(insider, "Second insider issue", SECRET);
        insiderIssue3 = "/newsletters/insider/issues/" + sentIssue(insider, "Third insider issue", SECRET);
        morningIssue = "/newsletters/morning/issues/" + sentIssue(morning, "Tuesday's briefing", OPEN);
        t.contentChanged();
        anonymous = t.client();
        reader = t.signedIn("nl-reader@example.org", Role.READER);
        subscriber = subscriber("nl-subscriber@example.org", Instant.now().plus(Duration.ofDays(20)));
        lapsed = subscriber("nl-lapsed@example.org", Instant.now().minus(Duration.ofDays(1)));
        editor = t.signedIn("nl-editor@example.org", Role.EDITOR);
    }

    static long sentIssue(long newsletter, String subject, String intro) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("""
                        insert into newsletter_issues (newsletter_id, subject, intro, status, started_at, sent_at)
                        values (:n, :s, :i, 'sent', now(), now()) returning id""")
                        .bind("n", newsletter)
                        .bind("s", subject)
                        .bind("i", intro)
                        .mapTo(Long.class)
                        .one());
    }

    static WebClient subscriber(String email, Instant until) {
        WebClient c = t.signedIn(email, Role.READER);
        long id = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from users where email = :e")
                        .bind("e", email)
                        .mapTo(Long.class)
                        .one());
        t.fixtures.subscriber(id, until);
        return c;
    }

    static String page(WebClient c, String path) {
        HttpResponse<String> r = c.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void everyoneReadsTheIssuesOfANewsletterForEveryone() {
        for (WebClient c : List.of(anonymous, reader, subscriber, lapsed)) {
            assertThat(page(c, morningIssue)).contains(OPEN).doesNotContain("paywall-offer");
        }
        HttpResponse<String> r = anonymous.get(morningIssue);
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
    }

    @Test
    void anIssueOfASubscribersOnlyNewsletterIsWholeOnlyForSubscribers() {
        for (WebClient c : List.of(anonymous, reader, lapsed)) {
            String html = page(c, insiderIssue);
            Document d = Jsoup.parse(html);
            assertThat(html).doesNotContain(SECRET);
            // what a locked issue still shows: its newsletter, subject and date, and the offer
            assertThat(d.select("h1").text()).isEqualTo("Inside the harbour deal");
            assertThat(d.select(".paywall-offer a[href=/subscribe]")).hasSize(1);
            assertThat(d.select(".nl-intro, .nl-items")).isEmpty();
            assertThat(HtmlValidator.problems(html)).isEmpty();
        }
        // only someone not signed in is offered to sign in
        assertThat(Jsoup.parse(page(anonymous, insiderIssue)).select(".paywall-offer a[href^=/sign-in?next=]"))
                .hasSize(1);
        assertThat(Jsoup.parse(page(reader, insiderIssue)).select(".paywall-offer a[href^=/sign-in]"))
                .isEmpty();

        String whole = page(subscriber, insiderIssue);
        assertThat(whole).contains(SECRET).doesNotContain("paywall-offer");
        assertThat(HtmlValidator.problems(whole)).isEmpty();
    }

    @Test
    void staffReadEveryIssue() {
        assertThat(page(editor, insiderIssue)).contains(SECRET);
    }

    @Test
    void issuesAreCachedPerLevelAndNeverLeakAcrossLevels() {
        t.contentChanged();
        // prime the cache as a subscriber first
        assertThat(page(subscriber, insiderIssue3)).contains(SECRET);
        assertThat(page(subscriber, insiderIssue3)).contains(SECRET);
        for (WebClient c : List.of(t.client(), reader, lapsed)) {
            assertThat(page(c, insiderIssue3)).doesNotContain(SECRET);
        }
        // and the other way round: a locked page cached first does not hide the issue from a subscriber
        assertThat(page(t.client(), insiderIssue2)).doesNotContain(SECRET);
        assertThat(page(subscriber, insiderIssue2)).contains(SECRET);

        // shared caches may keep only pages that are the same for everyone
        for (WebClient c : List.of(anonymous, subscriber)) {
            HttpResponse<String> r = c.get(insiderIssue);
            assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).startsWith("private");
            assertThat(r.headers().firstValue("Vary").orElseThrow()).contains("Cookie");
        }
    }

    @Test
    void aLockedIssueAnswersNotModifiedOnlyForItsOwnBytes() {
        HttpResponse<String> locked = anonymous.get(insiderIssue);
        String etag = locked.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> asSubscriber = t.get(
                insiderIssue,
                "If-None-Match",
                etag,
                "Cookie",
                "bs_session=" + subscriber.cookie("bs_session").orElseThrow());
        assertThat(asSubscriber.statusCode()).isEqualTo(200);
        assertThat(asSubscriber.body()).contains(SECRET);
    }
}
