package broadsheet.articles;

import broadsheet.comments.ArticleComments;
import broadsheet.media.Photo;
import broadsheet.newsletters.Newsletter;
import broadsheet.paywall.Offer;
import broadsheet.web.Layout;
import broadsheet.web.Paths;
import java.util.List;

/**
 * The view model of an article page.
 *
 * @param banner a notice above the article (a preview says it is not published), or null
 * @param parts the body, or only its free part (up to the first paragraph) when the article is not free
 * @param lockedParts the rest of a body behind the paywall, for readers with access; empty otherwise
 * @param offer what a reader without access is offered instead of the rest, or null
 * @param readNext more from the section and the most read, at the end of the page
 * @param related stories like this one (search's "Related"), possibly empty
 * @param comments the first comments and how to join in; null on previews and photo pages
 */
public record ArticlePage(
        Layout layout,
        ArticleView article,
        String path,
        String url,
        List<Part> parts,
        List<Photo> photos,
        String galleryJson,
        List<ShareLink> shares,
        String banner,
        List<Part> lockedParts,
        Offer offer,
        ReadNext readNext,
        List<ArticleSummary> related,
        ArticleComments comments) {

    public sealed interface Part permits HtmlPart, RelatedPart, PromoPart {}

    public record HtmlPart(String html) implements Part {}

    /** A link to another story, labelled by its kind: "Opinion: ...". */
    public record RelatedPart(String label, String headline, String path) implements Part {}

    public record PromoPart(Newsletter newsletter) implements Part {}

    public record ShareLink(String label, String href) {}

    /** The gallery page of the n-th photo (1-based). */
    public String photoPath(int n) {
        return Paths.articlePhoto(path, n);
    }

    public int leadIndex() {
        return article.leadPhoto() == null ? 0 : indexOf(article.leadPhoto());
    }

    int indexOf(Photo p) {
        for (int i = 0; i < photos.size(); i++) if (photos.get(i).id() == p.id()) return i + 1;
        return 0;
    }
}
