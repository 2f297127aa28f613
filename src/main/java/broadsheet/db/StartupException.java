package broadsheet.db;

/** A start-up failure whose message is a sentence for the operator, printed without a stack trace. */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }
}
