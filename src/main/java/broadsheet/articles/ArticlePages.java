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
import broadsheet.web.Json;
import broadsheet.web.Meta;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.PageCache;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Site;
import broadsheet.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.RedirectResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    private final broadsheet.search.Related related;
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
        this.related = related;
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
            ArticleView a = find(ctx);
            ArticlePage page = page(a, d.shown());
            // The variant is keyed to the version and level the decision saw; this render read the article
            // afresh, in one snapshot. If the article has changed since (its change not yet heard of here),
            // the page goes to this reader alone, uncached, and the next request decides afresh.
            boolean asDecided = d.decidedOn(a.version(), a.access());
            if (!asDecided) paywall.forget(a.slug());
            // the deck, or the first paragraph, which is never behind the paywall
            String description = a.deck().isEmpty() ? bodies.firstParagraphText(a.body()) : a.deck();
            Meta meta = new Meta(
                    a.headline(),
                    description,
                    page.path(),
                    "article",
                    a.leadPhoto(),
                    StructuredData.newsArticle(chrome.site(), a, page.url(), description),
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
            ArticleView a = find(ctx);
            ArticlePage page = page(a, Level.ANONYMOUS); // photos and captions only: the same for every reader
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

    private ArticleView find(Context ctx) {
        ArticleView a = articles.findPublished(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        String canonical = chrome.site().articlePath(a.slug(), a.publishedAt());
        String asked = "/" + ctx.pathParam("y") + "/" + ctx.pathParam("m") + "/" + ctx.pathParam("d") + "/" + a.slug();
        if (!asked.equals(canonical)) {
            String rest = ctx.path().substring(Math.min(ctx.path().length(), asked.length()));
            String query = ctx.queryString(); // a gift link must still work after the redirect
            ctx.header("Location", canonical + rest + (query == null || query.isEmpty() ? "" : "?" + query));
            throw new RedirectResponse(HttpStatus.MOVED_PERMANENTLY);
        }
        return a;
    }

    /**
     * The page for readers at this level: the whole body when the article is free; otherwise the
     * first paragraph, then either the rest (marked as the paywalled part) or the offer. The rest
     * of a locked article is never rendered at all.
     */
    private ArticlePage page(ArticleView a, Level shown) {
        Site site = chrome.site();
        String path = site.articlePath(a.slug(), a.publishedAt());
        String url = site.absolute(path);
        boolean locked = !shown.atLeast(a.access().needs());
        // everything the page shows around the article, in one query
        List<String> linkedSlugs = BodyRenderer.relatedSlugs(a.body());
        Section section = chrome.nav().stream()
                .filter(s -> s.slug().equals(a.sectionSlug()))
                .findFirst()
                .orElse(null);
        List<Long> candidates = related.candidates(
                a.id(),
                a.version(),
                a.topics().stream().map(ArticleView.TopicRef::slug).toList(),
                a.relatedIds());
        ArticleDao.Around around = articles.around(
                a.id(),
                linkedSlugs,
                section == null ? null : section.id(),
                MORE_FROM + new java.util.HashSet<>(linkedSlugs).size(),
                candidates);
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
        List<Photo> photos = new ArrayList<>(a.gallery());
        if (a.leadPhoto() != null
                && photos.stream().noneMatch(p -> p.id() == a.leadPhoto().id())) photos.add(0, a.leadPhoto());
        Offer offer = locked ? new Offer(a.access(), shown, paywall.settings().meter(), path) : null;
        return new ArticlePage(
                null,
                a,
                path,
                url,
                parts,
                photos,
                galleryJson(photos, path),
                shares(a, url),
                null,
                lockedParts,
                offer,
                readNext(a, section, linkedSlugs, around),
                related(candidates, around),
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
        ArticlePage p = page(a, Level.SUBSCRIBER);
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

    private static String galleryJson(List<Photo> photos, String path) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            Photo p = photos.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("src", p.src(1280));
            m.put("srcset", p.srcset());
            m.put("width", p.fit(1280));
            m.put("height", p.heightAt(1280));
            m.put("alt", p.altText());
            m.put("caption", p.caption());
            m.put("credit", p.credit());
            m.put("page", Paths.articlePhoto(path, i + 1));
            items.add(m);
        }
        return Json.forScript(items);
    }

    private static List<ArticlePage.ShareLink> shares(ArticleView a, String url) {
        String u = enc(url);
        String t = enc(a.kind().prefix() + a.headline());
        return List.of(
                new ArticlePage.ShareLink("Email", "mailto:?subject=" + t + "&body=" + u),
                new ArticlePage.ShareLink("Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u),
                new ArticlePage.ShareLink("X", "https://twitter.com/intent/tweet?url=" + u + "&text=" + t),
                new ArticlePage.ShareLink("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + u),
                new ArticlePage.ShareLink("WhatsApp", "https://wa.me/?text=" + t + "%20" + u),
                new ArticlePage.ShareLink("Bluesky", "https://bsky.app/intent/compose?text=" + t + "%20" + u),
                new ArticlePage.ShareLink("Reddit", "https://www.reddit.com/submit?url=" + u + "&title=" + t));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String keys(ArticleView a) {
        StringBuilder sb = new StringBuilder("article-" + a.id() + " section-" + a.sectionSlug());
        a.authors().forEach(b -> sb.append(" author-").append(b.slug()));
        a.topics().forEach(t -> sb.append(" topic-").append(t.slug()));
        return sb.toString();
    }
}
