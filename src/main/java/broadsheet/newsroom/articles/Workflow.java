package broadsheet.newsroom.articles;

import broadsheet.accounts.User;
import broadsheet.articles.ArticleStatus;
import broadsheet.web.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what to an article, and which step leads where: draft → ready → scheduled or
 * published → unpublished, and back. Contributors write and hand in their own drafts; editors
 * do everything else.
 */
public enum Workflow {
    SAVE(false, null, EnumSet.allOf(ArticleStatus.class), "Save"),
    READY(false, ArticleStatus.READY, EnumSet.of(ArticleStatus.DRAFT), "Save and mark ready for editing"),
    DRAFT(
            false,
            ArticleStatus.DRAFT,
            EnumSet.of(ArticleStatus.READY, ArticleStatus.SCHEDULED, ArticleStatus.UNPUBLISHED),
            "Save and move back to draft"),
    PUBLISH(
            true,
            ArticleStatus.PUBLISHED,
            EnumSet.complementOf(EnumSet.of(ArticleStatus.PUBLISHED)),
            "Save and publish now"),
    SCHEDULE(
            true,
            ArticleStatus.SCHEDULED,
            EnumSet.complementOf(EnumSet.of(ArticleStatus.PUBLISHED)),
            "Save and schedule"),
    UNPUBLISH(true, ArticleStatus.UNPUBLISHED, EnumSet.of(ArticleStatus.PUBLISHED), "Unpublish");

    final boolean editorsOnly;
    private final ArticleStatus target;
    final Set<ArticleStatus> from;
    private final String label;

    public String label() {
        return label;
    }

    Workflow(boolean editorsOnly, ArticleStatus target, Set<ArticleStatus> from, String label) {
        this.editorsOnly = editorsOnly;
        this.target = target;
        this.from = from;
        this.label = label;
    }

    static Optional<Workflow> of(String action) {
        if (action == null || action.isBlank()) return Optional.of(SAVE);
        try {
            return Optional.of(valueOf(action.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status after this step from the given one. */
    ArticleStatus target(ArticleStatus status) {
        return target == null ? status : target;
    }

    /** Whether the step needs every part a reader will see. */
    boolean goesLive() {
        return this == PUBLISH || this == SCHEDULE;
    }

    /** Editors edit anything; contributors their own articles while they are drafts or ready for editing. */
    static boolean canEdit(User u, ArticleStatus status, boolean mine) {
        return u.atLeast(Role.EDITOR) || (mine && (status == ArticleStatus.DRAFT || status == ArticleStatus.READY));
    }

    static boolean canSee(User u, boolean mine) {
        return u.atLeast(Role.EDITOR) || mine;
    }

    /** The steps this person may take from this status, for the editor's buttons. */
    static List<Workflow> steps(User u, ArticleStatus status, boolean mine) {
        if (!canEdit(u, status, mine)) return List.of();
        return java.util.Arrays.stream(values())
                .filter(w -> w != SAVE && w.from.contains(status) && (!w.editorsOnly || u.atLeast(Role.EDITOR)))
                .toList();
    }

    /** The status as the desk names it ("Ready for editing"). */
    public static String label(ArticleStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case READY -> "Ready for editing";
            case SCHEDULED -> "Scheduled";
            case PUBLISHED -> "Published";
            case UNPUBLISHED -> "Unpublished";
        };
    }

    /** What the audit log says a step to this status did. */
    static String auditAction(ArticleStatus status) {
        return switch (status) {
            case READY -> "marked ready";
            case DRAFT -> "moved to draft";
            default -> status.dbValue(); // published, scheduled, unpublished
        };
    }
}
