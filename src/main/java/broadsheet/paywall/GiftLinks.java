package broadsheet.paywall;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.subscriptions.Subscriptions;
import broadsheet.web.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Gift links: a subscriber gives one article to whoever holds the link, until it expires, up to a
 * number of links per calendar month (in the paper's time zone). The token is our signature of
 * giver, article and the form's one-time value, so the same form sent twice gives the same link and
 * counts once; only its SHA-256 is stored.
 */
public final class GiftLinks {

    public static final Duration LIFETIME = Duration.ofDays(30);
    static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    public sealed interface Outcome permits Made, LimitReached, NotSubscriber, NoArticle {}

    /** @param left links the giver may still make this month */
    public record Made(String token, Instant expires, int left) implements Outcome {}

    public record LimitReached(int limit) implements Outcome {}

    public record NotSubscriber() implements Outcome {}

    public record NoArticle() implements Outcome {}

    public enum Check {
        VALID,
        EXPIRED,
        UNKNOWN
    }

    private final Jdbi jdbi;
    private final Signer signer;

    public GiftLinks(Jdbi jdbi, Signer signer) {
        this.jdbi = jdbi;
        this.signer = signer;
    }

    public Outcome make(User giver, long articleId, String nonce, int perMonth, ZoneId zone) {
        return jdbi.inTransaction(h -> {
            if (!GiftLinkDao.published(h, articleId)) return new NoArticle();
            GiftLinkDao.lockGiver(h, giver.id());
            if (!Subscriptions.isSubscriber(h, giver.id())) return new NotSubscriber();
            String token = signer.sign("gift:" + giver.id() + ":" + articleId + ":" + nonce);
            String hash = Tokens.sha256(token);
            Optional<Instant> existing = GiftLinkDao.expiryOf(h, hash);
            int used = GiftLinkDao.madeThisMonth(h, giver.id(), zone);
            if (existing.isPresent()) return new Made(token, existing.get(), Math.max(0, perMonth - used));
            if (used >= perMonth) return new LimitReached(perMonth);
            Instant expires = Instant.now().plus(LIFETIME).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            long id = GiftLinkDao.insert(h, hash, articleId, giver.id(), expires);
            Audit.record(
                    h, giver, "made a gift link", "article", articleId, "gift link " + id + ", valid until " + expires);
            return new Made(token, expires, Math.max(0, perMonth - used - 1));
        });
    }

    /** Whether the token opens this article now. */
    public Check check(String token, long articleId) {
        if (token == null || !TOKEN.matcher(token).matches()) return Check.UNKNOWN;
        return jdbi.withHandle(h -> GiftLinkDao.live(h, Tokens.sha256(token), articleId))
                .map(live -> live ? Check.VALID : Check.EXPIRED)
                .orElse(Check.UNKNOWN);
    }

    public int usedThisMonth(long userId, ZoneId zone) {
        return jdbi.withHandle(h -> GiftLinkDao.madeThisMonth(h, userId, zone));
    }
}
