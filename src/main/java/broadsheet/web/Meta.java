package broadsheet.web;

import broadsheet.media.Photo;
import java.util.List;

/**
 * What a page says about itself in its head: title, description, canonical URL, social cards,
 * structured data and feed links.
 *
 * @param jsonLd serialized JSON-LD, or null
 */
public record Meta(
        String title,
        String description,
        String canonicalPath,
        String ogType,
        Photo image,
        String jsonLd,
        List<FeedLink> feeds,
        boolean noindex) {

    public record FeedLink(String title, String path, String type) {}

    public static Meta page(String title, String description, String canonicalPath) {
        return new Meta(title, description, canonicalPath, "website", null, null, List.of(), false);
    }

    /** Links to the RSS, Atom and JSON feeds of the page at {@code base} ("" for the whole paper's). */
    public Meta withFeeds(String title, String base) {
        return new Meta(
                this.title,
                description,
                canonicalPath,
                ogType,
                image,
                jsonLd,
                List.of(
                        new FeedLink(title + " (RSS)", Paths.feed(base, "rss"), "application/rss+xml"),
                        new FeedLink(title + " (Atom)", Paths.feed(base, "atom"), "application/atom+xml"),
                        new FeedLink(title + " (JSON Feed)", Paths.feed(base, "json"), "application/feed+json")),
                noindex);
    }

    public Meta hidden() {
        return new Meta(title, description, canonicalPath, ogType, image, jsonLd, feeds, true);
    }
}
