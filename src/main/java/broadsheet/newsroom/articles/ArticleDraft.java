package broadsheet.newsroom.articles;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Everything a writer edits on an article, as one value: what a save writes, what a revision
 * keeps, and what a restore brings back. Bylines, topics and the gallery are ids in their order.
 * {@code access} is who may read it in full (free, registered, subscribers); revisions saved before
 * it existed read as free, as the article was then.
 */
public record ArticleDraft(
        String headline,
        String deck,
        String slug,
        Long sectionId,
        String kind,
        List<Long> authorIds,
        List<Long> topicIds,
        Long leadPhotoId,
        List<Long> galleryIds,
        String body,
        String access) {

    public static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    public static final List<String> KINDS = List.of("news", "opinion", "analysis", "explainer");

    public ArticleDraft {
        authorIds = List.copyOf(authorIds);
        topicIds = List.copyOf(topicIds);
        galleryIds = List.copyOf(galleryIds);
        if (access == null) access = "free";
    }

    /** The same draft with these topics. */
    public ArticleDraft withTopics(List<Long> topics) {
        return new ArticleDraft(
                headline, deck, slug, sectionId, kind, authorIds, topics, leadPhotoId, galleryIds, body, access);
    }

    /** "Storm hits the coast: 3 dead" becomes "storm-hits-the-coast-3-dead" (accents dropped, at most 80 characters). */
    public static String slugOf(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > 80) s = s.substring(0, 80).replaceAll("-[^-]*$", "");
        return s.replaceAll("-+$", "");
    }
}
