package broadsheet.webhooks;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.db.DbValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The rules for endpoints: what a valid registration is, and every change recorded in the audit log. */
public final class Webhooks {

    /** A new endpoint and its secret, which is shown this once. */
    public record Registered(long id, String secret) {}

    private final Jdbi jdbi;
    private final WebhookDao dao;
    private final AddressGuard guard;
    private final Clock clock;
    private final Runnable wake;

    /** @param wake asks the delivery job for a pass soon (after "retry now" and turning an endpoint on) */
    public Webhooks(Jdbi jdbi, WebhookDao dao, AddressGuard guard, Clock clock, Runnable wake) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.guard = guard;
        this.clock = clock;
        this.wake = wake;
    }

    /**
     * Registers an endpoint; returns the problems (by field) instead when the input is wrong, and then writes
     * nothing.
     */
    public Result create(User admin, String url, String description, List<String> eventNames) {
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) problems.put("url", "Enter the address deliveries go to, starting with https://.");
        else if (u.length() > 2000) problems.put("url", "The address may be at most 2,000 characters long.");
        else {
            try {
                URI uri = new URI(u);
                if (uri.getFragment() != null) problems.put("url", "The address may not hold a # fragment.");
                else guard.check(uri);
            } catch (URISyntaxException e) {
                problems.put("url", "That is not a web address: " + e.getReason() + ".");
            } catch (AddressGuard.Refused e) {
                problems.put("url", e.getMessage());
            }
        }
        String d = description == null ? "" : description.strip();
        if (d.length() > 200) problems.put("description", "The description may be at most 200 characters long.");
        List<WebhookEvent> events = new ArrayList<>();
        for (String name : eventNames) {
            try {
                WebhookEvent e = DbValue.of(WebhookEvent.class, name);
                if (!events.contains(e)) events.add(e);
            } catch (IllegalArgumentException e) {
                problems.put("events", "There is no event called " + name + ".");
            }
        }
        if (events.isEmpty() && !problems.containsKey("events"))
            problems.put("events", "Choose at least one event to send.");
        if (!problems.isEmpty()) return new Result(Optional.empty(), problems);
        String secret = Signature.newSecret();
        long id = jdbi.inTransaction(h -> {
            long created = dao.create(h, u, d, events, secret, admin.id());
            Audit.record(h, admin, "webhook.create", "webhook", created, u);
            return created;
        });
        return new Result(Optional.of(new Registered(id, secret)), problems);
    }

    /** A registration, or the problems with its input by field. */
    public record Result(Optional<Registered> registered, java.util.Map<String, String> problems) {}

    public boolean delete(User admin, long id) {
        return jdbi.inTransaction(h -> {
            boolean gone = dao.delete(h, id);
            if (gone) Audit.record(h, admin, "webhook.delete", "webhook", id, "");
            return gone;
        });
    }

    /** Turns a disabled endpoint on again; its pending deliveries are due at once. */
    public boolean enable(User admin, long id) {
        boolean done = jdbi.inTransaction(h -> {
            boolean on = dao.enable(h, id, clock.instant());
            if (on) Audit.record(h, admin, "webhook.enable", "webhook", id, "");
            return on;
        });
        if (done) wake.run();
        return done;
    }

    /** Makes one delivery due now (a failed one pending again); false if the endpoint has no such delivery. */
    public boolean retryNow(long endpointId, long deliveryId) {
        boolean done = dao.retryNow(endpointId, deliveryId, clock.instant());
        if (done) wake.run();
        return done;
    }

    public List<Endpoint> endpoints() {
        return dao.endpoints();
    }

    public Optional<Endpoint> endpoint(long id) {
        return dao.endpoint(id);
    }

    public List<LogEntry> log(long endpointId, int limit) {
        return dao.log(endpointId, limit);
    }
}
