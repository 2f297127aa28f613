package broadsheet.search;

import java.time.Instant;
import java.util.List;

/** An article as the index takes it, in any state; {@link Documents} decides what of it is searchable. */
public record ArticleDoc(
        long id,
        String slug,
        String headline,
        String deck,
        String body,
        String kind,
        String status,
        String access,
        Instant publishedAt,
        Instant updatedAt,
        Long createdBy,
        String sectionSlug,
        String sectionName,
        List<String> authorSlugs,
        List<String> authorNames,
        List<Long> authorUsers,
        List<String> topicSlugs,
        List<String> topicNames,
        List<String> captions,
        List<String> corrections) {}
