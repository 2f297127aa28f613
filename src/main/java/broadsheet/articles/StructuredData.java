package broadsheet.articles;

import broadsheet.media.Photo;
import broadsheet.web.Json;
import broadsheet.web.Paths;
import broadsheet.web.Site;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** schema.org NewsArticle JSON-LD for an article page. */
final class StructuredData {
    private StructuredData() {}

    static String newsArticle(Site site, ArticleView a, String url, String description) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("@context", "https://schema.org");
        n.put(
                "@type",
                a.kind() == Kind.OPINION
                        ? "OpinionNewsArticle"
                        : a.kind() == Kind.ANALYSIS ? "AnalysisNewsArticle" : "NewsArticle");
        n.put("headline", a.headline());
        n.put("description", description);
        n.put("url", url);
        n.putObject("mainEntityOfPage").put("@type", "WebPage").put("@id", url);
        n.put("datePublished", a.publishedAt().toString());
        n.put("dateModified", a.updatedAt().toString());
        n.put("articleSection", a.sectionName());
        n.put("inLanguage", site.language());
        boolean free = a.access() == broadsheet.paywall.Access.FREE;
        n.put("isAccessibleForFree", free);
        if (!free) {
            // Google's markup for paywalled content: the part readers without access do not get is
            // the element with this class (present on the page of those who have access).
            n.putObject("hasPart")
                    .put("@type", "WebPageElement")
                    .put("isAccessibleForFree", false)
                    .put("cssSelector", "." + broadsheet.paywall.Offer.PAYWALLED_CLASS);
        }
        ArrayNode images = n.putArray("image");
        for (Photo p : a.leadPhoto() == null ? a.gallery() : java.util.List.of(a.leadPhoto())) {
            images.addObject()
                    .put("@type", "ImageObject")
                    .put("url", site.absolute(p.src(1280)))
                    .put("width", p.fit(1280))
                    .put("height", p.heightAt(1280))
                    .put("caption", p.caption());
        }
        ArrayNode authors = n.putArray("author");
        for (ArticleView.Byline b : a.authors()) {
            authors.addObject()
                    .put("@type", "Person")
                    .put("name", b.name())
                    .put("url", site.absolute(Paths.author(b.slug())));
        }
        ObjectNode publisher = n.putObject("publisher");
        publisher
                .put("@type", "NewsMediaOrganization")
                .put("name", site.name())
                .put("url", site.absolute(Paths.home()));
        publisher.putObject("logo").put("@type", "ImageObject").put("url", site.absolute(Paths.logo()));
        if (!a.topics().isEmpty())
            n.put(
                    "keywords",
                    String.join(
                            ", ",
                            a.topics().stream().map(ArticleView.TopicRef::name).toList()));
        if (!a.corrections().isEmpty()) {
            ArrayNode c = n.putArray("correction");
            for (ArticleView.Correction x : a.corrections()) {
                c.addObject()
                        .put("@type", "CorrectionComment")
                        .put("text", x.body())
                        .put("datePublished", x.createdAt().toString());
            }
        }
        return Json.forScript(n);
    }
}
