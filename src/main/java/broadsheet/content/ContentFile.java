package broadsheet.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A content file (format {@value #FORMAT}) as it is written in JSON; see docs/content-format.md.
 * Nothing here is checked: the importer validates a whole file before it writes anything.
 * Absent lists are null after reading; use {@link #list} to read them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "site", "sections", "authors", "topics", "photos", "newsletters", "articles", "fronts"})
public record ContentFile(
        String format,
        Site site,
        List<Section> sections,
        List<Author> authors,
        List<Topic> topics,
        List<Photo> photos,
        List<Newsletter> newsletters,
        List<Article> articles,
        LinkedHashMap<String, List<String>> fronts) {

    public static final String FORMAT = "broadsheet-content/1";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Site(String name, String tagline, String timeZone) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Section(String slug, String name, String description, Integer position) {}

    /** {@code portrait} is a photo id. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Author(String slug, String name, String title, String bio, String portrait) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Topic(String slug, String name, String kind, List<String> aliases) {}

    /** {@code id} is the photo's external id; {@code file} is relative to the content file's folder. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Photo(String id, String file, String caption, String credit, String alt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Newsletter(String slug, String name, String description, String audience, String schedule) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({
        "id",
        "slug",
        "headline",
        "deck",
        "section",
        "kind",
        "status",
        "access",
        "publishedAt",
        "updatedAt",
        "authors",
        "topics",
        "leadPhoto",
        "gallery",
        "body",
        "corrections"
    })
    public record Article(
            String id,
            String slug,
            String headline,
            String deck,
            String section,
            String kind,
            String status,
            Instant publishedAt,
            Instant updatedAt,
            List<String> authors,
            List<String> topics,
            String leadPhoto,
            List<String> gallery,
            String body,
            List<Correction> corrections,
            /* who may read it in full: free (when absent), registered, subscribers */ String access) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Correction(String kind, String body, Instant createdAt) {}

    /** A list that may be absent from the file, as an empty list. */
    public static <T> List<T> list(List<T> maybe) {
        return maybe == null ? List.of() : maybe;
    }

    public Map<String, List<String>> frontsOrEmpty() {
        return fronts == null ? Map.of() : fronts;
    }
}
