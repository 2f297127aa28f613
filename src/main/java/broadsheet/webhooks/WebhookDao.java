package broadsheet.webhooks;

import broadsheet.db.DbValue;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The webhooks' SQL: endpoints, the delivery outbox and its claims, and the delivery log. */
public final class WebhookDao {

    /** A delivery claimed for one attempt, with what it takes to make it. */
    public record Claimed(
            long id,
            long endpointId,
            String url,
            String secret,
            String msgId,
            WebhookEvent type,
            String data,
            Instant eventAt,
            int attempts) {}

    private final Jdbi jdbi;

    public WebhookDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long create(
            Handle h, String url, String description, List<WebhookEvent> events, String secret, Long createdBy) {
        return h.createUpdate("""
                        insert into webhook_endpoints (url, description, events, secret, created_by)
                        values (:url, :description, :events, :secret, :createdBy)""")
                .bind("url", url)
                .bind("description", description)
                .bind("events", events.stream().map(DbValue::dbValue).toArray(String[]::new))
                .bind("secret", secret)
                .bind("createdBy", createdBy)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    private static final String ENDPOINTS = """
            select e.id, e.url, e.description, e.events, e.enabled, e.disabled_reason, e.failing_since, e.created_at,
                   (select count(*) from webhook_deliveries d where d.endpoint_id = e.id and d.status = 'pending') as pending,
                   (select count(*) from webhook_deliveries d where d.endpoint_id = e.id and d.status = 'failed') as failed
              from webhook_endpoints e""";

    public List<Endpoint> endpoints() {
        return jdbi.withHandle(h -> h.createQuery(ENDPOINTS + " order by e.id")
                .map((rs, ctx) -> endpoint(rs))
                .list());
    }

    public Optional<Endpoint> endpoint(long id) {
        return jdbi.withHandle(h -> h.createQuery(ENDPOINTS + " where e.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> endpoint(rs))
                .findOne());
    }

    public boolean delete(Handle h, long id) {
        return h.createUpdate("delete from webhook_endpoints where id = :id")
                        .bind("id", id)
                        .execute()
                > 0;
    }

    /** Turns a disabled endpoint on again, its failures forgotten; its pending deliveries are tried again now. */
    public boolean enable(Handle h, long id, Instant now) {
        h.createUpdate("""
                    update webhook_deliveries set next_attempt_at = :now
                     where endpoint_id = :id and status = 'pending'""").bind("id", id).bind("now", now).execute();
        return h.createUpdate("""
                            update webhook_endpoints set enabled = true, disabled_reason = null, failing_since = null
                             where id = :id""").bind("id", id).execute() > 0;
    }

    /** The endpoint's deliveries, newest first. */
    public List<LogEntry> log(long endpointId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select d.id, ev.msg_id, ev.type, d.status, d.attempts, d.response_code, d.last_error,
                               ev.created_at as event_at, d.last_attempt_at, d.next_attempt_at, d.delivered_at
                          from webhook_deliveries d join webhook_events ev on ev.id = d.event_id
                         where d.endpoint_id = :e
                         order by d.id desc limit :limit""")
                .bind("e", endpointId)
                .bind("limit", limit)
                .map((rs, ctx) -> new LogEntry(
                        rs.getLong("id"),
                        rs.getString("msg_id"),
                        DbValue.of(WebhookEvent.class, rs.getString("type")),
                        DbValue.of(DeliveryStatus.class, rs.getString("status")),
                        rs.getInt("attempts"),
                        (Integer) rs.getObject("response_code"),
                        rs.getString("last_error"),
                        instant(rs, "event_at"),
                        instant(rs, "last_attempt_at"),
                        rs.getString("status").equals("pending") ? instant(rs, "next_attempt_at") : null,
                        instant(rs, "delivered_at")))
                .list());
    }

    /** Makes a delivery of this endpoint due now (a failed one pending again); false if there is none such. */
    public boolean retryNow(long endpointId, long deliveryId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                                update webhook_deliveries set status = 'pending', next_attempt_at = :now
                                 where id = :d and endpoint_id = :e and status <> 'delivered'""")
                        .bind("d", deliveryId)
                        .bind("e", endpointId)
                        .bind("now", now)
                        .execute())
                > 0;
    }

