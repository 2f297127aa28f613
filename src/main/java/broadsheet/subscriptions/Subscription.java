package broadsheet.subscriptions;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** A reader's subscription as it stands, with the name of its plan. */
public record Subscription(
        long id,
        long userId,
        Long planId,
        String planName,
        SubscriptionStatus status,
        Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        String source,
        String stripeCustomerId,
        String stripeSubscriptionId,
        int version) {

    /** The reader's subscription, if they ever had one (kept here for other features; read by {@link SubscriptionDao}). */
    public static Optional<Subscription> forUser(Handle h, long userId) {
        return SubscriptionDao.forUser(h, userId);
    }

    /** The reader's subscription, locked until the transaction ends (Stripe's webhook waits for it). */
    public static Optional<Subscription> lockForUser(Handle h, long userId) {
        return SubscriptionDao.lockForUser(h, userId);
    }

    /** The reader has a Stripe Checkout page open (or being opened) that could still be paid. */
    public static boolean checkoutOpen(Handle h, long userId) {
        return CheckoutDao.open(h, userId).isPresent();
    }

    /** Stripe may still charge the reader for it: it renews, or it waits for its first payment to go through. */
    public boolean stripeMayCharge(Instant now) {
        return stripe() && (waitingForPayment() || (givesAccess(now) && !cancelAtPeriodEnd));
    }

    /** Checkout finished but Stripe has not confirmed the first payment (it may still go through, or expire). */
    public boolean waitingForPayment() {
        return status == SubscriptionStatus.INCOMPLETE && stripeSubscriptionId != null;
    }

    /** The same rule as {@link Subscriptions#activeFor}: gives access now. */
    public boolean givesAccess(Instant now) {
        return status.running() && currentPeriodEnd.isAfter(now);
    }

    public boolean stripe() {
        return "stripe".equals(source);
    }

    public String planLabel() {
        return planName == null ? "No plan" : planName;
    }

    /** What a reader or an admin reads as the state. */
    public String statusLabel(Instant now) {
        return switch (status) {
            case ACTIVE ->
                currentPeriodEnd.isAfter(now)
                        ? (cancelAtPeriodEnd ? "Active, cancels at period end" : "Active")
                        : "Lapsed";
            case PAST_DUE -> currentPeriodEnd.isAfter(now) ? "Active, payment overdue" : "Lapsed";
            case CANCELED -> "Cancelled";
            case REVOKED -> "Revoked";
            case INCOMPLETE -> "Waiting for payment";
        };
    }
}
