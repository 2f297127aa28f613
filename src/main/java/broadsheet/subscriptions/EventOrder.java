package broadsheet.subscriptions;

import java.time.Instant;

/**
 * Where a Stripe event stands in the life of one subscription, by Stripe's own data, so that the
 * state a subscription ends in does not depend on the order its events arrive in.
 *
 * <p>Events are ordered by the second Stripe created them in; within one second (Stripe's clock has
 * no finer grain, and a subscription's {@code created} and first {@code updated} often share it) by
 * the state the subscription is in, as far as it only moves forward:
 *
 * <ol>
 *   <li>ended (cancelled, expired) after still running: an ended subscription never runs again;
 *   <li>the later period end: a renewal moves it forward, never back;
 *   <li>the stage: waiting for the first payment ({@code incomplete}), then overdue, then paid up
 *       ({@code active}, {@code trialing}): a payment made cannot be unmade within the second;
 *   <li>cancelling at the period's end after renewing (the reader's latest choice, more often than not);
 *   <li>lastly the event's id: not a time, only so that two events never tie.
 * </ol>
 *
 * <p>Written as text that sorts in this order, fixed-width numbers first; the subscriptions row keeps
 * the text of the last event applied to it ({@code stripe_event_order}).
 */
record EventOrder(String text) implements Comparable<EventOrder> {

    /** Stages a running subscription goes through, in order. */
    static final int WAITING = 0, OVERDUE = 1, PAID = 2;

    /** A snapshot of the subscription ({@code customer.subscription.*}). */
    static EventOrder snapshot(
            Instant created, boolean ended, long periodEnd, SubscriptionStatus status, boolean cancelAtEnd, String id) {
        int stage = switch (status) {
            case ACTIVE -> PAID;
            case PAST_DUE -> OVERDUE;
            default -> WAITING;
        };
        return of(created, ended, periodEnd, stage, cancelAtEnd, id);
    }

    /**
     * What an invoice event says of its subscription: paid up to {@code periodEnd} ({@code invoice.paid}),
     * or overdue with no period known ({@code invoice.payment_failed}: any snapshot of its second wins).
     * Its id is empty, so that a snapshot of the same state in the same second stands after it.
     */
    static EventOrder invoice(Instant created, long periodEnd, int stage) {
        return of(created, false, periodEnd, stage, false, "");
    }

    /** A row from before event orders were kept: first in its second. */
    static EventOrder legacy(Instant stripeEventAt) {
        return of(stripeEventAt, false, 0, WAITING, false, "");
    }

    private static EventOrder of(
            Instant created, boolean ended, long periodEnd, int stage, boolean cancelAtEnd, String id) {
        return new EventOrder("%012d.%d.%012d.%d.%d.%s"
                .formatted(
                        Math.max(0, created.getEpochSecond()),
                        ended ? 1 : 0,
                        Math.max(0, periodEnd),
                        stage,
                        cancelAtEnd ? 1 : 0,
                        id));
    }

    /** The order the row's last applied event had, or null when no event has been applied to it. */
    static EventOrder ofRow(String stored, Instant stripeEventAt) {
        if (stored != null) return new EventOrder(stored);
        return stripeEventAt == null ? null : legacy(stripeEventAt);
    }

    /** True when this event stands after {@code last} (or nothing was applied before). */
    boolean after(EventOrder last) {
        return last == null || compareTo(last) > 0;
    }

    @Override
    public int compareTo(EventOrder o) {
        return text.compareTo(o.text);
    }
}
