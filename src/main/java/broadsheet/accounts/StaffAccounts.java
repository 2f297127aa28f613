package broadsheet.accounts;

import broadsheet.audit.Audit;
import broadsheet.web.Role;
import org.jdbi.v3.core.Jdbi;

/** Accounts made by an operator (the first admin, demo staff): confirmed at once, with a given role. */
public final class StaffAccounts {

    private final Jdbi jdbi;

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
            long id = h.createQuery("""
                    insert into users (email, password_hash, display_name, role, email_confirmed_at)
                    values (:e, :p, :n, :r, now())
                    on conflict (email) do update set password_hash = excluded.password_hash, role = excluded.role,
                        display_name = excluded.display_name, updated_at = now()
                    returning id""")
                    .bind("e", email)
                    .bind("p", hash)
                    .bind("n", displayName)
                    .bind("r", role.dbValue())
                    .mapTo(Long.class)
                    .one();
            Audit.record(h, null, "saved staff account (" + role.dbValue() + ")", "user", id, email);
            return id;
        });
    }
}
