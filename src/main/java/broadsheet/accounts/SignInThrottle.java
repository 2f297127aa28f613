package broadsheet.accounts;

import org.jdbi.v3.core.Jdbi;

/**
 * Slows password guessing: after 5 failures for one account, or 20 from one address, within
 * 15 minutes, further attempts are refused until the window passes. Shared by all app nodes.
 */
final class SignInThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final String WINDOW = "15 minutes";

    private final Jdbi jdbi;

    SignInThrottle(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    boolean allowed(String email, String address) {
        return jdbi.withHandle(h -> {
            int account = h.createQuery(
                            "select count(*) from sign_in_failures where key = :k and at > now() - interval '" + WINDOW
                                    + "'")
                    .bind("k", "account:" + email)
                    .mapTo(Integer.class)
                    .one();
            int ip = h.createQuery("select count(*) from sign_in_failures where key = :k and at > now() - interval '"
                            + WINDOW + "'")
                    .bind("k", "address:" + address)
                    .mapTo(Integer.class)
                    .one();
            return account < PER_ACCOUNT && ip < PER_ADDRESS;
        });
    }

    void failed(String email, String address) {
        jdbi.useHandle(h -> {
            h.execute("insert into sign_in_failures (key) values (?), (?)", "account:" + email, "address:" + address);
            h.execute("delete from sign_in_failures where at < now() - interval '1 day'");
        });
    }

    void succeeded(String email) {
        jdbi.useHandle(h -> h.execute("delete from sign_in_failures where key = ?", "account:" + email));
    }
}
