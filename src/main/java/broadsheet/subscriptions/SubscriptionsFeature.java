package broadsheet.subscriptions;

import broadsheet.Core;
import broadsheet.newsroom.subscriptions.SubscriptionAdmin;
import broadsheet.newsroom.subscriptions.SubscriptionDesk;
import java.util.Optional;

/** Plans, Stripe Checkout and its webhook, the reader's own subscription, and the subscriptions desk. */
public record SubscriptionsFeature(ReaderSubscriptions readers, SubscribePages pages, SubscriptionDesk desk) {

    public static SubscriptionsFeature create(Core core) {
        StripeConfig stripe = core.config().stripe();
        Optional<StripeApi> api = stripe.payments() ? Optional.of(new StripeApi(stripe)) : Optional.empty();
        Optional<StripeEvents> events = stripe.webhooks()
                ? Optional.of(new StripeEvents(core.jdbi(), stripe.webhookSecret(), new Duplicates(core.jdbi(), api)))
                : Optional.empty();
        PlanDao plans = new PlanDao(core.jdbi());
        ReaderSubscriptions readers = new ReaderSubscriptions(core.jdbi(), api);
        return new SubscriptionsFeature(
                readers,
                new SubscribePages(
                        core.settings(),
                        plans,
                        readers,
                        api.map(a -> new Checkouts(core.jdbi(), a)),
                        events,
                        core.sessions(),
                        core.csrf(),
                        core.chrome(),
                        core.views()),
                new SubscriptionDesk(core.desk(), new SubscriptionAdmin(core.jdbi()), plans));
    }
}
