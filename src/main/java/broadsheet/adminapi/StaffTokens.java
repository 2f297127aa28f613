package broadsheet.adminapi;

import broadsheet.accounts.User;
import broadsheet.web.Role;
import broadsheet.web.StaffTokenGate;
import io.javalin.http.Context;

/**
 * The Admin API's gate: finds whose staff token a call carries and checks that person's role as it is
 * now against the route's. A token acts as its person with the role they have at the time of the call.
 */
public final class StaffTokens implements StaffTokenGate {

    private static final String ATTRIBUTE = "broadsheet.staffToken";

    private final StaffTokenService tokens;

    public StaffTokens(StaffTokenService tokens) {
        this.tokens = tokens;
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

    /**
     * Whose token made this call, for handlers of other features behind this gate (the wire import):
     * empty when the gate did not admit the call.
     */
    public java.util.Optional<User> caller(Context ctx) {
        return ctx.attribute(ATTRIBUTE) instanceof StaffTokenDao.Holder h
                ? java.util.Optional.of(h.user())
                : java.util.Optional.empty();
    }

    @Override
    public void admit(Context ctx, Role required) {
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized(
                    "Send a staff token as “Authorization: Bearer bst_…”. Make one in the newsroom under API tokens.");
        }
        String token = auth.substring(7).strip();
        if (!token.startsWith(StaffTokenService.PREFIX) || token.length() > 100) {
            throw unauthorized("That is not a staff token: staff tokens start with " + StaffTokenService.PREFIX + ".");
        }
        StaffTokenDao.Holder h = tokens.holder(token)
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
            tokens.auditCall(h, ApiCalls.detail(ctx, 403));
            throw refused;
        }
    }

    private static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, detail).header("WWW-Authenticate", "Bearer realm=\"broadsheet-admin\"");
    }
}
