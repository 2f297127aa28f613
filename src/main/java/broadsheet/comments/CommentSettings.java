package broadsheet.comments;

import broadsheet.db.Settings;
import broadsheet.web.Params;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paper's commenting rules, kept as rows of the settings table so every node reads the same
 * and editors change them on the moderation settings page.
 *
 * @param autoCloseDays comments close by themselves this many days after publication; 0 never
 * @param reportThreshold this many reports hold a comment for review
 * @param blockedWords words or phrases that hold a comment for review (lower case)
 * @param blockedLinks web addresses (host names) whose links hold a comment for review
 * @param maxLinks a comment with more links than this is held
 * @param newAccountHold a reader's first this-many comments are held
 * @param perMinute most comments one reader may post in a minute
 * @param editMinutes how long after posting a comment its author may edit it
 */
public record CommentSettings(
        boolean subscribersOnly,
        int autoCloseDays,
        int reportThreshold,
        List<String> blockedWords,
        List<String> blockedLinks,
        int maxLinks,
        int newAccountHold,
        int perMinute,
        int editMinutes) {

    public static final List<String> KEYS = List.of(
            "comments_subscribers_only",
            "comments_auto_close_days",
            "comments_report_threshold",
            "comments_blocked_words",
            "comments_blocked_links",
            "comments_max_links",
            "comments_new_account_hold",
            "comments_per_minute",
            "comments_edit_minutes");

    /** The rules as they are now in the settings. */
    public static CommentSettings load(Settings settings) {
        return of(settings.startingWith("comments_"));
    }

    /** The rules from the comment settings' text; a missing or unreadable number takes its default. */
    static CommentSettings of(Map<String, String> s) {
        return new CommentSettings(
                "true".equals(s.get("comments_subscribers_only")),
                number(s, "comments_auto_close_days", 0),
                Math.max(1, number(s, "comments_report_threshold", 3)),
                lines(s.get("comments_blocked_words")),
                lines(s.get("comments_blocked_links")),
                number(s, "comments_max_links", 2),
                number(s, "comments_new_account_hold", 2),
                Math.max(1, number(s, "comments_per_minute", 5)),
                number(s, "comments_edit_minutes", 15));
    }

    /** The words list as one line per entry, for the settings form. */
    public String blockedWordsText() {
        return String.join("\n", blockedWords);
    }

    public String blockedLinksText() {
        return String.join("\n", blockedLinks);
    }

    static List<String> lines(String v) {
        if (v == null) return List.of();
        return Arrays.stream(v.split("[\\r\\n,]+"))
                .map(x -> x.strip().toLowerCase(Locale.ROOT))
                .filter(x -> !x.isEmpty())
                .distinct()
                .toList();
    }

    private static int number(Map<String, String> s, String key, int fallback) {
        return Params.typedInt(s.get(key)).map(v -> Math.max(0, v)).orElse(fallback);
    }
}
