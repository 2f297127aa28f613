package broadsheet.newsroom.articles;

import broadsheet.articles.ArticleStatus;
import java.time.Instant;
import java.util.List;

/**
 * The desk's list of articles in every state, filtered and sorted, a page at a time by keyset:
 * the "after" position is the last row's id and sort value, so pages never skip or repeat rows
 * while others save. {@link DeskListDao} reads the pages.
 */
public final class DeskList {

    static final int PAGE = 50;

    public enum Sort {
        UPDATED("a.updated_at", false, "Newest updated"),
        PUBLISHED("coalesce(a.published_at, timestamptz '1970-01-01 00:00:00+00')", false, "Newest published"),
        HEADLINE("lower(a.headline)", true, "Headline A–Z");

        final String key;
        final boolean ascending;
        private final String label;

        public String label() {
            return label;
        }

        Sort(String key, boolean ascending, String label) {
            this.key = key;
            this.ascending = ascending;
            this.label = label;
        }

        static Sort of(String s) {
            for (Sort v : values()) if (v.value().equals(s)) return v;
            return UPDATED;
        }

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What the list is narrowed to; a null status or id and an empty query mean "any".
     *
     * @param mine only the signed-in person's own articles: those they created or that carry the byline of
     *     the author linked to their account (contributors see no others in any case)
     */
    public record Filter(ArticleStatus status, Long section, Long author, String q, Sort sort, boolean mine) {

        public String query() {
            StringBuilder sb = new StringBuilder("sort=" + sort.value());
            if (status != null) sb.append("&status=").append(status.dbValue());
            if (section != null) sb.append("&section=").append(section);
            if (author != null) sb.append("&author=").append(author);
            if (mine) sb.append("&mine=1");
            if (!q.isEmpty())
                sb.append("&q=").append(java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
            return sb.toString();
        }
    }

    public record Row(
            long id,
            String headline,
            ArticleStatus status,
            String section,
            List<String> authors,
            Instant updatedAt,
            Instant publishedAt) {
        public String statusLabel() {
            return Workflow.label(status);
        }
    }

    public record Result(List<Row> rows, String nextAfter) {}
}
