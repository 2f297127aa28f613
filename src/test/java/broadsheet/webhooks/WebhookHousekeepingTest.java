package broadsheet.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outbox keeps 30 days: older events go with their deliveries, whatever became of them. */
class WebhookHousekeepingTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static long event(Jdbi jdbi, String age) {
        return jdbi.withHandle(
                h -> h.createQuery("""
                        insert into webhook_events (type, data, created_at)
                        values ('article.published', '{}', now() - cast(:age as interval)) returning id""").bind("age", age).mapTo(Long.class).one());
    }

    static void delivery(Jdbi jdbi, long event, long endpoint, String status) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into webhook_deliveries (event_id, endpoint_id, status, attempts, delivered_at)
                        values (:ev, :en, :s, 1, case when :s = 'delivered' then now() end)""")
                .bind("ev", event)
                .bind("en", endpoint)
                .bind("s", status)
                .execute());
    }

    @Test
    void eventsOlderThan30DaysGoWithTheirDeliveriesAndNewerOnesStay() {
        Jdbi jdbi = app.get().fixtures.jdbi();
        long endpoint =
                jdbi.withHandle(h -> h.createQuery("""
                        insert into webhook_endpoints (url, events, secret)
                        values ('https://hooks.example/in', array['article.published'], 'whsec_dGVzdA==') returning id""").mapTo(Long.class).one());
        long delivered = event(jdbi, "40 days");
        delivery(jdbi, delivered, endpoint, "delivered");
        long givenUp = event(jdbi, "31 days");
        delivery(jdbi, givenUp, endpoint, "failed");
        long stuck = event(jdbi, "35 days"); // its endpoint stayed disabled: still pending
        delivery(jdbi, stuck, endpoint, "pending");
        long unsent = event(jdbi, "60 days"); // no endpoint wanted it
        long recent = event(jdbi, "29 days");
        delivery(jdbi, recent, endpoint, "delivered");
        long today = event(jdbi, "1 minute");
        delivery(jdbi, today, endpoint, "pending");

        WebhookHousekeeping sweep = new WebhookHousekeeping(new WebhookDao(jdbi), Clock.systemUTC());
        assertThat(sweep.runOnce()).isEqualTo(4);

        List<Long> events = jdbi.withHandle(h -> h.createQuery("select id from webhook_events order by id")
                .mapTo(Long.class)
                .list());
        assertThat(events).doesNotContain(delivered, givenUp, stuck, unsent).contains(recent, today);
        List<Long> deliveries =
                jdbi.withHandle(h -> h.createQuery("select event_id from webhook_deliveries order by id")
                        .mapTo(Long.class)
                        .list());
        assertThat(deliveries).containsExactly(recent, today);
        assertThat(new WebhookDao(jdbi).log(endpoint, 10)).hasSize(2);
        assertThat(sweep.runOnce()).as("nothing left to prune").isZero();
    }
}
