package broadsheet.comments;

import broadsheet.db.DbValue;
import java.util.Arrays;
import java.util.Optional;

/** How an article takes comments: at once, each after an editor's look, or not at all. */
public enum CommentMode implements DbValue {
    OPEN,
    PREMODERATED,
    CLOSED;

    /** The mode stored as {@code value} ("open", "premoderated", "closed"), as the settings form sends it. */
    public static Optional<CommentMode> of(String value) {
        return Arrays.stream(values()).filter(m -> m.dbValue().equals(value)).findFirst();
    }
}
