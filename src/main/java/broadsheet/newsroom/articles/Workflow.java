package broadsheet.newsroom.articles;

import broadsheet.accounts.User;
import broadsheet.web.Role;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may do what to an article, and which step leads where: draft → ready → scheduled or
 * published → unpublished, and back. Contributors write and hand in their own drafts; editors
 * do everything else.
 */
public enum Workflow {
    SAVE(false, null, List.of("draft", "ready", "scheduled", "published", "unpublished"), "Save"),
    READY(false, "ready", List.of("draft"), "Save and mark ready for editing"),
    DRAFT(false, "draft", List.of("ready", "scheduled", "unpublished"), "Save and move back to draft"),
    PUBLISH(true, "published", List.of("draft", "ready", "scheduled", "unpublished"), "Save and publish now"),
    SCHEDULE(true, "scheduled", List.of("draft", "ready", "scheduled", "unpublished"), "Save and schedule"),
    UNPUBLISH(true, "unpublished", List.of("published"), "Unpublish");

    final boolean editorsOnly;
    private final String target;
    final List<String> from;
    private final String label;

    public String label() {
        return label;
    }

    Workflow(boolean editorsOnly, String target, List<String> from, String label) {
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
    String target(String status) {
        return target == null ? status : target;
    }

    /** Whether the step needs every part a reader will see. */
    boolean goesLive() {
        return this == PUBLISH || this == SCHEDULE;
    }

    /** Editors edit anything; contributors their own articles while they are drafts or ready for editing. */
    static boolean canEdit(User u, String status, boolean mine) {
        return u.atLeast(Role.EDITOR) || (mine && (status.equals("draft") || status.equals("ready")));
    }

    static boolean canSee(User u, boolean mine) {
        return u.atLeast(Role.EDITOR) || mine;
    }

    /** The steps this person may take from this status, for the editor's buttons. */
    static List<Workflow> steps(User u, String status, boolean mine) {
        if (!canEdit(u, status, mine)) return List.of();
        return java.util.Arrays.stream(values())
                .filter(w -> w != SAVE && w.from.contains(status) && (!w.editorsOnly || u.atLeast(Role.EDITOR)))
                .toList();
    }

    public static String label(String status) {
        return switch (status) {
            case "draft" -> "Draft";
            case "ready" -> "Ready for editing";
            case "scheduled" -> "Scheduled";
            case "published" -> "Published";
            default -> "Unpublished";
        };
    }
}
