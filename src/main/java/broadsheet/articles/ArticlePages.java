package broadsheet.articles;

import broadsheet.comments.ArticleComments;
import broadsheet.comments.CommentArticle;
import broadsheet.comments.CommentPreviews;
import broadsheet.media.Photo;
import broadsheet.newsletters.Newsletter;
import broadsheet.newsletters.NewsletterDao;
import broadsheet.paywall.Access;
import broadsheet.paywall.Level;
import broadsheet.paywall.Offer;
import broadsheet.paywall.Paywall;
import broadsheet.reads.MostRead;
import broadsheet.sections.Section;
import broadsheet.web.Chrome;
import broadsheet.web.Meta;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.PageCache;
import broadsheet.web.Params;
import broadsheet.web.Site;
import broadsheet.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.RedirectResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The article page and its gallery pages. */
public final class ArticlePages {

    private final ArticleDao articles;
    private final Chrome chrome;
    private final Views views;
    private final PageCache cache;
    private final Paywall paywall;
    private final MostRead mostRead;
    private final ArticleReads reads;
    private final CommentPreviews comments;
    private final BodyRenderer bodies = new BodyRenderer();

    /** How many articles "More from" the section lists. */
    static final int MORE_FROM = 4;

    public ArticlePages(
            ArticleDao articles,
            Chrome chrome,
            Views views,
            PageCache cache,
            Paywall paywall,
            MostRead mostRead,
            broadsheet.search.Related related,
            CommentPreviews comments) {
        this.reads = new ArticleReads(articles, chrome, related, bodies, cache);
        this.comments = comments;
        this.articles = articles;
        this.chrome = chrome;
        this.views = views;
        this.cache = cache;
        this.paywall = paywall;
        this.mostRead = mostRead;
    }

    /**
     * The article page, in the variant the paywall decides for this request. Each variant is cached
     * apart and rendered from the level alone, so what one reader was let read never reaches another.
     */
    /** How long an article page's "More from" and "Related" blocks may lag behind other articles' publishing. */
    static final java.time.Duration READ_NEXT_LIFETIME = java.time.Duration.ofMinutes(5);

    public void show(Context ctx) {
        Paywall.Decision d = paywall.decide(ctx, ctx.pathParam("slug"));
        cache.serve(ctx, d.variant(), d.cacheControl(), d.vary(), () -> {
            ArticleReads.Read r =
                    find(ctx, reads.published(ctx.pathParam("slug"), v -> d.decidedOn(v.version(), v.access())));
            ArticleView a = r.article();
            ArticlePage page = page(r, d.shown());
            // The variant is keyed to the version and level the decision saw; this render read the article
            // (afresh, in one snapshot, unless what was kept is of that version and level). If the article has
            // changed since (its change not yet heard of here), the page goes to this reader alone, uncached,
            // and the next request decides afresh.
            boolean asDecided = d.decidedOn(a.version(), a.access());
            if (!asDecided) paywall.forget(a.slug());
            Meta meta = new Meta(
                    a.headline(),
                    r.description(),
                    page.path(),
                    "article",
                    a.leadPhoto(),
                    r.structuredData(),
                    List.of(),
                    false);
            // the first comments are part of the page: it goes when they change, or when comments close by age
            ArticleComments first = comments.of(a.commenting());
            // it shows the site's most read, so it goes when that list changes
            PageCache.Page rendered = PageCache.Page.html(
                    views.render("articles/show.jte", withMeta(page, meta, first)),
                    a.updatedAt(),
                    keys(a) + " " + MostRead.SITE_KEY + " " + CommentArticle.cacheKey(a.id()));
            if (!asDecided) throw new PageCache.NotToKeep(rendered, Paywall.PRIVATE, "Accept-Encoding, Cookie");
            // kept when other articles are published (ContentChanges.announceArticles): read-next renews by age
            Instant renew = Instant.now().plus(READ_NEXT_LIFETIME);
            return rendered.expiringAt(
                    first.closesAt() == null || first.closesAt().isAfter(renew) ? renew : first.closesAt());
        });
    }