    /**
     * Claims up to {@code limit} due deliveries of enabled endpoints: each gets its attempt counted and its next
     * attempt moved to {@code leaseUntil}, so no other node takes it while this one tries (SKIP LOCKED), and a
     * node that dies mid-attempt leaves it to be tried again when the lease lapses.
     */
    public List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbi.inTransaction(h -> h.createQuery("""
                        with due as (
                            select d.id from webhook_deliveries d
                              join webhook_endpoints e on e.id = d.endpoint_id and e.enabled
                             where d.status = 'pending' and d.next_attempt_at <= :now
                             order by d.next_attempt_at, d.id
                             limit :limit
                               for update of d skip locked),
                        claimed as (
                            update webhook_deliveries d
                               set attempts = d.attempts + 1, last_attempt_at = :now, next_attempt_at = :lease
                              from due where d.id = due.id
                            returning d.id, d.endpoint_id, d.event_id, d.attempts)
                        select c.id, c.endpoint_id, e.url, e.secret, ev.msg_id, ev.type, ev.data::text as data,
                               ev.created_at as event_at, c.attempts
                          from claimed c
                          join webhook_endpoints e on e.id = c.endpoint_id
                          join webhook_events ev on ev.id = c.event_id
                         order by c.id""")
                .bind("now", now)
                .bind("lease", leaseUntil)
                .bind("limit", limit)
                .map((rs, ctx) -> new Claimed(
                        rs.getLong("id"),
                        rs.getLong("endpoint_id"),
                        rs.getString("url"),
                        rs.getString("secret"),
                        rs.getString("msg_id"),
                        DbValue.of(WebhookEvent.class, rs.getString("type")),
                        rs.getString("data"),
                        instant(rs, "event_at"),
                        rs.getInt("attempts")))
                .list());
    }

    /** Records a 2xx answer; the endpoint works again. */
    public void delivered(Handle h, Claimed c, int code, Instant now) {
        h.createUpdate("""
                update webhook_deliveries set status = 'delivered', response_code = :code, last_error = null,
                       delivered_at = :now
                 where id = :id""")
                .bind("id", c.id())
                .bind("code", code)
                .bind("now", now)
                .execute();
        h.createUpdate("update webhook_endpoints set failing_since = null where id = :e and failing_since is not null")
                .bind("e", c.endpointId())
                .execute();
    }

    /** Records a failed attempt: tried again at {@code next}, or given up on when {@code next} is empty. */
    public void failed(Handle h, Claimed c, int code, String error, Optional<Instant> next, Instant now) {
        h.createUpdate("""
                update webhook_deliveries
                   set status = :status, response_code = :code, last_error = :error,
                       next_attempt_at = coalesce(:next, next_attempt_at)
                 where id = :id""")
                .bind("id", c.id())
                .bind("status", next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED)
                .bind("code", code == 0 ? null : code)
                .bind("error", error.length() > 500 ? error.substring(0, 500) : error)
                .bind("next", next.orElse(null))
                .execute();
        h.createUpdate("update webhook_endpoints set failing_since = :now where id = :e and failing_since is null")
                .bind("e", c.endpointId())
                .bind("now", now)
                .execute();
    }

    /**
     * Disables the endpoint if it has failed since {@code cutoff} or earlier without a success, once; returns
     * the addresses of the admins to tell (the one who registered it, or every admin if they are gone).
     */
    public List<String> disableIfFailingSince(Handle h, long endpointId, Instant cutoff, String reason) {
        Optional<Long> createdBy = h.createQuery("""
                        update webhook_endpoints set enabled = false, disabled_reason = :reason
                         where id = :e and enabled and failing_since <= :cutoff
                        returning coalesce(created_by, 0) as created_by""")
                .bind("e", endpointId)
                .bind("cutoff", cutoff)
                .bind("reason", reason)
                .mapTo(Long.class)
                .findOne();
        if (createdBy.isEmpty()) return List.of();
        List<String> owner = h.createQuery("select email from users where id = :u and role = 'admin'")
                .bind("u", createdBy.get())
                .mapTo(String.class)
                .list();
        if (!owner.isEmpty()) return owner;
        return h.createQuery("select email from users where role = 'admin' order by id")
                .mapTo(String.class)
                .list();
    }

    /** Deletes up to {@code batch} of the events made before {@code cutoff}, and their deliveries; how many. */
    public int prune(Instant cutoff, int batch) {
        return jdbi.withHandle(h ->
                h.createUpdate("""
                        delete from webhook_events where id in (
                            select id from webhook_events where created_at < :cutoff order by created_at limit :batch)""").bind("cutoff", cutoff).bind("batch", batch).execute());
    }

    private static Endpoint endpoint(ResultSet rs) throws SQLException {
        Array events = rs.getArray("events");
        List<WebhookEvent> list = Arrays.stream((String[]) events.getArray())
                .map(t -> DbValue.of(WebhookEvent.class, t))
                .toList();
        return new Endpoint(
                rs.getLong("id"),
                rs.getString("url"),
                rs.getString("description"),
                list,
                rs.getBoolean("enabled"),
                rs.getString("disabled_reason"),
                instant(rs, "failing_since"),
                instant(rs, "created_at"),
                rs.getInt("pending"),
                rs.getInt("failed"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
