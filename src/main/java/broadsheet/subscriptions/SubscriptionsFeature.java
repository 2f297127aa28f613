package broadsheet.subscriptions;

import broadsheet.Core;
import broadsheet.newsroom.subscriptions.SubscriptionAdmin;
import broadsheet.newsroom.subscriptions.SubscriptionDesk;

/** Plans, Stripe Checkout and its webhook, the reader's own subscription, and the subscriptions desk. */
public record SubscriptionsFeature(ReaderSubscriptions readers, SubscribePages pages, SubscriptionDesk desk) {

    public static SubscriptionsFeature create(Core core) {
        StripeConfig stripe = core.config().stripe();
        StripeApi api = stripe.payments() ? new StripeApi(stripe) : null;
        StripeEvents events = stripe.webhooks() ? new StripeEvents(core.jdbi(), stripe.webhookSecret()) : null;
        Plans plans = new Plans(core.jdbi());
        ReaderSubscriptions readers = new ReaderSubscriptions(core.jdbi(), api);
        return new SubscriptionsFeature(
                readers,
                new SubscribePages(
                        core.jdbi(),
                        plans,
                        readers,
                        api,
                        events,
                        core.sessions(),
                        core.csrf(),
                        core.chrome(),
                        core.views()),
                new SubscriptionDesk(core.desk(), new SubscriptionAdmin(core.jdbi()), plans));
    }
}
