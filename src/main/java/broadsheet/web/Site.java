package broadsheet.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newspaper itself: its name, public origin and home time zone. Article URLs carry the
 * publication date in that zone ({@code /2026/11/30/slug}), as a reader would expect.
 */
public record Site(String name, String tagline, String baseUrl, ZoneId zone, String language) {

    // "z" names the zone as it is at that instant (BST in July, GMT in November)
    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    /** Site-relative URL of a published article. */
    public String articlePath(String slug, Instant publishedAt) {
        return Paths.article(zone, slug, publishedAt);
    }

    public String absolute(String path) {
        return baseUrl + path;
    }

    // every card shows one, the same for every reader: each formatted once (a zone's names cost the most)
    private static final Map<ZoneId, Map<Instant, String>> FORMATTED = new ConcurrentHashMap<>();

    /** "30 November 2026, 10:15 GMT" in the paper's zone. */
    public String readable(Instant t) {
        Map<Instant, String> done = FORMATTED.computeIfAbsent(zone, z -> new ConcurrentHashMap<>());
        String s = done.get(t);
        if (s == null) {
            if (done.size() >= 20_000) done.clear(); // bounded: an archive's dates come and go
            done.put(t, s = READABLE.format(t.atZone(zone)));
        }
        return s;
    }

    /** "Monday 30 November 2026". */
    public String day(LocalDate d) {
        return DAY.format(d);
    }

    public LocalDate localDate(Instant t) {
        return t.atZone(zone).toLocalDate();
    }
}
