package broadsheet.subscriptions;

import broadsheet.db.DbValue;

/** Where a duplicate Stripe subscription is: just found, cancelled and refunded at Stripe, or left for an admin. */
public enum DuplicateState implements DbValue {
    FOUND,
    SETTLED,
    FAILED
}
