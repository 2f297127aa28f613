package broadsheet.subscriptions;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** A reader's own subscription: what the account page shows, and ending it (or keeping it) at the period's end. */
public final class ReaderSubscriptions {

    /** What the account page shows; {@code subscription} is null for a reader who has never subscribed. */
    public record Panel(Subscription subscription, Instant now) {
        public boolean givesAccess() {
            return subscription != null && subscription.givesAccess(now);
        }

        /** The reader may cancel (or undo cancelling): it runs now and renews. */
        public boolean canCancel() {
            return givesAccess() && !subscription.cancelAtPeriodEnd();
        }

        public boolean canResume() {
            return givesAccess() && subscription.cancelAtPeriodEnd();
        }
    }

    /** Stripe could not be asked to change the subscription; nothing changed here either. */
    public static final class StripeUnavailable extends Exception {
        StripeUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Jdbi jdbi;
    private final Optional<StripeApi> stripe; // empty when payments are off

    public ReaderSubscriptions(Jdbi jdbi, Optional<StripeApi> stripe) {
        this.jdbi = jdbi;
        this.stripe = stripe;
    }

    public Panel panel(long userId) {
        return new Panel(
                jdbi.withHandle(h -> SubscriptionDao.forUser(h, userId)).orElse(null), Instant.now());
    }

    /**
     * Ends the subscription at its period's end ({@code cancel}), or keeps it renewing. A Stripe
     * subscription is changed at Stripe first, then here at once (Stripe's own event confirms it
     * moments later); a manual one only here.
     *
     * @return false when there is nothing running to change
     */
    public boolean setCancelAtPeriodEnd(long userId, boolean cancel) throws StripeUnavailable {
        Optional<Subscription> s = jdbi.withHandle(h -> SubscriptionDao.forUser(h, userId));
        if (s.isEmpty() || !s.get().givesAccess(Instant.now())) return false;
        if (s.get().stripe() && s.get().stripeSubscriptionId() != null) {
            StripeApi api = stripe.orElseThrow(
                    () -> new StripeUnavailable("Online payment is not set up on this site at the moment.", null));
            try {
                api.cancelAtPeriodEnd(s.get().stripeSubscriptionId(), cancel);
            } catch (StripeException e) {
                throw new StripeUnavailable("Stripe did not answer as expected (" + e.getMessage() + ").", e);
            }
        }
        return jdbi.withHandle(h -> SubscriptionDao.setCancelAtPeriodEnd(h, userId, cancel));
    }
}
