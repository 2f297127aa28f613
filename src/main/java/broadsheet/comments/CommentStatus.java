package broadsheet.comments;

import broadsheet.db.DbValue;

/** A comment is shown, waiting for a moderator, turned down, or deleted by its writer or staff. */
public enum CommentStatus implements DbValue {
    VISIBLE,
    PENDING,
    REJECTED,
    DELETED
}
