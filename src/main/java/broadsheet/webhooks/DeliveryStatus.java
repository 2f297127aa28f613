package broadsheet.webhooks;

import broadsheet.db.DbValue;

/** Where one delivery of one event to one endpoint stands. */
public enum DeliveryStatus implements DbValue {
    /** Not yet delivered: due at its next attempt (or being attempted now). */
    PENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Given up after a day of retries, or its endpoint was disabled. */
    FAILED
}