    public void photo(Context ctx) {
        cache.serve(ctx, () -> {
            ArticleReads.Read r = find(ctx, reads.published(ctx.pathParam("slug"), v -> true));
            ArticleView a = r.article();
            ArticlePage page = page(r, Level.ANONYMOUS); // photos and captions only: the same for every reader
            int n = Params.pathNumber(ctx, "n");
            if (n < 1 || n > page.photos().size()) throw new NotFoundResponse();
            Photo p = page.photos().get(n - 1);
            String title = "Photo " + n + " of " + page.photos().size() + ": " + a.headline();
            Meta meta = new Meta(title, p.caption(), page.photoPath(n), "article", p, null, List.of(), false);
            PhotoPage model = new PhotoPage(
                    chrome.layout(meta), a, page.path(), p, n, page.photos().size());
            return PageCache.Page.html(views.render("articles/photo.jte", model), a.updatedAt(), keys(a));
        });
    }

    private static ArticleReads.Read find(Context ctx, java.util.Optional<ArticleReads.Read> found) {
        ArticleReads.Read r = found.orElseThrow(NotFoundResponse::new);
        ArticleView a = r.article();
        String canonical = r.path();
        String asked = "/" + ctx.pathParam("y") + "/" + ctx.pathParam("m") + "/" + ctx.pathParam("d") + "/" + a.slug();
        if (!asked.equals(canonical)) {
            String rest = ctx.path().substring(Math.min(ctx.path().length(), asked.length()));
            String query = ctx.queryString(); // a gift link must still work after the redirect
            ctx.header("Location", canonical + rest + (query == null || query.isEmpty() ? "" : "?" + query));
            throw new RedirectResponse(HttpStatus.MOVED_PERMANENTLY);
        }
        return r;
    }

    /**
     * The page for readers at this level: the whole body when the article is free; otherwise the
     * first paragraph, then either the rest (marked as the paywalled part) or the offer. The rest
     * of a locked article is never rendered at all.
     */
    private ArticlePage page(ArticleReads.Read r, Level shown) {
        ArticleView a = r.article();
        boolean locked = !shown.atLeast(a.access().needs());
        ArticleDao.Around around = r.around();
        List<ArticlePage.Part> parts;
        List<ArticlePage.Part> lockedParts = List.of();
        if (a.access() == Access.FREE) {
            parts = bodyParts(a.id(), a.body(), a.sectionSlug(), a.body(), around.linked());
        } else {
            String[] split = BodyRenderer.splitAfterFirstParagraph(a.body());
            // the section's newsletter promo goes at the end of what the reader may read in full; a reader
            // without access reads one paragraph and gets the offer instead
            parts = bodyParts(a.id(), split[0], null, a.body(), around.linked());
            if (!locked) lockedParts = bodyParts(a.id(), split[1], a.sectionSlug(), a.body(), around.linked());
        }
        Offer offer = locked ? new Offer(a.access(), shown, paywall.settings().meter(), r.path()) : null;
        return new ArticlePage(
                null,
                a,
                r.path(),
                r.url(),
                parts,
                r.photos(),
                r.galleryJson(),
                r.shares(),
                null,
                lockedParts,
                offer,
                readNext(a, r.section(), r.linkedSlugs(), around),
                related(r.candidates(), around),
                null);
    }

    /**
     * The newest of the article's section, leaving out the article and the stories its body links to
     * (looked for among a few more than needed), and the site's most read.
     */
    private ReadNext readNext(ArticleView a, Section section, List<String> linkedSlugs, ArticleDao.Around around) {
        if (section == null) return new ReadNext(a.sectionName(), "", List.of(), mostRead.site());
        java.util.Set<String> linked = java.util.Set.copyOf(linkedSlugs);
        List<ArticleSummary> more = around.newest().stream()
                .filter(s -> !linked.contains(s.slug()))
                .limit(MORE_FROM)
                .toList();
        return new ReadNext(section.name(), section.path(), more, mostRead.site());
    }

    /**
     * A body as readers see it: HTML, links to published related stories (never to itself), and
     * newsletter promos. The newsroom's preview uses this too, so it looks the same.
     */
    public List<ArticlePage.Part> bodyParts(long articleId, String body, String sectionSlug) {
        return bodyParts(articleId, body, sectionSlug, body);
    }

    /**
     * Part of an article's body ({@code body}) as readers see it; the section's newsletter promo
     * (when {@code sectionSlug} is given and the body places none) goes at its end if the whole
     * article ({@code whole}) has paragraphs enough.
     */
    List<ArticlePage.Part> bodyParts(long articleId, String body, String sectionSlug, String whole) {
        return bodyParts(articleId, body, sectionSlug, whole, articles.bySlugs(BodyRenderer.relatedSlugs(body)));
    }

