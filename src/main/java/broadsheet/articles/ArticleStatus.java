package broadsheet.articles;

import broadsheet.db.DbValue;

/** Where an article is in its life: written, ready for an editor, waiting for its time, out, or taken down. */
public enum ArticleStatus implements DbValue {
    DRAFT,
    READY,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED;

    /** "Draft", "Ready", ... as the newsroom shows it. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
