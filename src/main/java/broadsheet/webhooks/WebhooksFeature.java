package broadsheet.webhooks;

import broadsheet.Core;
import java.time.Clock;

/**
 * Webhooks: endpoints registered in the newsroom, events written to an outbox by triggers in the changing
 * transaction (V26), and the delivery job that signs and sends them from every node.
 */
public record WebhooksFeature(WebhookDesk desk, DeliveryJob job) {

    public static WebhooksFeature create(Core core) {
        WebhookDao dao = new WebhookDao(core.jdbi());
        AddressGuard guard = new AddressGuard(core.config().webhookAllowHosts());
        DeliveryJob job = new DeliveryJob(
                dao,
                core.jdbi(),
                new Deliverer(guard),
                new Payloads(core.site()),
                core.mailer(),
                core.site(),
                Clock.systemUTC());
        Webhooks webhooks = new Webhooks(core.jdbi(), dao, guard, Clock.systemUTC(), job::wake);
        return new WebhooksFeature(new WebhookDesk(core.desk(), webhooks), job);
    }

    /** Starts delivering; close what it returns to stop. */
    public AutoCloseable startJobs() {
        return job.start();
    }
}
