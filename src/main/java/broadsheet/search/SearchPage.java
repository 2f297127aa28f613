package broadsheet.search;

import broadsheet.articles.ArticleSummary;
import broadsheet.web.Layout;
import java.util.List;

/**
 * The results page: the form as the reader left it, what matched, facets to narrow by, and the way on.
 *
 * @param count      how many matched, in words ("42 articles", "At least 1,000 articles")
 * @param message    a sentence in place of results ("Type a word...", "Nothing matched..."), or null
 * @param notice     a sentence above the results (matches for similar spellings), or null
 * @param facetsNote under the facets when there are more matches than they count among, or null
 * @param morePath   the next page, or null
 */
public record SearchPage(
        Layout layout,
        String q,
        String order,
        String count,
        List<Item> items,
        List<Link> sorts,
        List<Link> dates,
        List<FacetGroup> facets,
        String facetsNote,
        List<Link> applied,
        String message,
        String notice,
        String morePath,
        int page) {

    /** One result: the article as lists show it, with a snippet. */
    public record Item(ArticleSummary article, List<Snippets.Part> snippet) {}

    /** A link that narrows, reorders or widens the search; {@code current} when it is what is shown now. */
    public record Link(String label, String href, boolean current, long count) {}

    public record FacetGroup(String id, String title, List<Link> links) {}
}
