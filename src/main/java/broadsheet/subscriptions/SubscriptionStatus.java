package broadsheet.subscriptions;

import broadsheet.db.DbValue;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a subscription is: paid up, payment overdue (still reading), ended, taken away by the newsroom, or waiting for Stripe to report the first payment. */
public enum SubscriptionStatus implements DbValue {
    ACTIVE,
    PAST_DUE,
    CANCELED,
    REVOKED,
    INCOMPLETE;

    /** Written as its stored text in JSON too (the account export says "active", not "ACTIVE"). */
    @Override
    @JsonValue
    public String dbValue() {
        return DbValue.super.dbValue();
    }

    /** Statuses that give access while the period runs. */
    public boolean running() {
        return this == ACTIVE || this == PAST_DUE;
    }
}
