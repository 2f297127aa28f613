package broadsheet.articles;

import broadsheet.media.Photo;
import broadsheet.search.Related;
import broadsheet.sections.Section;
import broadsheet.web.Chrome;
import broadsheet.web.Json;
import broadsheet.web.KeptReads;
import broadsheet.web.PageCache;
import broadsheet.web.Paths;
import broadsheet.web.Site;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What an article page reads from the database, its comments aside: the article (byline, photos, topics,
 * corrections, stored related list) and the stories shown around it ({@link ArticleDao#around}). Kept per
 * slug and shared by every reader and every paywall variant, so a render asks the database one thing, its
 * comments; rendering itself (body parts for the reader's level, most read, the template) is done afresh.
 *
 * <p>Kept as {@link KeptReads}: dropped on this node whenever content changes (any change the change log
 * announces, comments included: an article's comment mode is part of its read; not search's index taking
 * a change in, so a read made before the index had the article, without its related stories, is not kept), never kept
 * from a read that began before such a drop, read again after five minutes as a cached page's read-next
 * blocks are, and read again when the paywall decided on another version or access level than is kept.
 */
public final class ArticleReads {

    /** One article page's reading, and what is worked out from it alone. */
    record Read(
            ArticleView article,
            Section section,
            List<String> linkedSlugs,
            List<Long> candidates,
            ArticleDao.Around around,
            String path,
            String url,
            List<Photo> photos,
            String galleryJson,
            List<ArticlePage.ShareLink> shares,
            String description,
            String structuredData,
            boolean relatedPending) {}

    private final ArticleDao articles;
    private final Chrome chrome;
    private final Related related;
    private final BodyRenderer bodies;
    /** Bounded by count: a few hundred articles' bodies (up to some 10 MB). */
    private final KeptReads<String, Optional<Read>> bySlug;

    ArticleReads(ArticleDao articles, Chrome chrome, Related related, BodyRenderer bodies, PageCache cache) {
        this.bodies = bodies;
        this.articles = articles;
        this.chrome = chrome;
        this.related = related;
        this.bySlug = cache.keptReads(400);
    }

    /**
     * The published article with this slug as its page shows it: what is kept if {@code usable} takes its
     * article (the version and access level the paywall decided on), otherwise read now.
     */
    Optional<Read> published(String slug, Predicate<ArticleView> usable) {
        return bySlug.get(
                slug,
                s -> articles.findPublished(s).map(this::read),
                // a read made before search's index had the article (no related stories yet) is not kept:
                // the index taking it in is not a content change, so nothing would drop it (PageCache.dropPages)
                r -> r.isPresent() && r.get().relatedPending() ? java.time.Instant.EPOCH : null,
                r -> r.isEmpty() || usable.test(r.get().article()));
    }

    /** Reads what the page shows around this article, now (also for previews, which are never kept). */
    Read read(ArticleView a) {
        Site site = chrome.site();
        String path = site.articlePath(a.slug(), a.publishedAt());
        String url = site.absolute(path);
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
        // everything the page shows around the article, in one query
        ArticleDao.Around around = articles.around(
                a.id(),
                linkedSlugs,
                section == null ? null : section.id(),
                ArticlePages.MORE_FROM + new HashSet<>(linkedSlugs).size(),
                candidates);
        List<Photo> photos = new ArrayList<>(a.gallery());
        if (a.leadPhoto() != null
                && photos.stream().noneMatch(p -> p.id() == a.leadPhoto().id())) photos.add(0, a.leadPhoto());
        // the deck, or the first paragraph, which is never behind the paywall
        String description = a.deck().isEmpty() ? bodies.firstParagraphText(a.body()) : a.deck();
        return new Read(
                a,
                section,
                linkedSlugs,
                candidates,
                around,
                path,
                url,
                List.copyOf(photos),
                galleryJson(photos, path),
                shares(a, url),
                description,
                StructuredData.newsArticle(site, a, url, description),
                !related.known(a.id(), a.relatedIds()));
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
}
