package broadsheet.comments;

import broadsheet.web.Paths;
import java.util.List;

/**
 * The start of an article's conversation as its article page shows it, the same for every reader:
 * the newest few comments, how many there are, and whether and how readers may join in.
 *
 * @param mode the mode readers get now (an open article may have closed by age)
 * @param subscribersOnly whether only subscribers may comment here
 * @param count every shown comment, replies included (as on the conversation page)
 * @param first the newest shown top-level comments, newest first
 * @param closesAt when comments close by age, if that is still to come (the page changes then), or null
 */
public record ArticleComments(
        long articleId,
        CommentMode mode,
        boolean subscribersOnly,
        int count,
        List<Comment> first,
        java.time.Instant closesAt) {

    public boolean off() {
        return mode == CommentMode.OFF;
    }

    /** Whether readers may write a comment at all (some may still be refused: subscribers only, bans). */
    public boolean open() {
        return !mode.shut();
    }

    /** What readers should know before writing, or "" (closed, checked by an editor, subscribers only). */
    public String state() {
        return switch (mode) {
            case CLOSED -> "Comments on this article are closed.";
            case OFF -> "";
            case PREMODERATED ->
                "Comments are checked by an editor before they appear."
                        + (subscribersOnly ? " Only subscribers may comment here." : "");
            case OPEN -> subscribersOnly ? "Only subscribers may comment here." : "";
        };
    }

    /** "All 1 comment", "All 12 comments". */
    public String allLabel() {
        return "All " + count + (count == 1 ? " comment" : " comments");
    }

    public String allPath() {
        return Paths.comments(articleId);
    }

    public String writePath() {
        return Paths.newComment(articleId);
    }

    /** Sign in, then straight on to the comment form. */
    public String signInPath() {
        return Paths.signIn(writePath());
    }

    public String registerPath() {
        return Paths.register(writePath());
    }

    public String subscribePath() {
        return Paths.subscribe();
    }
}
