package broadsheet.subscriptions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The calls the site makes to Stripe: start a Checkout Session for a plan, set whether a subscription
 * ends at its period's end, and cancel and refund a reader's duplicate subscription. Everything else
 * Stripe tells us through webhooks.
 */
public final class StripeApi {

    private final StripeHttp http;

    public StripeApi(StripeConfig config) {
        this.http =
                new StripeHttp(config.secretKey(), config.apiBase(), Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    /** A Checkout Session: its id, the Stripe-hosted page to send the reader to, and when it expires. */
    public record Opened(String id, String url, Instant expires) {}

    /** Checkout Sessions last an hour (Stripe allows 30 minutes to a day): long enough to pay, short for a stale tab. */
    static final long CHECKOUT_SECONDS = 3600;

    /** What the reader paid for a duplicate subscription, refunded. */
    public record Refunded(long cents, String currency) {}

    /**
     * A Checkout Session in subscription mode for one plan, tied to the reader by
     * {@code client_reference_id} and, for the subscription's own events, by its metadata.
     */
    public Opened checkout(Plan plan, long userId, String email, String customerId, String successUrl, String cancelUrl)
            throws StripeException {
        Instant expires = Instant.now().plusSeconds(CHECKOUT_SECONDS);
        String user = Long.toString(userId);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("mode", "subscription");
        f.put("line_items[0][price]", plan.stripePriceId());
        f.put("line_items[0][quantity]", "1");
        f.put("client_reference_id", user);
        f.put("success_url", successUrl);
        f.put("cancel_url", cancelUrl);
        f.put("metadata[user_id]", user);
        f.put("metadata[plan]", plan.slug());
        f.put("expires_at", Long.toString(expires.getEpochSecond()));
        f.put("subscription_data[metadata][user_id]", user);
        f.put("subscription_data[metadata][plan]", plan.slug());
        if (customerId != null && !customerId.isBlank()) f.put("customer", customerId);
        else f.put("customer_email", email);
        JsonNode s = http.post("/v1/checkout/sessions", f, null);
        String id = StripeHttp.text(s, "id");
        String url = StripeHttp.text(s, "url");
        if (id == null || url == null) throw new StripeException("Stripe's Checkout Session has no id or url");
        JsonNode at = s.path("expires_at");
        return new Opened(id, url, at.canConvertToLong() ? Instant.ofEpochSecond(at.asLong()) : expires);
    }

    /** Ends the subscription at once (no more renewals, no proration). */
    public void cancelNow(String subscriptionId) throws StripeException {
        http.delete("/v1/subscriptions/" + pathPart(subscriptionId));
    }

    /**
     * Refunds in full every payment made for the subscription's paid invoices. Each refund carries an
     * idempotency key naming its payment, so settling the same duplicate twice refunds once.
     */
    public Refunded refundAll(String subscriptionId) throws StripeException {
        long cents = 0;
        String currency = null;
        for (JsonNode invoice : http.list("/v1/invoices", Map.of("subscription", subscriptionId, "status", "paid"))) {
            String invoiceId = StripeHttp.text(invoice, "id");
            if (invoiceId == null) continue;
            for (JsonNode payment : http.list("/v1/invoice_payments", Map.of("invoice", invoiceId, "status", "paid"))) {
                String intent = StripeHttp.text(payment.path("payment"), "payment_intent");
                if (intent == null) continue;
                Map<String, String> f = new LinkedHashMap<>();
                f.put("payment_intent", intent);
                f.put("reason", "duplicate");
                JsonNode refund = http.post("/v1/refunds", f, "duplicate-subscription-refund-" + intent);
                cents += refund.path("amount").asLong(0);
                currency = StripeHttp.text(refund, "currency");
            }
        }
        return new Refunded(cents, currency);
    }

    /** Asks Stripe to end (or, with false, to keep) the subscription at the end of its period. */
    public void cancelAtPeriodEnd(String subscriptionId, boolean cancel) throws StripeException {
        http.post(
                "/v1/subscriptions/" + pathPart(subscriptionId),
                Map.of("cancel_at_period_end", Boolean.toString(cancel)),
                null);
    }

    /** Stripe's ids are letters, digits and underscores; anything else is not one of theirs. */
    private static String pathPart(String id) throws StripeException {
        if (id == null || !id.matches("[A-Za-z0-9_]+")) throw new StripeException("not a Stripe id: " + id);
        return id;
    }
}
