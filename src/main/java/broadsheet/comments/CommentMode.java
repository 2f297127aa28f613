package broadsheet.comments;

import broadsheet.db.DbValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * How an article takes comments: at once, each after an editor's look, not at all (closed: the
 * comments there are stay on show), or off (none shown, none taken).
 */
public enum CommentMode implements DbValue {
    OPEN,
    PREMODERATED,
    CLOSED,
    OFF;

    /** Whether new comments are refused: closed or off. */
    public boolean shut() {
        return this == CLOSED || this == OFF;
    }

    /** The mode stored as {@code value} ("open", "premoderated", "closed"), as the settings form sends it. */
    public static Optional<CommentMode> of(String value) {
        return Arrays.stream(values()).filter(m -> m.dbValue().equals(value)).findFirst();
    }
}
