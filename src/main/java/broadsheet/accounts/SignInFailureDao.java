package broadsheet.accounts;

import org.jdbi.v3.core.Jdbi;

/** The SQL of failed sign-ins ({@code sign_in_failures}), counted per key ("account:..." or "address:..."). */
public final class SignInFailureDao {

    private final Jdbi jdbi;

    public SignInFailureDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Failures recorded under the key within the last {@code minutes}. */
    int recent(String key, int minutes) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from sign_in_failures where key = :k and at > now() - make_interval(mins => :m)")
                .bind("k", key)
                .bind("m", minutes)
                .mapTo(Integer.class)
                .one());
    }

    /** Records one failure under each key, and forgets failures older than a day. */
    void add(String... keys) {
        jdbi.useTransaction(h -> {
            for (String k : keys) {
                h.createUpdate("insert into sign_in_failures (key) values (:k)")
                        .bind("k", k)
                        .execute();
            }
            h.createUpdate("delete from sign_in_failures where at < now() - interval '1 day'")
                    .execute();
        });
    }

    void clear(String key) {
        jdbi.useHandle(h -> h.createUpdate("delete from sign_in_failures where key = :k")
                .bind("k", key)
                .execute());
    }
}
