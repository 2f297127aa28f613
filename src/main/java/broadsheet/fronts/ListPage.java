package broadsheet.fronts;

import broadsheet.articles.ArticleSummary;
import broadsheet.media.Photo;
import broadsheet.web.Layout;
import java.util.List;

/**
 * A newest-first list of articles under a heading: a section front, an author's or a topic's
 * page, a day of the archive.
 *
 * @param kicker   small label above the heading ("Topic", "Section"), may be empty
 * @param portrait an author's portrait, or null
 * @param front    a section's front in its layout, above the list (first page only), or null
 * @param morePath the next page's URL, or null on the last page
 * @param follow   what the page's Follow button follows (an author, topic or section), or null
 * @param mostRead a section front's most read of the day (empty elsewhere)
 */
public record ListPage(
        Layout layout,
        String kicker,
        String heading,
        String subheading,
        String intro,
        Photo portrait,
        Front front,
        List<ArticleSummary> items,
        String morePath,
        String feedBase,
        broadsheet.following.Followable follow,
        List<ArticleSummary> mostRead) {

    /** A list without a most-read block (archive days, author and topic pages). */
    public ListPage(
            Layout layout,
            String kicker,
            String heading,
            String subheading,
            String intro,
            Photo portrait,
            Front front,
            List<ArticleSummary> items,
            String morePath,
            String feedBase,
            broadsheet.following.Followable follow) {
        this(layout, kicker, heading, subheading, intro, portrait, front, items, morePath, feedBase, follow, List.of());
    }
}
