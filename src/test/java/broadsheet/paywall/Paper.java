package broadsheet.paywall;

import broadsheet.testing.Fixtures;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A small paper with one article at each access level, each with a sentence past its first
 * paragraph that appears nowhere else: what must be sent exactly to those who may read it.
 */
final class Paper {

    static final String FREE_SECRET = "Quinces ripen slowly under the customs house roof.";
    static final String REG_SECRET = "The quartermaster sang at midnight beside the slipway.";
    static final String SUB_SECRET = "The harbour ledger hides a golden key behind page nine.";
    static final String SUB2_SECRET = "A lamplighter counted forty gulls on the breakwater.";
    static final String SUB3_SECRET = "Nobody has opened the north tide gate since the flood.";

    final long section;
    final long author;
    final long photo;
    final long free;
    final long registered;
    final long subscribers;
    final long subscribers2;
    final long subscribers3;
    final Instant at;

    Paper(Fixtures f) {
        f.setting("site_name", "The Paywall Times");
        f.setting("site_time_zone", "UTC");
        section = f.section("politics", "Politics");
        author = f.author("ada-quill", "Ada Quill");
        photo = f.photo(1200, 800, Color.ORANGE, "The quay at dawn.", "Photo: desk", "An orange quay");
        at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
        free = story(f, "free-story", "A free story", "Everyone may read this opening.", FREE_SECRET, "free", 0);
        registered = story(
                f,
                "registered-story",
                "A story for readers with an account",
                "The opening of the registered story.",
                REG_SECRET,
                "registered",
                1);
        subscribers = story(
                f,
                "subscriber-story",
                "A story for subscribers",
                "The opening of the subscriber story.",
                SUB_SECRET,
                "subscribers",
                2);
        subscribers2 = story(
                f,
                "second-subscriber-story",
                "Another subscriber story",
                "The opening of the second subscriber story.",
                SUB2_SECRET,
                "subscribers",
                3);
        subscribers3 = story(
                f,
                "third-subscriber-story",
                "A third subscriber story",
                "The opening of the third subscriber story.",
                SUB3_SECRET,
                "subscribers",
                4);
    }

    private long story(
            Fixtures f,
            String slug,
            String headline,
            String opening,
            String secret,
            String access,
            int minutesEarlier) {
        long id = f.article(
                slug,
                headline,
                section,
                "news",
                at,
                opening + "\n\n" + secret + " More follows.\n\nA closing paragraph for " + slug + ".");
        f.byline(id, author, 0);
        f.leadPhoto(id, photo);
        f.access(id, access);
        return id;
    }

    String path(String slug) {
        var d = at.atZone(ZoneId.of("UTC")).toLocalDate();
        return "/%04d/%02d/%02d/%s".formatted(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), slug);
    }

    String monthSitemap() {
        var d = at.atZone(ZoneId.of("UTC")).toLocalDate();
        return "/sitemaps/articles-%04d-%02d.xml".formatted(d.getYear(), d.getMonthValue());
    }

    static long userId(TestApp t, String email) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from users where email = :e")
                        .bind("e", email)
                        .mapTo(Long.class)
                        .one());
    }

    /** A signed-in reader with a subscription until the given time (in the past: a lapsed subscriber). */
    static WebClient subscriber(TestApp t, String email, Instant until) {
        WebClient c = t.signedIn(email, Role.READER);
        t.fixtures.subscriber(userId(t, email), until);
        return c;
    }
}
