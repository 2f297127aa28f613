package broadsheet.search;

import broadsheet.testing.Fixtures;
import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A small paper for search tests: a few articles that differ in the ways search must tell apart. */
final class SearchPaper {

    final long politics;
    final long business;
    final long ada;
    final long zoe;
    final long harbourTopic;
    final long harbour;
    final long cycling;
    final long opinion;
    final long market;
    final long draft;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    SearchPaper(Fixtures f) {
        f.setting("site_name", "The Search Gazette");
        f.setting("site_time_zone", "UTC");
        politics = f.section("politics", "Politics");
        business = f.section("business", "Business");
        ada = f.author("ada-quill", "Ada Quill");
        zoe = f.author("zoe-hartley", "Zoë Hartley");
        harbourTopic = f.topic("harbour", "Harbour", "place");
        // an alias in no headline or body: search finds the topic's articles by it (SearchPagesTest)
        f.jdbi()
                .useHandle(
                        h -> h.execute("update topics set aliases = '{\"the waterside\"}' where id = ?", harbourTopic));
        long photo = f.photo(800, 600, Color.BLUE, "Cranes over the container terminal.", "Photo: desk", "Cranes");
        harbour = f.article(
                "harbour-ports-expand",
                "Harbour ports expand to meet shipping demand",
                politics,
                "news",
                now.minus(Duration.ofHours(3)),
                "New container cranes arrived at the eastern quay on Monday.\n\n"
                        + "The port authority said the expansion would double capacity by spring.");
        f.byline(harbour, ada, 0);
        f.tag(harbour, harbourTopic);
        f.leadPhoto(harbour, photo);
        cycling = f.article(
                "council-approves-cycling-lanes",
                "Council approves new cycling lanes",
                politics,
                "news",
                now.minus(Duration.ofHours(30)),
                "The café owners on Rue Élise welcomed the lanes.\n\nThe mayor said riders would be safer.");
        f.byline(cycling, zoe, 0);
        opinion = f.article(
                "why-the-harbour-plan-fails",
                "Why the plan for the waterfront fails",
                business,
                "opinion",
                now.minus(Duration.ofDays(10)),
                "Shipping is not what it was. The harbour needs fewer cranes, not more.\n\n"
                        + "Nobody asked the fishermen.");
        f.byline(opinion, ada, 0);
        f.tag(opinion, harbourTopic);
        market = f.article(
                "market-rallies-on-bank-results",
                "Market rallies on bank results",
                business,
                "analysis",
                now.minus(Duration.ofDays(400)),
                "Shares in the largest lenders rose after strong quarterly results.");
        f.byline(market, zoe, 0);
        draft = f.jdbi()
                .withHandle(h ->
                        h.createQuery("""
                        insert into articles (slug, headline, body, section_id, status)
                        values ('secret-draft', 'Harbour merger draft', 'An embargoed harbour merger.', :s, 'draft')
                        returning id""").bind("s", politics).mapTo(Long.class).one());
    }
}
