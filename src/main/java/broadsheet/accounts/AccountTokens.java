package broadsheet.accounts;

import broadsheet.web.Tokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** One-time links sent by email. Only a hash is stored; a token works once, before it expires. */
final class AccountTokens {
    private AccountTokens() {}

    enum Purpose {
        CONFIRM_EMAIL(Duration.ofHours(48)),
        RESET_PASSWORD(Duration.ofHours(1)),
        CHANGE_EMAIL(Duration.ofHours(24));

        final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }

        String db() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Claimed(long userId, String newEmail) {}

    static String issue(Handle h, long userId, Purpose purpose, String newEmail) {
        String token = Tokens.random();
        // a new link replaces older unused ones of the same kind
        h.execute("delete from tokens where user_id = ? and purpose = ? and used_at is null", userId, purpose.db());
        h.createUpdate("insert into tokens (hash, user_id, purpose, new_email, expires_at) values (:h, :u, :p, :e, :x)")
                .bind("h", Tokens.sha256(token))
                .bind("u", userId)
                .bind("p", purpose.db())
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
                .bind("p", purpose.db())
                .map((rs, ctx) -> new Claimed(rs.getLong(1), rs.getString(2)))
                .findOne();
    }

    static boolean usable(Handle h, String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) return false;
        return h.createQuery(
                        "select 1 from tokens where hash = :h and purpose = :p and used_at is null and expires_at > now()")
                .bind("h", Tokens.sha256(token))
                .bind("p", purpose.db())
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }
}
