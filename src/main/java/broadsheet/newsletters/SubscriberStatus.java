package broadsheet.newsletters;

import broadsheet.db.DbValue;

/** An address on a newsletter: waiting for its confirmation, receiving it, or off it. */
public enum SubscriberStatus implements DbValue {
    PENDING,
    ACTIVE,
    UNSUBSCRIBED
}
