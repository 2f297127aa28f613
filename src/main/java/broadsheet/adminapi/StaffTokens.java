package broadsheet.adminapi;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.web.Form;
import broadsheet.web.Role;
import broadsheet.web.StaffTokenGate;
import broadsheet.web.Tokens;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Staff tokens: made by a staff member for themself in the newsroom (shown once, stored as a SHA-256
 * hash), revoked by them or by an admin, and checked on every Admin API call. A token acts as its
 * person with the role that person has at the time of the call.
 */
public final class StaffTokens implements StaffTokenGate {

    /** Every token starts so, which makes one easy to recognise in a leaked file or a secret scanner. */
    static final String PREFIX = "bst_";

    static final int MAX_NAME = 80;

    private static final String ATTRIBUTE = "broadsheet.staffToken";

    private final Jdbi jdbi;

    public StaffTokens(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Whose token made this call (the gate admitted it). */
    static StaffTokenDao.Holder holder(Context ctx) {
        Object h = ctx.attribute(ATTRIBUTE);
        if (h instanceof StaffTokenDao.Holder holder) return holder;
        throw new IllegalStateException("no staff token on " + ctx.path());
    }

    static User user(Context ctx) {
        return holder(ctx).user();
    }

    @Override
    public void admit(Context ctx, Role required) {
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized(
                    "Send a staff token as “Authorization: Bearer bst_…”. Make one in the newsroom under API tokens.");
        }
        String token = auth.substring(7).strip();
        if (!token.startsWith(PREFIX) || token.length() > 100) {
            throw unauthorized("That is not a staff token: staff tokens start with " + PREFIX + ".");
        }
        StaffTokenDao.Holder h = jdbi.inTransaction(handle -> StaffTokenDao.use(handle, Tokens.sha256(token)))
                .orElseThrow(() -> unauthorized("This staff token is unknown or has been revoked."));
        ctx.attribute(ATTRIBUTE, h);
        if (!h.user().role().includes(required)) {
            ApiProblem refused = new ApiProblem(
                    403,
                    "This token acts for " + h.user().label() + ", whose role is "
                            + h.user().role().label().toLowerCase()
                            + "; " + ctx.method() + " " + ctx.path() + " needs "
                            + required.label().toLowerCase()
                            + ".");
            ApiCalls.audit(jdbi, ctx, h, 403);
            throw refused;
        }
    }

    private static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, detail).header("WWW-Authenticate", "Bearer realm=\"broadsheet-admin\"");
    }

    /** A new token for this person, or empty with an error on the form's "name". Returns the token itself, once. */
    Optional<String> create(User user, Form form) {
        String name = form.raw("name").strip();
        if (name.isEmpty()) form.error("name", "Name the token after what will use it, like “WordPress migration”.");
        else if (name.length() > MAX_NAME)
            form.error("name", "Shorten the name to " + MAX_NAME + " characters or fewer.");
        if (!user.atLeast(Role.CONTRIBUTOR)) form.error("name", "Only newsroom staff may make staff tokens.");
        if (form.hasErrors()) return Optional.empty();
        String token = PREFIX + Tokens.random();
        jdbi.useTransaction(h -> {
            long id = StaffTokenDao.insert(h, user.id(), name, Tokens.sha256(token));
            Audit.record(h, user, "created staff token", "staff token", id, name);
        });
        return Optional.of(token);
    }

    /** One's own tokens; an admin sees everyone's. */
    List<StaffToken> list(User user) {
        return jdbi.withHandle(h -> StaffTokenDao.list(h, user.atLeast(Role.ADMIN) ? null : user.id(), 500));
    }

    enum Revoked {
        REVOKED,
        ALREADY,
        NOT_YOURS
    }

    /** Revokes a token: one's own, or anyone's for an admin. */
    Revoked revoke(User user, long id) {
        return jdbi.inTransaction(h -> {
            Optional<StaffToken> row = StaffTokenDao.find(h, id);
            if (row.isEmpty() || (row.get().userId() != user.id() && !user.atLeast(Role.ADMIN)))
                return Revoked.NOT_YOURS;
            if (!StaffTokenDao.revoke(h, id)) return Revoked.ALREADY;
            Audit.record(
                    h,
                    user,
                    "revoked staff token",
                    "staff token",
                    id,
                    row.get().name() + " (" + row.get().owner() + ")");
            return Revoked.REVOKED;
        });
    }
}
