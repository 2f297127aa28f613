package broadsheet.newsroom.photos;

import broadsheet.media.Photo;
import broadsheet.web.NewsroomPaths;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What a photo must have before readers may see it: a caption (what is happening), a credit (who
 * took it, for rights) and alt text (what is in it, for people who cannot see it). The upload form
 * lets a photo be saved without them so it can be filed quickly; the library flags it until then.
 *
 * <p>For the article desk: before an article is published or scheduled, call
 * {@link #problems(Handle, long)} inside the publishing transaction and refuse while it returns
 * anything. The gallery page already refuses to add an incomplete photo to a published or
 * scheduled article, and the photo form refuses to empty a field of a photo readers can see.
 */
public final class PhotoRules {
    private PhotoRules() {}

    public static final String CAPTION = "caption";
    public static final String CREDIT = "credit";
    public static final String ALT_TEXT = "alt text";

    public static final int MAX_CAPTION = 1000;
    public static final int MAX_CREDIT = 200;
    public static final int MAX_ALT_TEXT = 500;

    /** One photo of an article that cannot be published yet, and what it lacks. */
    public record Problem(Photo photo, boolean lead, List<String> missing) {
        /** "The lead photo needs a credit and alt text." */
        public String message() {
            return (lead ? "The lead photo" : "Gallery photo " + photo.id()) + " needs " + phrase(missing) + ".";
        }

        public String editPath() {
            return NewsroomPaths.photo(photo.id());
        }
    }

    /**
     * The fields a photo still lacks, in form order, named {@link #CAPTION}, {@link #CREDIT} and
     * {@link #ALT_TEXT}; empty when it may appear in a published article. Whitespace counts as missing.
     */
    public static List<String> missing(Photo p) {
        return missing(p.caption(), p.credit(), p.altText());
    }

    static List<String> missing(String caption, String credit, String altText) {
        List<String> m = new ArrayList<>(3);
        if (caption == null || caption.isBlank()) m.add(CAPTION);
        if (credit == null || credit.isBlank()) m.add(CREDIT);
        if (altText == null || altText.isBlank()) m.add(ALT_TEXT);
        return m;
    }

    /** True when caption, credit and alt text are all there. */
    public static boolean complete(Photo p) {
        return missing(p).isEmpty();
    }

    /** The lead photo and every gallery photo of an article that lack words, lead first, then in gallery order. */
    public static List<Problem> problems(Handle h, long articleId) {
        List<Problem> out = new ArrayList<>();
        for (PhotoDao.Use u : PhotoDao.photosOf(h, articleId)) {
            List<String> m = missing(u.photo());
            if (!m.isEmpty()) out.add(new Problem(u.photo(), u.lead(), m));
        }
        return out;
    }

    /** "a caption", "a credit and alt text", "a caption, a credit and alt text". */
    public static String phrase(List<String> missing) {
        List<String> words =
                missing.stream().map(f -> f.equals(ALT_TEXT) ? f : "a " + f).toList();
        if (words.size() <= 1) return String.join("", words);
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
