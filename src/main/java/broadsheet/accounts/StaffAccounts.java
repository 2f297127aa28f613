package broadsheet.accounts;

import broadsheet.audit.Audit;
import broadsheet.web.Role;
import org.jdbi.v3.core.Jdbi;

/** Accounts made by an operator (the first admin, demo staff): confirmed at once, with a given role. */
public final class StaffAccounts {

    private final Jdbi jdbi;

    /** @param jdbi for the transaction that saves the account and its audit entry */
    public StaffAccounts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Creates the account, or sets the role and password of the existing one with that address. */
    public long save(String rawEmail, String displayName, Role role, String password) {
        String email = UserDao.normalize(rawEmail);
        String problem = AccountService.emailProblem(email);
        if (problem != null) throw new IllegalArgumentException(email + ": " + problem);
        problem = Passwords.problem(password, email);
        if (problem != null) throw new IllegalArgumentException("password: " + problem);
        if (role == Role.ANYONE)
            throw new IllegalArgumentException("role: choose reader, contributor, editor or admin");
        String hash = Passwords.hash(password);
        return jdbi.inTransaction(h -> {
            long id = UserDao.saveStaff(h, email, hash, displayName, role);
            Audit.record(h, null, "saved staff account (" + role.dbValue() + ")", "user", id, email);
            return id;
        });
    }
}
