package broadsheet.subscriptions;

/**
 * Stripe's API could not be reached, or answered with an error (its message, HTTP status and request id
 * are in {@link #getMessage()}), or answered something that is not what its API documents.
 */
public final class StripeException extends Exception {

    StripeException(String message) {
        super(message);
    }

    StripeException(String message, Throwable cause) {
        super(message, cause);
    }
}
