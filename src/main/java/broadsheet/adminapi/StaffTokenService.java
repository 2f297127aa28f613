package broadsheet.adminapi;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.web.Form;
import broadsheet.web.Role;
import broadsheet.web.Tokens;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Staff tokens: made by a staff member for themself in the newsroom (shown once, stored as a SHA-256
 * hash), revoked by them or by an admin, looked up on every Admin API call, and each call written to the
 * audit log under the token's person.
 */
public final class StaffTokenService {

    /** Every token starts so, which makes one easy to recognise in a leaked file or a secret scanner. */
    static final String PREFIX = "bst_";

    static final int MAX_NAME = 80;

    private final Jdbi jdbi;

    public StaffTokenService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The live token's holder, as the person is now; empty for an unknown or revoked token. */
    Optional<StaffTokenDao.Holder> holder(String token) {
        return jdbi.inTransaction(h -> StaffTokenDao.use(h, Tokens.sha256(token)));
    }

    /** One Admin API call in the audit log, under the token's person. */
    void auditCall(StaffTokenDao.Holder holder, String detail) {
        jdbi.useTransaction(h -> Audit.record(h, holder.user(), "api call", "staff token", holder.tokenId(), detail));
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
