package broadsheet.subscriptions;

import java.util.Map;

/**
 * Stripe settings from the environment: STRIPE_SECRET_KEY (none means online payment is off),
 * STRIPE_WEBHOOK_SECRET (the endpoint's signing secret, whsec_...), STRIPE_API_BASE (only to point
 * the client somewhere other than https://api.stripe.com, as tests do).
 */
public record StripeConfig(String secretKey, String webhookSecret, String apiBase) {

    public static StripeConfig fromEnv(Map<String, String> env) {
        return new StripeConfig(
                env.getOrDefault("STRIPE_SECRET_KEY", "").strip(),
                env.getOrDefault("STRIPE_WEBHOOK_SECRET", "").strip(),
                env.getOrDefault("STRIPE_API_BASE", "").strip());
    }

    public static StripeConfig none() {
        return new StripeConfig("", "", "");
    }

    /** True when readers can pay online. */
    public boolean payments() {
        return secretKey != null && !secretKey.isBlank();
    }

    /** True when the webhook endpoint can check signatures. */
    public boolean webhooks() {
        return webhookSecret != null && !webhookSecret.isBlank();
    }

    @Override
    public String toString() {
        return "StripeConfig[payments=" + payments() + ", webhooks=" + webhooks() + ", apiBase=" + apiBase + "]";
    }
}
