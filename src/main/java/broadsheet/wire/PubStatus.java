package broadsheet.wire;

import broadsheet.db.DbValue;

/** A ninjs item's {@code pubstatus}: usable (the default), or withheld or canceled by the agency. */
public enum PubStatus implements DbValue {
    USABLE,
    WITHHELD,
    CANCELED
}
