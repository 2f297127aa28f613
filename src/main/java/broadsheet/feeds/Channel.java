package broadsheet.feeds;

import broadsheet.web.Paths;
import broadsheet.web.Site;

/**
 * One feed's identity: what it is called and the page it follows. The three formats sit next to
 * that page ({@code /sections/politics/feed.rss}), or at {@code /feed.rss} for the whole paper;
 * paths are site-relative.
 */
public record Channel(String title, String description, String htmlPath) {

    /** The whole paper's feeds at /feed.rss, /feed.atom and /feed.json. */
    public static Channel siteWide(Site site) {
        return new Channel(site.name(), site.tagline(), Paths.home());
    }

    public String rssPath() {
        return Paths.feed(base(), "rss");
    }

    public String atomPath() {
        return Paths.feed(base(), "atom");
    }

    public String jsonPath() {
        return Paths.feed(base(), "json");
    }

    /** The page the feeds belong to, or "" for the home page (whose feeds are the site's). */
    private String base() {
        return htmlPath.equals(Paths.home()) ? "" : htmlPath;
    }
}
