package broadsheet.fronts;

import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticleSummary;
import broadsheet.articles.ListFilter;
import broadsheet.authors.Author;
import broadsheet.authors.AuthorDao;
import broadsheet.db.ContentChanges;
import broadsheet.db.Cursor;
import broadsheet.following.FollowKind;
import broadsheet.following.Followable;
import broadsheet.media.Photo;
import broadsheet.reads.MostRead;
import broadsheet.sections.Section;
import broadsheet.topics.Topic;
import broadsheet.topics.TopicDao;
import broadsheet.web.Chrome;
import broadsheet.web.KeptReads;
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
    static final int PER_SECTION = 4;

    private final ArticleDao articles;
    private final FrontDao fronts;
    private final AuthorDao authors;
    private final TopicDao topics;
    private final Chrome chrome;
    private final Views views;
    private final PageCache cache;
    private final MostRead mostRead;
    // what the pages render from, kept until content changes (web/KeptReads): fronts by key, first pages of
    // lists by filter, authors and topics by slug
    private final KeptReads<String, FrontDao.Read> keptFronts;
    private final KeptReads<ListFilter, List<ArticleSummary>> keptLists;
    private final KeptReads<String, java.util.Optional<Author>> keptAuthors;
    private final KeptReads<String, java.util.Optional<Topic>> keptTopics;

    public FrontPages(
            ArticleDao articles,
            FrontDao fronts,
            AuthorDao authors,
            TopicDao topics,
            Chrome chrome,
            Views views,
            PageCache cache,
            MostRead mostRead) {
        this.articles = articles;
        this.fronts = fronts;
        this.authors = authors;
        this.topics = topics;
        this.chrome = chrome;
        this.views = views;
        this.cache = cache;
        this.keptFronts = cache.keptReads(1_000);
        this.keptLists = cache.keptReads(2_000);
        this.keptAuthors = cache.keptReads(2_000);
        this.keptTopics = cache.keptReads(2_000);
        this.mostRead = mostRead;
    }

    public void home(Context ctx) {
        cache.serve(ctx, () -> {
            // an article belongs to one section, so leaving out the front's stories is all it takes to show nothing
            // twice
            FrontDao.Read read = keptFronts.get("home", k -> fronts.read(k, null, PER_SECTION), FrontDao.Read::expires);
            Front front = front(read);
            Map<String, List<ArticleSummary>> latest = read.sections();
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
                            front.leads().isEmpty()
                                    ? null
                                    : front.leads().get(0).leadPhoto(),
                            broadsheet.search.SearchAction.webSiteJsonLd(site),
                            List.of(),
                            false)
                    .withFeeds(site.name(), "");
            List<ArticleSummary> all = new ArrayList<>(front.all());
            blocks.forEach(b -> all.addAll(b.articles()));
            return PageCache.Page.html(
                            views.render(
                                    "fronts/home.jte",
                                    new HomePage(chrome.layout(meta), front, blocks, mostRead.site())),
                            newest(all),
                            "front-home " + MostRead.SITE_KEY + " " + ContentChanges.LISTS)
                    .expiringAt(front.expires());
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
            Front front = first ? front("section:" + s.slug(), s.id()) : null;
            ListFilter filter = ListFilter.notIn(ListFilter.section(s.id()), front == null ? List.of() : front.ids());
            PageCache.Page page = list(
                    s.path(),
                    "Section",
                    s.name(),
                    "",
                    s.description(),
                    null,
                    front,
                    filter,
                    after,
                    "section-" + s.slug() + (first ? " " + MostRead.sectionKey(s.slug()) : ""),
                    new Followable(FollowKind.SECTION, s.id(), s.slug(), s.name()),
                    first ? mostRead.section(s.slug()) : List.of());
            return front == null ? page : page.expiringAt(front.expires());
        });
    }

    /**
     * A front in its editor's layout: the pinned articles in the first slots, in the editor's order,
     * the newest news not already on it in the rest, the newest opinion and analysis in the rail,
     * and the live breaking stories (of the section, for a section front) above.
     */
    Front front(String key, Long sectionId) {
        return front(keptFronts.get(key, k -> fronts.read(k, sectionId, 0), FrontDao.Read::expires));
    }

    private static Front front(FrontDao.Read r) {
        List<ArticleSummary> main = new ArrayList<>(r.pinned());
        main.addAll(r.news());
        return Front.of(r.layout(), main, r.pinned().size(), r.views(), r.breaking(), r.expires());
    }

    // The author or topic is looked up inside the render, so a page served from the cache costs no query.
    public void author(Context ctx) {
        Cursor after = cursor(ctx);
        cache.serve(ctx, () -> {
            Author a = keptAuthors.get(ctx.pathParam("slug"), authors::bySlug).orElseThrow(NotFoundResponse::new);
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
                    null,
                    ListFilter.author(a.id()),
                    after,
                    "author-" + a.slug(),
                    new Followable(FollowKind.AUTHOR, a.id(), a.slug(), a.name()),
                    List.of());
        });
    }

    public void topic(Context ctx) {
        Cursor after = cursor(ctx);
        cache.serve(ctx, () -> {
            Topic t = keptTopics.get(ctx.pathParam("slug"), topics::bySlug).orElseThrow(NotFoundResponse::new);
            return list(
                    t.path(),
                    t.kindLabel(),
                    t.name(),
                    "",
                    t.aliases().isEmpty() ? "" : "Also known as " + String.join(", ", t.aliases()) + ".",
                    null,
                    null,
                    ListFilter.topic(t.id()),
                    after,
                    "topic-" + t.slug(),
                    new Followable(FollowKind.TOPIC, t.id(), t.slug(), t.name()),
                    List.of());
        });
    }

    private PageCache.Page list(
            String path,
            String kicker,
            String heading,
            String subheading,
            String intro,
            Photo portrait,
            Front front,
            ListFilter filter,
            Cursor after,
            String key,
            Followable follow,
            List<ArticleSummary> mostRead) {
        List<ArticleSummary> items = after.equals(Cursor.first())
                ? keptLists.get(filter, f -> articles.latest(f, after, PAGE_SIZE + 1))
                : articles.latest(filter, after, PAGE_SIZE + 1);
        String more = null;
        if (items.size() > PAGE_SIZE) {
            items = items.subList(0, PAGE_SIZE);
            ArticleSummary last = items.get(PAGE_SIZE - 1);
            more = path + "?before=" + new Cursor(last.publishedAt(), last.id());
        }
        if (items.isEmpty() && !after.equals(Cursor.first())) throw new NotFoundResponse();
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
                chrome.layout(meta),
                kicker,
                heading,
                subheading,
                intro,
                portrait,
                front,
                items,
                more,
                path,
                follow,
                mostRead);
        List<ArticleSummary> all = new ArrayList<>(front == null ? List.of() : front.all());
        all.addAll(items);
        return PageCache.Page.html(
                views.render("fronts/list.jte", page), newest(all), key + " " + ContentChanges.LISTS);
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
