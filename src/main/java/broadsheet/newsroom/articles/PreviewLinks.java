package broadsheet.newsroom.articles;

import broadsheet.db.Secrets;
import broadsheet.web.NewsroomPaths;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Links that show an unpublished article to anyone holding them, until they expire:
 * {@code /preview/{id}?expires=<epoch seconds>&sig=<HMAC-SHA256 of "id:expires">}, keyed by the
 * {@code preview_secret} of {@link Secrets}; replacing it there cancels every link given out.
 */
public final class PreviewLinks {
    private static final String KEY = "preview_secret";
    private final Secrets secrets;

    public PreviewLinks(Secrets secrets) {
        this.secrets = secrets;
    }

    /** The site-relative link to an article's preview, working until {@code expires}. */
    public String path(long articleId, Instant expires) {
        long e = expires.getEpochSecond();
        return NewsroomPaths.preview(articleId) + "?expires=" + e + "&sig=" + sign(articleId, e);
    }

    /** Whether the signature is ours for this article and time, and the time has not passed. */
    public boolean valid(long articleId, String expires, String sig, Instant now) {
        if (expires == null || sig == null) return false;
        long e;
        try {
            e = Long.parseLong(expires);
        } catch (NumberFormatException ex) {
            return false;
        }
        return Secrets.same(sign(articleId, e), sig) && now.getEpochSecond() < e;
    }

    private String sign(long articleId, long expires) {
        return HexFormat.of().formatHex(secrets.mac(KEY, articleId + ":" + expires));
    }
}