    /** The same, with the published stories the body may link to already read ({@code related}, by slug). */
    private List<ArticlePage.Part> bodyParts(
            long articleId, String body, String sectionSlug, String whole, Map<String, ArticleSummary> related) {
        Site site = chrome.site();
        List<Newsletter> newsletters = chrome.newsletters();
        String defaultPromo = sectionSlug == null || !bodies.longEnoughForPromo(whole)
                ? null
                : NewsletterDao.promoFor(newsletters, sectionSlug)
                        .map(Newsletter::slug)
                        .orElse(null);
        List<BodyRenderer.Block> blocks = bodies.render(body, defaultPromo);
        List<ArticlePage.Part> parts = new ArrayList<>();
        for (BodyRenderer.Block b : blocks) {
            switch (b) {
                case BodyRenderer.Html h -> parts.add(new ArticlePage.HtmlPart(h.html()));
                case BodyRenderer.Related r -> {
                    ArticleSummary s = related.get(r.slug());
                    if (s != null && s.id() != articleId) {
                        parts.add(new ArticlePage.RelatedPart(
                                s.kind().label(), s.headline(), site.articlePath(s.slug(), s.publishedAt())));
                    }
                }
                case BodyRenderer.Promo p ->
                    newsletters.stream()
                            .filter(n -> n.slug().equals(p.slug()))
                            .findFirst()
                            .ifPresent(n -> parts.add(new ArticlePage.PromoPart(n)));
            }
        }
        return parts;
    }

    /**
     * The page of an article that may not be published yet, exactly as readers would get it if it
     * were published now, with a banner saying it is a preview, and hidden from search engines.
     */
    public byte[] renderPreview(ArticleView stored, java.time.Instant now) {
        ArticleView a = stored;
        now = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (a.publishedAt() == null || a.updatedAt().isBefore(a.publishedAt())) {
            java.time.Instant at = a.publishedAt() == null ? now : a.publishedAt();
            a = new ArticleView(
                    a.id(),
                    a.slug(),
                    a.headline(),
                    a.deck(),
                    a.body(),
                    a.kind(),
                    a.sectionSlug(),
                    a.sectionName(),
                    at,
                    at,
                    a.authors(),
                    a.topics(),
                    a.leadPhoto(),
                    a.gallery(),
                    a.corrections(),
                    a.access(),
                    a.version(),
                    a.commentMode(),
                    a.commentsSubscribersOnly(),
                    a.relatedIds());
        }
        // the newsroom's link shows everything, with the part behind the paywall marked as subscribers see it
        ArticlePage p = page(reads.read(a), Level.SUBSCRIBER);
        String note = a.access() == Access.FREE
                ? ""
                : " For " + a.access().label().toLowerCase(java.util.Locale.ROOT)
                        + " only: readers without access see the text up to the first paragraph.";
        String description = a.deck().isEmpty() ? bodies.firstParagraphText(a.body()) : a.deck();
        Meta meta = new Meta(
                "Preview: " + a.headline(),
                description,
                NewsroomPaths.preview(a.id()),
                "article",
                a.leadPhoto(),
                null,
                List.of(),
                true);
        return views.render(
                "articles/show.jte",
                new ArticlePage(
                        chrome.layout(meta),
                        p.article(),
                        p.path(),
                        p.url(),
                        p.parts(),
                        p.photos(),
                        p.galleryJson(),
                        p.shares(),
                        "Preview — not published. This link works only for a limited time; readers cannot see this page."
                                + note,
                        p.lockedParts(),
                        p.offer(),
                        p.readNext(),
                        p.related(),
                        null));
    }

    private ArticlePage withMeta(ArticlePage p, Meta meta, ArticleComments first) {
        return new ArticlePage(
                chrome.layout(meta),
                p.article(),
                p.path(),
                p.url(),
                p.parts(),
                p.photos(),
                p.galleryJson(),
                p.shares(),
                p.banner(),
                p.lockedParts(),
                p.offer(),
                p.readNext(),
                p.related(),
                first);
    }

    /** Search's related stories, leaving out those the body already links to; read fresh as published. */
    private static List<ArticleSummary> related(List<Long> candidates, ArticleDao.Around around) {
        List<Long> linked =
                around.linked().values().stream().map(ArticleSummary::id).toList();
        return broadsheet.search.Related.shown(candidates, linked).stream()
                .map(around.byId()::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    static String keys(ArticleView a) {
        StringBuilder sb = new StringBuilder("article-" + a.id() + " section-" + a.sectionSlug());
        a.authors().forEach(b -> sb.append(" author-").append(b.slug()));
        a.topics().forEach(t -> sb.append(" topic-").append(t.slug()));
        return sb.toString();
    }
}
