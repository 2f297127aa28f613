package broadsheet.newsletters;

import broadsheet.db.DbValue;

/** Where an issue is: being written, waiting for its time, going out, or out. */
public enum IssueStatus implements DbValue {
    DRAFT,
    SCHEDULED,
    SENDING,
    SENT
}
