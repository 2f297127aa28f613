package broadsheet.newsroom.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an editor decides about a comment in the queue. */
public enum Decision {
    /** Shown to everyone (a held comment comes out; a reported one stays, its reports cleared). */
    APPROVE("approved"),
    /** Taken off the page for good. */
    REJECT("rejected");

    private final String done;

    Decision(String done) {
        this.done = done;
    }

    /** "approve" or "reject", as the queue's buttons send it. */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "approved" or "rejected", for the notice after the decision. */
    public String done() {
        return done;
    }

    /** The audit log's name for it: comment.approve or comment.reject. */
    String auditAction() {
        return "comment." + param();
    }

    public static Optional<Decision> of(String param) {
        return Arrays.stream(values()).filter(d -> d.param().equals(param)).findFirst();
    }
}
