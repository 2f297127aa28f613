package broadsheet.feeds;

import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticleSummary;
import broadsheet.articles.ListFilter;
import broadsheet.authors.Author;
import broadsheet.authors.AuthorDao;
import broadsheet.db.ContentChanges;
import broadsheet.db.Cursor;
import broadsheet.sections.Section;
import broadsheet.topics.Topic;
import broadsheet.topics.TopicDao;
import broadsheet.web.Chrome;
import broadsheet.web.PageCache;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Site;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** How machines find the paper's articles: feeds, sitemaps and robots.txt. */
public final class Discovery {

    static final int FEED_SIZE = 50;

    private final ArticleDao articles;
    private final AuthorDao authors;
    private final TopicDao topics;
    private final Chrome chrome;
    private final PageCache cache;
    /** Each feed's items, kept until content changes (web/KeptReads). */
    private final broadsheet.web.KeptReads<ListFilter, List<ArticleSummary>> kept;

    public Discovery(ArticleDao articles, AuthorDao authors, TopicDao topics, Chrome chrome, PageCache cache) {
        this.articles = articles;
        this.authors = authors;
        this.topics = topics;
        this.chrome = chrome;
        this.cache = cache;
        this.kept = cache.keptReads(2_000);
    }

    public void siteFeed(Context ctx) {
        feed(ctx, () -> new Source(Channel.siteWide(chrome.site()), ListFilter.all(), "front-home"));
    }

    public void sectionFeed(Context ctx) {
        feed(ctx, () -> {
            Section s = chrome.nav().stream()
                    .filter(x -> x.slug().equals(ctx.pathParam("slug")))
                    .findFirst()
                    .orElseThrow(NotFoundResponse::new);
            return new Source(
                    new Channel(
                            s.name() + " — " + chrome.site().name(), description(s.description(), s.name()), s.path()),
                    ListFilter.section(s.id()),
                    "section-" + s.slug());
        });
    }

    public void authorFeed(Context ctx) {
        feed(ctx, () -> {
            Author a = authors.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
            return new Source(
                    new Channel(a.name() + " — " + chrome.site().name(), description(a.title(), a.name()), a.path()),
                    ListFilter.author(a.id()),
                    "author-" + a.slug());
        });
    }

    public void topicFeed(Context ctx) {
        feed(ctx, () -> {
            Topic t = topics.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
            return new Source(
                    new Channel(t.name() + " — " + chrome.site().name(), description("", t.name()), t.path()),
                    ListFilter.topic(t.id()),
                    "topic-" + t.slug());
        });
    }

    /** What a feed lists; looked up inside the render, so a feed served from the cache costs no query. */
    private record Source(Channel channel, ListFilter filter, String key) {}

    private void feed(Context ctx, Supplier<Source> lookup) {
        String format = ctx.pathParam("format");
        if (!List.of("rss", "atom", "json").contains(format)) throw new NotFoundResponse();
        cache.serve(ctx, () -> {
            Source src = lookup.get();
            List<ArticleSummary> items = kept.get(src.filter(), f -> articles.latest(f, Cursor.first(), FEED_SIZE));
            Feeds feeds = new Feeds(chrome.site());
            Instant lm = items.stream()
                    .map(ArticleSummary::updatedAt)
                    .max(Instant::compareTo)
                    .orElse(Instant.EPOCH);
            return switch (format) {
                case "rss" ->
                    page(feeds.rss(src.channel(), items), "application/rss+xml; charset=utf-8", lm, src.key());
                case "atom" ->
                    page(feeds.atom(src.channel(), items), "application/atom+xml; charset=utf-8", lm, src.key());
                default ->
                    page(feeds.jsonFeed(src.channel(), items), "application/feed+json; charset=utf-8", lm, src.key());
            };
        });
    }

    public void sitemapIndex(Context ctx) {
        cache.serve(ctx, () -> {
            List<String> paths = new ArrayList<>(List.of(Paths.pagesSitemap(), Paths.newsSitemap()));
            articles.months(chrome.site().zone().getId()).forEach(m -> {
                YearMonth ym = YearMonth.parse(m.getKey());
                paths.add(Paths.monthSitemap(ym.getYear(), ym.getMonthValue()));
            });
            Instant lm = articles.lastChange().orElse(Instant.EPOCH);
            return page(new Sitemaps(chrome.site()).index(paths, lm), "application/xml; charset=utf-8", lm, "sitemap");
        });
    }

    public void newsSitemap(Context ctx) {
        cache.serve(ctx, () -> {
            Instant now = Instant.now();
            List<ArticleSummary> recent = articles.between(now.minus(Duration.ofHours(48)), now.plusSeconds(1), 1000);
            return page(new Sitemaps(chrome.site()).news(recent), "application/xml; charset=utf-8", null, "sitemap");
        });
    }

    public void monthSitemap(Context ctx) {
        YearMonth ym;
        try {
            ym = YearMonth.of(Params.pathNumber(ctx, "y"), Params.pathNumber(ctx, "m"));
        } catch (DateTimeException e) {
            throw new NotFoundResponse();
        }
        cache.serve(ctx, () -> {
            var zone = chrome.site().zone();
            List<ArticleSummary> items = articles.between(
                    ym.atDay(1).atStartOfDay(zone).toInstant(),
                    ym.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(),
                    50_000);
            if (items.isEmpty()) throw new NotFoundResponse();
            Site site = chrome.site();
            List<UrlEntry> entries = items.stream()
                    .map(a -> new UrlEntry(site.articlePath(a.slug(), a.publishedAt()), a.updatedAt()))
                    .toList();
            return page(new Sitemaps(site).urls(entries), "application/xml; charset=utf-8", null, "sitemap");
        });
    }

    public void pagesSitemap(Context ctx) {
        cache.serve(ctx, () -> {
            Instant lm = articles.lastChange().orElse(Instant.EPOCH);
            List<UrlEntry> entries = new ArrayList<>();
            entries.add(new UrlEntry(Paths.home(), lm));
            entries.add(new UrlEntry(Paths.archive(), lm));
            entries.add(new UrlEntry(Paths.newsletters(), null));
            chrome.nav().forEach(s -> entries.add(new UrlEntry(s.path(), null)));
            authors.slugs().forEach(s -> entries.add(new UrlEntry(Paths.author(s), null)));
            topics.slugs().forEach(s -> entries.add(new UrlEntry(Paths.topic(s), null)));
            return page(new Sitemaps(chrome.site()).urls(entries), "application/xml; charset=utf-8", lm, "sitemap");
        });
    }

    public void robots(Context ctx) {
        String body = "User-agent: *\nAllow: /\n\nSitemap: " + chrome.site().absolute(Paths.sitemapIndex()) + "\n";
        PageCache.send(
                ctx,
                PageCache.Page.of(
                        body.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", Instant.EPOCH, ""),
                PageCache.CACHE_CONTROL);
    }

    /** A feed or sitemap: each lists articles, so it carries {@link ContentChanges#LISTS} besides its own key. */
    private static PageCache.Page page(String body, String type, Instant lastModified, String key) {
        return PageCache.Page.of(
                body.getBytes(StandardCharsets.UTF_8), type, lastModified, key + " " + ContentChanges.LISTS);
    }

    private String description(String own, String name) {
        return own == null || own.isBlank()
                ? "The latest from " + name + " at " + chrome.site().name()
                : own;
    }
}
