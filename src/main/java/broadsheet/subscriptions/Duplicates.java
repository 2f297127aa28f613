package broadsheet.subscriptions;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles a reader's duplicate Stripe subscription: cancelled at once, and every payment made for it
 * refunded in full (the reader never had anything from it that the other did not give). What was done,
 * or why it could not be, shows on the subscriptions desk.
 */
public final class Duplicates {

    private static final Logger LOG = LoggerFactory.getLogger(Duplicates.class);

    private final Jdbi jdbi;
    private final Optional<StripeApi> stripe;

    public Duplicates(Jdbi jdbi, Optional<StripeApi> stripe) {
        this.jdbi = jdbi;
        this.stripe = stripe;
    }

    public void settle(long id) {
        String sub = jdbi.withHandle(h -> DuplicateDao.subscriptionOf(h, id));
        if (stripe.isEmpty()) {
            done(
                    id,
                    DuplicateState.FAILED,
                    0,
                    null,
                    "No Stripe key is set (STRIPE_SECRET_KEY), so it could not be "
                            + "cancelled here: cancel it and refund its payment in the Stripe Dashboard.");
            return;
        }
        boolean cancelled = false;
        try {
            stripe.get().cancelNow(sub);
            cancelled = true;
            StripeApi.Refunded refunded = stripe.get().refundAll(sub);
            done(
                    id,
                    DuplicateState.SETTLED,
                    refunded.cents(),
                    refunded.currency(),
                    "Cancelled at Stripe; "
                            + (refunded.cents() == 0
                                    ? "nothing had been paid."
                                    : "its payments were refunded in full."));
        } catch (StripeException | RuntimeException e) {
            LOG.warn("Could not cancel or refund duplicate Stripe subscription {}: {}", sub, e.getMessage());
            done(
                    id,
                    DuplicateState.FAILED,
                    0,
                    null,
                    (cancelled ? "Cancelled at Stripe, but the refund failed: " : "")
                            + "Stripe did not answer as expected (" + e.getMessage() + "): "
                            + (cancelled ? "" : "cancel it and ") + "refund its payment in the Stripe Dashboard.");
        }
    }

    private void done(long id, DuplicateState state, long cents, String currency, String detail) {
        LOG.info("Duplicate Stripe subscription {}: {} ({})", id, state.dbValue(), detail);
        jdbi.useHandle(h -> DuplicateDao.settle(h, id, state, cents, currency, detail));
    }
}
