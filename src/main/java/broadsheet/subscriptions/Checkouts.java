package broadsheet.subscriptions;

import broadsheet.accounts.User;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Starting Stripe Checkout, at most one session per reader: two tabs (or two quick clicks) cannot open
 * two payment pages that could each be paid, so one reader cannot start two Stripe subscriptions here.
 *
 * <p>The reader's row in {@code stripe_checkouts} is claimed, in a transaction that also locks their
 * subscription, before Stripe is called; a second request finds the claim and is sent to the session's
 * page once it is open, or told that it is being opened elsewhere. The session lasts an hour
 * ({@link StripeApi#CHECKOUT_SECONDS}); completing it hands the guarding over to the subscription row.
 */
public final class Checkouts {

    /** How long a claim lasts while Stripe is being asked (longer than the Stripe client's timeouts). */
    static final long CLAIM_SECONDS = 60;

    public enum Outcome {
        /** Send the reader to {@link Started#url}: a new session, or the one already open. */
        GO,
        ALREADY_SUBSCRIBED,
        WAITING_FOR_PAYMENT,
        OPENING_ELSEWHERE
    }

    public record Started(Outcome outcome, String url) {}

    private final Jdbi jdbi;
    private final StripeApi stripe;

    public Checkouts(Jdbi jdbi, StripeApi stripe) {
        this.jdbi = jdbi;
        this.stripe = stripe;
    }

    public Started start(Plan plan, User user, String successUrl, String cancelUrl) throws StripeException {
        record Claim(Started refused, String customer) {}
        Claim claim = jdbi.inTransaction(h -> {
            Optional<Subscription> s = Subscription.lockForUser(h, user.id());
            if (s.isPresent() && s.get().givesAccess(Instant.now()))
                return new Claim(new Started(Outcome.ALREADY_SUBSCRIBED, null), null);
            if (s.isPresent() && s.get().waitingForPayment())
                return new Claim(new Started(Outcome.WAITING_FOR_PAYMENT, null), null);
            if (!CheckoutDao.claim(h, user.id(), Instant.now().plusSeconds(CLAIM_SECONDS))) {
                String open = CheckoutDao.open(h, user.id())
                        .map(CheckoutDao.Open::url)
                        .orElse(null);
                return new Claim(
                        open == null ? new Started(Outcome.OPENING_ELSEWHERE, null) : new Started(Outcome.GO, open),
                        null);
            }
            return new Claim(null, s.map(Subscription::stripeCustomerId).orElse(null));
        });
        if (claim.refused() != null) return claim.refused();
        StripeApi.Opened opened;
        try {
            opened = stripe.checkout(plan, user.id(), user.email(), claim.customer(), successUrl, cancelUrl);
        } catch (StripeException | RuntimeException e) {
            jdbi.useHandle(h -> CheckoutDao.giveUp(h, user.id()));
            throw e;
        }
        jdbi.useHandle(h -> CheckoutDao.opened(h, user.id(), opened.id(), opened.url(), opened.expires()));
        return new Started(Outcome.GO, opened.url());
    }
}
