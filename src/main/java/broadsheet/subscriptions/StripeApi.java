package broadsheet.subscriptions;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;

/**
 * The two calls the site makes to Stripe: start a Checkout Session for a plan, and set whether a
 * subscription ends at its period's end. Everything else Stripe tells us through webhooks.
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

    /**
     * A Checkout Session in subscription mode for one plan, tied to the reader by
     * {@code client_reference_id} and, for the subscription's own events, by its metadata.
     *
     * @return the Stripe-hosted page to send the reader to
     */
    public String checkout(Plan plan, long userId, String email, String customerId, String successUrl, String cancelUrl)
            throws StripeException {
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
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata("user_id", Long.toString(userId))
                        .putMetadata("plan", plan.slug())
                        .build());
        if (customerId != null && !customerId.isBlank()) p.setCustomer(customerId);
        else p.setCustomerEmail(email);
        Session s = client.v1().checkout().sessions().create(p.build());
        return s.getUrl();
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
