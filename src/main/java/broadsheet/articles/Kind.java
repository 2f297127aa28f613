package broadsheet.articles;

/** What sort of piece an article is; readers see the label on links to it ("Opinion: ..."). */
public enum Kind implements broadsheet.db.DbValue {
    NEWS(""),
    OPINION("Opinion"),
    ANALYSIS("Analysis"),
    EXPLAINER("Explainer");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    public static Kind of(String dbValue) {
        return valueOf(dbValue.toUpperCase(java.util.Locale.ROOT));
    }

    /** "Opinion", or empty for plain news. */
    public String label() {
        return label;
    }

    /** "Opinion: " before a headline, or nothing for news. */
    public String prefix() {
        return label.isEmpty() ? "" : label + ": ";
    }
}
