package broadsheet.fronts;

import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticleSummary;
import broadsheet.articles.ListFilter;
import broadsheet.authors.Author;
import broadsheet.authors.AuthorDao;
import broadsheet.db.Cursor;
import broadsheet.following.FollowKind;
import broadsheet.following.Followable;
import broadsheet.media.Photo;
import broadsheet.sections.Section;
import broadsheet.topics.Topic;
import broadsheet.topics.TopicDao;
import broadsheet.web.Chrome;
import broadsheet.web.Meta;
import broadsheet.web.PageCache;
import broadsheet.web.Paths;
import broadsheet.web.Views;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every newest-first list a reader browses: the home page, section fronts, author and topic pages. */
public final class FrontPages {

    static final int PAGE_SIZE = 20;
    public static final int TOP_STORIES = 7;
    static final int PER_SECTION = 4;

    private final ArticleDao articles;
    private final FrontDao fronts;
    private final AuthorDao authors;
    private final TopicDao topics;
    private final Chrome chrome;
    private final Views views;
    private final PageCache cache;

    public FrontPages(
            ArticleDao articles,
            FrontDao fronts,
            AuthorDao authors,
            TopicDao topics,
            Chrome chrome,
            Views views,
            PageCache cache) {
        this.articles = articles;
        this.fronts = fronts;
        this.authors = authors;
        this.topics = topics;
        this.chrome = chrome;
        this.views = views;
        this.cache = cache;
    }

    public void home(Context ctx) {
        cache.serve(ctx, () -> {
            List<ArticleSummary> top = ordered("home", ListFilter.all(), TOP_STORIES);
            // an article belongs to one section, so leaving out the top stories is all it takes to show nothing twice
            Map<String, List<ArticleSummary>> latest = articles.latestPerSection(
                    PER_SECTION, top.stream().map(ArticleSummary::id).toList());
            List<HomePage.SectionBlock> blocks = new ArrayList<>();
            for (Section s : chrome.nav()) {
                List<ArticleSummary> items = latest.getOrDefault(s.slug(), List.of());
                if (!items.isEmpty()) blocks.add(new HomePage.SectionBlock(s, items));
            }
            var site = chrome.site();
            Meta meta = new Meta(
                            "",
                            site.tagline().isEmpty() ? "The latest news from " + site.name() : site.tagline(),
                            Paths.home(),
                            "website",
                            top.isEmpty() ? null : top.get(0).leadPhoto(),
                            null,
                            List.of(),
                            false)
                    .withFeeds(site.name(), "");
            return PageCache.Page.html(
                    views.render("fronts/home.jte", new HomePage(chrome.layout(meta), top, blocks)),
                    newest(top),
                    "front-home");
        });
    }

    public void section(Context ctx) {
        Section s = chrome.nav().stream()
                .filter(x -> x.slug().equals(ctx.pathParam("slug")))
                .findFirst()
                .orElseThrow(NotFoundResponse::new);
        Cursor after = cursor(ctx);
        cache.serve(ctx, () -> {
            boolean first = after.equals(Cursor.first());
            List<ArticleSummary> lead =
                    first ? ordered("section:" + s.slug(), ListFilter.section(s.id()), 0) : List.of();
            ListFilter filter = ListFilter.notIn(
                    ListFilter.section(s.id()),
                    lead.stream().map(ArticleSummary::id).toList());
            return list(
                    s.path(),
                    "Section",
                    s.name(),
                    "",
                    s.description(),
                    null,
                    lead,
                    filter,
                    after,
                    "section-" + s.slug(),
                    new Followable(FollowKind.SECTION, s.id(), s.slug(), s.name()));
        });
    }

    // The author or topic is looked up inside the render, so a page served from the cache costs no query.
    public void author(Context ctx) {
        Cursor after = cursor(ctx);
        cache.serve(ctx, () -> {
            Author a = authors.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
            Photo portrait = a.portraitPhotoId() == null
                    ? null
                    : articles.photo(a.portraitPhotoId()).orElse(null);
            return list(
                    a.path(),
                    "Author",
                    a.name(),
                    a.title(),
                    a.bio(),
                    portrait,
                    List.of(),
                    ListFilter.author(a.id()),
                    after,
                    "author-" + a.slug(),
                    new Followable(FollowKind.AUTHOR, a.id(), a.slug(), a.name()));
        });
    }

    public void topic(Context ctx) {
        Cursor after = cursor(ctx);
        cache.serve(ctx, () -> {
            Topic t = topics.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
            return list(
                    t.path(),
                    t.kindLabel(),
                    t.name(),
                    "",
                    t.aliases().isEmpty() ? "" : "Also known as " + String.join(", ", t.aliases()) + ".",
                    null,
                    List.of(),
                    ListFilter.topic(t.id()),
                    after,
                    "topic-" + t.slug(),
                    new Followable(FollowKind.TOPIC, t.id(), t.slug(), t.name()));
        });
    }

    private PageCache.Page list(
            String path,
            String kicker,
            String heading,
            String subheading,
            String intro,
            Photo portrait,
            List<ArticleSummary> lead,
            ListFilter filter,
            Cursor after,
            String key,
            Followable follow) {
        List<ArticleSummary> items = articles.latest(filter, after, PAGE_SIZE + 1);
        String more = null;
        if (items.size() > PAGE_SIZE) {
            items = items.subList(0, PAGE_SIZE);
            ArticleSummary last = items.get(PAGE_SIZE - 1);
            more = path + "?before=" + new Cursor(last.publishedAt(), last.id());
        }
        if (lead.isEmpty() && items.isEmpty() && !after.equals(Cursor.first())) throw new NotFoundResponse();
        boolean first = after.equals(Cursor.first());
        String description = intro.isEmpty()
                ? "The latest from " + heading + " at " + chrome.site().name()
                : intro;
        Meta meta = new Meta(
                        first ? heading : heading + " (older articles)",
                        description,
                        path,
                        "website",
                        portrait,
                        null,
                        List.of(),
                        !first)
                .withFeeds(heading, path);
        ListPage page = new ListPage(
                chrome.layout(meta), kicker, heading, subheading, intro, portrait, lead, items, more, path, follow);
        List<ArticleSummary> all = new ArrayList<>(lead);
        all.addAll(items);
        return PageCache.Page.html(views.render("fronts/list.jte", page), newest(all), key);
    }

    /** The editor's chosen articles for a front, topped up with the newest (when {@code size} > 0). */
    private List<ArticleSummary> ordered(String front, ListFilter filter, int size) {
        List<ArticleSummary> chosen = new ArrayList<>(articles.byIds(fronts.articleIds(front)));
        if (chosen.size() < size) {
            chosen.addAll(articles.latest(
                    ListFilter.notIn(
                            filter, chosen.stream().map(ArticleSummary::id).toList()),
                    Cursor.first(),
                    size - chosen.size()));
        }
        return chosen;
    }

    static Cursor cursor(Context ctx) {
        return Cursor.parse(ctx.queryParam("before"))
                .orElseThrow(() ->
                        new BadRequestResponse("The 'before' parameter must look like 2026-11-30T10:15:00Z_123."));
    }

    static Instant newest(List<ArticleSummary> items) {
        return items.stream()
                .map(ArticleSummary::updatedAt)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }
}
