package broadsheet.web;

import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * Who may use a route. Every route names one; a route without a role is refused. Roles are
 * ranked: each includes the ones before it (an editor may do what a contributor may).
 */
public enum Role implements RouteRole {
    /** Anyone, signed in or not. */
    ANYONE,
    /** Any signed-in account. */
    READER,
    /** Writes and edits their own drafts. */
    CONTRIBUTOR,
    /** Edits and publishes everything, curates fronts. */
    EDITOR,
    /** People, roles and settings. */
    ADMIN;

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** From the database's lower-case name; ANYONE is never stored. */
    public static Role of(String dbValue) {
        Role r = valueOf(dbValue.toUpperCase(Locale.ROOT));
        if (r == ANYONE) throw new IllegalArgumentException("not an account role: " + dbValue);
        return r;
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
