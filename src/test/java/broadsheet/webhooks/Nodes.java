package broadsheet.webhooks;

import broadsheet.mail.MailConfig;
import broadsheet.mail.MailTransport;
import broadsheet.mail.TransportMailer;
import broadsheet.web.Site;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** Delivery jobs as a node builds them, over a test's database, with the test's clock and allowed hosts. */
final class Nodes {
    static final Supplier<Site> SITE =
            () -> new Site("The Ledger", "", "http://news.example", ZoneId.of("Europe/London"), "en");

    private Nodes() {}

    static DeliveryJob job(Jdbi jdbi, Clock clock, MailConfig mail, Path mailDir, String... allowedHosts) {
        return new DeliveryJob(
                new WebhookDao(jdbi),
                jdbi,
                new Deliverer(new AddressGuard(List.of(allowedHosts))),
                new Payloads(SITE),
                new TransportMailer(MailTransport.from(mail, mailDir), mail.from()),
                SITE,
                clock);
    }
}
