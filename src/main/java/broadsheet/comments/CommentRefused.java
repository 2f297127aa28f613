package broadsheet.comments;

/**
 * A comment action that the rules refuse, with the HTTP status and the message the reader sees.
 * Thrown inside the transaction, so nothing is half-written.
 *
 * @see CommentService
 */
public final class CommentRefused extends RuntimeException {
    private final int status;

    public CommentRefused(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
