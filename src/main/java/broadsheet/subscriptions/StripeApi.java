package broadsheet.subscriptions;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Instant;

/**
 * The calls the site makes to Stripe: start a Checkout Session for a plan, set whether a subscription
 * ends at its period's end, and cancel and refund a reader's duplicate subscription. Everything else
 * Stripe tells us through webhooks.
 */
public final class StripeApi {

    private final StripeClient client;

    public StripeApi(StripeConfig config) {
        StripeClient.StripeClientBuilder b = StripeClient.builder()
                .setApiKey(config.secretKey())
                .setConnectTimeout(10_000)
                .setReadTimeout(20_000);
        if (config.apiBase() != null && !config.apiBase().isBlank()) b.setApiBase(config.apiBase());
        this.client = b.build();
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
        SessionCreateParams.Builder p = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(plan.stripePriceId())
                        .setQuantity(1L)
                        .build())
                .setClientReferenceId(Long.toString(userId))
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .putMetadata("user_id", Long.toString(userId))
                .putMetadata("plan", plan.slug())
                .setExpiresAt(expires.getEpochSecond())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("user_id", Long.toString(userId))
                        .putMetadata("plan", plan.slug())
                        .build());
        if (customerId != null && !customerId.isBlank()) p.setCustomer(customerId);
        else p.setCustomerEmail(email);
        Session s = client.v1().checkout().sessions().create(p.build());
        return new Opened(
                s.getId(), s.getUrl(), s.getExpiresAt() == null ? expires : Instant.ofEpochSecond(s.getExpiresAt()));
    }

    /** Ends the subscription at once (no more renewals, no proration). */
    public void cancelNow(String subscriptionId) throws StripeException {
        client.v1().subscriptions().cancel(subscriptionId);
    }

    /**
     * Refunds in full every payment made for the subscription's paid invoices. Each refund carries an
     * idempotency key naming its payment, so settling the same duplicate twice refunds once.
     */
    public Refunded refundAll(String subscriptionId) throws StripeException {
        long cents = 0;
        String currency = null;
        var invoices = client.v1()
                .invoices()
                .list(InvoiceListParams.builder()
                        .setSubscription(subscriptionId)
                        .setStatus(InvoiceListParams.Status.PAID)
                        .build());
        for (Invoice invoice : invoices.autoPagingIterable()) {
            var payments = client.v1()
                    .invoicePayments()
                    .list(InvoicePaymentListParams.builder()
                            .setInvoice(invoice.getId())
                            .setStatus(InvoicePaymentListParams.Status.PAID)
                            .build());
            for (InvoicePayment payment : payments.autoPagingIterable()) {
                String intent = payment.getPayment() == null
                        ? null
                        : payment.getPayment().getPaymentIntent();
                if (intent == null) continue;
                Refund refund = client.v1()
                        .refunds()
                        .create(
                                RefundCreateParams.builder()
                                        .setPaymentIntent(intent)
                                        .setReason(RefundCreateParams.Reason.DUPLICATE)
                                        .build(),
                                RequestOptions.builder()
                                        .setIdempotencyKey("duplicate-subscription-refund-" + intent)
                                        .build());
                cents += refund.getAmount() == null ? 0 : refund.getAmount();
                currency = refund.getCurrency();
            }
        }
        return new Refunded(cents, currency);
    }

    /** Asks Stripe to end (or, with false, to keep) the subscription at the end of its period. */
    public void cancelAtPeriodEnd(String subscriptionId, boolean cancel) throws StripeException {
        client.v1()
                .subscriptions()
                .update(
                        subscriptionId,
                        SubscriptionUpdateParams.builder()
                                .setCancelAtPeriodEnd(cancel)
                                .build());
    }
}
