package broadsheet.articles;

import broadsheet.media.Photo;
import java.time.Instant;
import java.util.List;

/** One article in a list: fronts, section, author, topic and archive pages, feeds. */
public record ArticleSummary(
        long id,
        String slug,
        String headline,
        String deck,
        Kind kind,
        String sectionSlug,
        String sectionName,
        Instant publishedAt,
        Instant updatedAt,
        List<String> authorNames,
        Photo leadPhoto) {

    public String bylineText() {
        return Bylines.join(authorNames);
    }
}
