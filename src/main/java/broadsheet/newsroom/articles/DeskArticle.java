package broadsheet.newsroom.articles;

import broadsheet.articles.ArticleStatus;
import java.time.Instant;

/**
 * An article as the desk sees it: its content, where it stands in the workflow, the version a
 * save must start from, and whether it belongs to the person looking (they created it or their
 * author profile is in its byline).
 */
public record DeskArticle(
        long id,
        ArticleDraft content,
        ArticleStatus status,
        Instant publishedAt,
        Instant updatedAt,
        int version,
        boolean mine) {

    public boolean published() {
        return status == ArticleStatus.PUBLISHED;
    }

    public Snapshot snapshot() {
        return new Snapshot(content, status.dbValue(), publishedAt);
    }
}
