package broadsheet.accounts;

import broadsheet.db.DbValue;
import broadsheet.web.Tokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * One-time links sent by email, in the {@code tokens} table. Only a hash is stored; a token works
 * once, before it expires. Every method runs inside the caller's transaction.
 */
final class TokenDao {
    private TokenDao() {}

    /** What a link is for, and how long it works. */
    enum Purpose implements DbValue {
        CONFIRM_EMAIL(Duration.ofHours(48)),
        RESET_PASSWORD(Duration.ofHours(1)),
        CHANGE_EMAIL(Duration.ofHours(24));

        final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }
    }

    record Claimed(long userId, String newEmail) {}

    static String issue(Handle h, long userId, Purpose purpose, String newEmail) {
        String token = Tokens.random();
        // a new link replaces older unused ones of the same kind
        h.createUpdate("delete from tokens where user_id = :u and purpose = :p and used_at is null")
                .bind("u", userId)
                .bind("p", purpose)
                .execute();
        h.createUpdate("insert into tokens (hash, user_id, purpose, new_email, expires_at) values (:h, :u, :p, :e, :x)")
                .bind("h", Tokens.sha256(token))
                .bind("u", userId)
                .bind("p", purpose)
                .bind("e", newEmail)
                .bind("x", Timestamp.from(Instant.now().plus(purpose.lifetime)))
                .execute();
        return token;
    }

    /** Marks the token used and says whose it was; empty if unknown, used or expired. */
    static Optional<Claimed> claim(Handle h, String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) return Optional.empty();
        return h.createQuery("""
                update tokens set used_at = now()
                 where hash = :h and purpose = :p and used_at is null and expires_at > now()
                returning user_id, new_email""")
                .bind("h", Tokens.sha256(token))
                .bind("p", purpose)
                .map((rs, ctx) -> new Claimed(rs.getLong("user_id"), rs.getString("new_email")))
                .findOne();
    }

    static boolean usable(Handle h, String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) return false;
        return h.createQuery(
                        "select 1 from tokens where hash = :h and purpose = :p and used_at is null and expires_at > now()")
                .bind("h", Tokens.sha256(token))
                .bind("p", purpose)
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }
}
