package broadsheet.search;

/** The names of the index's fields. */
final class Fields {

    private Fields() {}

    // keys and filters (exact terms)
    static final String KEY = "key"; // "a12" for article 12, "p7" for photo 7
    static final String TYPE = "type"; // article, photo
    static final String ID = "id"; // numeric id (stored and doc values)
    static final String STATUS = "status";
    static final String ACCESS = "access";
    static final String SECTION = "section";
    static final String AUTHOR = "author";
    static final String TOPIC = "topic";
    static final String KIND = "kind";
    static final String OWNER = "owner"; // user ids who may call the article theirs (newsroom "mine")
    static final String TIME = "time"; // published (or for drafts, updated) time, epoch ms: points and doc values
    static final String PUBLISHED = "published"; // 1 when the article has a publication time

    // text (stored for snippets and highlighting)
    static final String HEADLINE = "headline";
    static final String DECK = "deck";
    static final String BODY = "body";
    static final String BYLINES = "bylines";
    static final String TOPICS = "topics";
    static final String CAPTIONS = "captions";
    static final String CREDIT = "credit";

    // text, not stored
    static final String NAMES = "names"; // authors and topics, plain: fuzzy matching of names
    static final String RANK = "rank"; // every text field's words with weighted frequencies: RankField
    static final String HEADLINE_PLAIN = "headline_plain"; // plain: prefix matching for suggestions

    static final String TYPE_ARTICLE = "article";
    static final String TYPE_PHOTO = "photo";
}
