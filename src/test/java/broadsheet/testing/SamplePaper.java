package broadsheet.testing;

import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A small newspaper for page tests: two sections, two authors, topics, a front, 25 politics stories. */
public final class SamplePaper {

    public final long politics;
    public final long business;
    public final long ada;
    public final long ben;
    public final long harbour;
    public final long[] politicsStories = new long[25];
    public final long businessStory;
    public final long opinionStory;
    public final Instant newest;

    public SamplePaper(Fixtures f) {
        f.setting("site_name", "The Test Ledger");
        f.setting("site_tagline", "News you can test");
        f.setting("site_time_zone", "Europe/London");
        politics = f.section("politics", "Politics");
        business = f.section("business", "Business");
        ada = f.author("ada-quill", "Ada Quill");
        ben = f.author("ben-marsh", "Ben Marsh");
        harbour = f.topic("harbour-bill", "Harbour Bill", "subject");
        f.newsletter("politics-briefing", "Politics Briefing", "The day's top political headlines", "subscribers");
        long photo = f.photo(1200, 800, Color.ORANGE, "A quay at dawn.", "Illustration: desk", "An orange quay");
        newest = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        for (int i = 0; i < politicsStories.length; i++) {
            long id = f.article(
                    "politics-story-" + i,
                    "Politics story number " + i + " & more",
                    politics,
                    "news",
                    newest.minus(Duration.ofHours(6L * i)),
                    "First paragraph " + i + ".\n\nSecond paragraph.");
            f.byline(id, i % 2 == 0 ? ada : ben, 0);
            if (i % 3 == 0) f.tag(id, harbour);
            if (i < 3 || i == 5) f.leadPhoto(id, photo);
            politicsStories[i] = id;
        }
        businessStory = f.article(
                "markets-rally",
                "Markets rally on port news",
                business,
                "analysis",
                newest.minus(Duration.ofHours(2)),
                "Shares rose.");
        f.byline(businessStory, ben, 0);
        opinionStory = f.article(
                "why-the-port-matters",
                "Why the port matters",
                business,
                "opinion",
                newest.minus(Duration.ofDays(40)),
                "An argument.");
        f.byline(opinionStory, ada, 0);
        f.tag(opinionStory, harbour);
        // the editor puts an older story first on the home page
        f.front("home", politicsStories[5], businessStory);
        f.front("section:politics", politicsStories[10]);
    }
}
