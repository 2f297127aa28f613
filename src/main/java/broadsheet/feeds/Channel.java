package broadsheet.feeds;

import broadsheet.web.Site;

/**
 * One feed's identity: what it is called and where it lives. The three formats sit at
 * {@code feedPathBase + ".rss" | ".atom" | ".json"}; paths are site-relative.
 */
public record Channel(String title, String description, String htmlPath, String feedPathBase) {

    /** The whole paper's feeds at /feed.rss, /feed.atom and /feed.json. */
    public static Channel siteWide(Site site) {
        return new Channel(site.name(), site.tagline(), "/", "/feed");
    }

    public String rssPath() {
        return feedPathBase + ".rss";
    }

    public String atomPath() {
        return feedPathBase + ".atom";
    }

    public String jsonPath() {
        return feedPathBase + ".json";
    }
}
