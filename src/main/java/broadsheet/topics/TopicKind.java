package broadsheet.topics;

import broadsheet.db.DbValue;

/** What a topic is about. */
public enum TopicKind implements DbValue {
    PERSON,
    ORGANIZATION,
    PLACE,
    SUBJECT;

    /** "Person", "Organization", "Place", "Subject": the newsroom's words. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The readers' words: "Person", "Organization", "Place", and "Topic" for a subject. */
    public String readerLabel() {
        return this == SUBJECT ? "Topic" : label();
    }
}
