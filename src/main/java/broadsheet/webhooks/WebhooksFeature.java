package broadsheet.webhooks;

import broadsheet.Core;
import java.time.Clock;

/**
 * Webhooks: endpoints registered in the newsroom, events written to an outbox by triggers in the changing
 * transaction (V26), and the delivery job that signs and sends them from every node.
 */
public record WebhooksFeature(
        WebhookDesk desk, DeliveryJob job, Deliverer deliverer, WebhookHousekeeping housekeeping) {

    public static WebhooksFeature create(Core core) {
        WebhookDao dao = new WebhookDao(core.jdbi());
        AddressGuard guard = new AddressGuard(core.config().webhookAllowHosts());
        Deliverer deliverer = new Deliverer(guard);
        DeliveryJob job = new DeliveryJob(
                dao, core.jdbi(), deliverer, new Payloads(core.site()), core.mailer(), core.site(), Clock.systemUTC());
        Webhooks webhooks = new Webhooks(core.jdbi(), dao, guard, Clock.systemUTC(), job::wake);
        return new WebhooksFeature(
                new WebhookDesk(core.desk(), webhooks),
                job,
                deliverer,
                new WebhookHousekeeping(dao, Clock.systemUTC()));
    }

    /** Starts delivering; close what it returns to stop. */
    public AutoCloseable startJobs() {
        DeliveryJob delivering = job.start();
        WebhookHousekeeping pruning = housekeeping.start();
        return () -> {
            try (pruning) {
                delivering.close();
            }
        };
    }
}
