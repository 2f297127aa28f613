package broadsheet.accounts;

import broadsheet.web.Role;
import java.time.Instant;

public record User(long id, String email, Instant emailConfirmedAt, String displayName, Role role, Instant createdAt) {

    public boolean confirmed() {
        return emailConfirmedAt != null;
    }

    /** How the newsroom and the audit log name this person. */
    public String label() {
        return displayName.isBlank() ? email : displayName + " <" + email + ">";
    }

    public boolean atLeast(Role r) {
        return role.includes(r);
    }
}
