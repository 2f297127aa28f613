package broadsheet.feeds;

import broadsheet.articles.ArticleSummary;
import broadsheet.web.Site;
import java.time.Instant;
import java.util.List;

/**
 * Sitemaps (sitemaps.org 0.9) and a Google News sitemap, written by hand: the formats are
 * tiny and fixed. Like {@link Feeds}, pure: the same input gives the same bytes.
 *
 * <p>The limits are the search engines'; a caller with more must split into several sitemaps
 * listed by an index. Paths are expected to be URL-safe already (our slugs are).
 */
public final class Sitemaps {

    /** URLs in one sitemap, and sitemaps in one index. */
    public static final int MAX_URLS = 50_000;
    /** Articles in one Google News sitemap. */
    public static final int MAX_NEWS_URLS = 1_000;

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    private final Site site;

    public Sitemaps(Site site) {
        this.site = site;
    }

    /** A sitemap index listing other sitemaps, all marked as changed at {@code lastModified} (may be null). */
    public String index(List<String> sitemapPaths, Instant lastModified) {
        limit(sitemapPaths.size(), MAX_URLS, "sitemaps in an index");
        var x = new StringBuilder(DECLARATION)
                .append("<sitemapindex xmlns=\"")
                .append(SITEMAP_NS)
                .append("\">\n");
        for (String path : sitemapPaths) {
            x.append("  <sitemap>\n");
            leaf(x, "    ", "loc", site.absolute(path));
            if (lastModified != null) leaf(x, "    ", "lastmod", Text.rfc3339(lastModified));
            x.append("  </sitemap>\n");
        }
        return x.append("</sitemapindex>\n").toString();
    }

    public String urls(List<UrlEntry> entries) {
        limit(entries.size(), MAX_URLS, "URLs in a sitemap");
        var x = new StringBuilder(DECLARATION)
                .append("<urlset xmlns=\"")
                .append(SITEMAP_NS)
                .append("\">\n");
        for (UrlEntry e : entries) {
            x.append("  <url>\n");
            leaf(x, "    ", "loc", site.absolute(e.path()));
            if (e.lastModified() != null) leaf(x, "    ", "lastmod", Text.rfc3339(e.lastModified()));
            x.append("  </url>\n");
        }
        return x.append("</urlset>\n").toString();
    }

    /**
     * Google News sitemap of recent articles (Google reads only the last two days). The title is
     * the bare headline, as on the article page; the "Opinion: " label is for links to it.
     */
    public String news(List<ArticleSummary> lastTwoDays) {
        limit(lastTwoDays.size(), MAX_NEWS_URLS, "articles in a news sitemap");
        var x = new StringBuilder(DECLARATION)
                .append("<urlset xmlns=\"")
                .append(SITEMAP_NS)
                .append("\" xmlns:news=\"")
                .append(NEWS_NS)
                .append("\">\n");
        for (ArticleSummary a : lastTwoDays) {
            x.append("  <url>\n");
            leaf(x, "    ", "loc", site.absolute(site.articlePath(a.slug(), a.publishedAt())));
            x.append("    <news:news>\n      <news:publication>\n");
            leaf(x, "        ", "news:name", site.name());
            leaf(x, "        ", "news:language", site.language());
            x.append("      </news:publication>\n");
            leaf(x, "      ", "news:publication_date", Text.rfc3339(a.publishedAt()));
            leaf(x, "      ", "news:title", a.headline());
            x.append("    </news:news>\n  </url>\n");
        }
        return x.append("</urlset>\n").toString();
    }

    private static void leaf(StringBuilder x, String indent, String name, String text) {
        x.append(indent)
                .append('<')
                .append(name)
                .append('>')
                .append(Text.xml(text))
                .append("</")
                .append(name)
                .append(">\n");
    }

    private static void limit(int size, int max, String what) {
        if (size > max) throw new IllegalArgumentException(size + " " + what + "; at most " + max + " allowed");
    }
}
