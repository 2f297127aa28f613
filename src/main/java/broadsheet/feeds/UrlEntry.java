package broadsheet.feeds;

import java.time.Instant;

/** One page in a sitemap: a site-relative path and, when known, when it last changed (may be null). */
public record UrlEntry(String path, Instant lastModified) {}
