package broadsheet.newsletters;

import broadsheet.subscriptions.Subscriptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The newsletter outbox's SQL: filling it when an issue starts, claiming recipients for a batch,
 * marking how each one went, and closing issues with nobody left to send to. Every method works in
 * the caller's transaction.
 */
final class OutboxDao {
    private OutboxDao() {}

    /** A recipient claimed for sending, with the Message-ID every copy of its message carries. */
    record Claimed(long id, long issueId, Long subscriberId, String email, String messageId) {}

    /** A row that could be claimed; {@code skip} says why it must not be sent (suppressed, left the list), or null. */
    record Candidate(long id, String skip) {}

    /** Scheduled issues whose time has come, locked for starting. */
    static List<Long> dueIssues(Handle h) {
        return h.createQuery("""
                select id from newsletter_issues where status = :scheduled and send_at <= now()
                 order by send_at for update skip locked""")
                .bind("scheduled", IssueStatus.SCHEDULED)
                .mapTo(Long.class)
                .list();
    }

    /** The audience of the issue's newsletter: "everyone" or "subscribers". */
    static String audience(Handle h, long issueId) {
        return h.createQuery("""
                select n.audience from newsletter_issues i join newsletters n on n.id = i.newsletter_id where i.id = :i""").bind("i", issueId).mapTo(String.class).one();
    }

    /**
     * One row per active subscriber of the issue's newsletter, 'suppressed' with the reason for an
     * address on the suppression list; with {@code subscribersOnly}, only accounts that subscribe now.
     */
    static int addRecipients(Handle h, long issueId, boolean subscribersOnly) {
        String onlySubscribers = subscribersOnly
                // the alias is not "s": activeFor's own subquery names subscriptions "s"
                ? " and ns.user_id is not null and " + Subscriptions.activeFor("ns.user_id")
                : "";
        return h.createUpdate("""
                insert into newsletter_outbox (issue_id, subscriber_id, email, state, error)
                select i.id, ns.id, ns.email, case when ms.email is null then :pending else :suppressed end, ms.reason
                  from newsletter_issues i
                  join newsletter_subscribers ns on ns.newsletter_id = i.newsletter_id and ns.status = 'active'
                  left join mail_suppressions ms on ms.email = ns.email
                 where i.id = :i""" + onlySubscribers + """

                 order by ns.id
                on conflict (issue_id, email) do nothing""")
                .bind("i", issueId)
                .bind("pending", OutboxState.PENDING)
                .bind("suppressed", OutboxState.SUPPRESSED)
                .execute();
    }

    static void markIssueSending(Handle h, long issueId) {
        h.createUpdate("""
                update newsletter_issues set status = :sending, started_at = now(), updated_at = now(), version = version + 1
                 where id = :id""")
                .bind("sending", IssueStatus.SENDING)
                .bind("id", issueId)
                .execute();
    }

    /** Up to {@code n} rows waiting, or claimed longer than {@code lease} ago, locked, oldest first. */
    static List<Candidate> candidates(Handle h, int n, Duration lease) {
        return h.createQuery("""
                select o.id,
                       case when ms.email is not null then ms.reason
                            when s.status is distinct from 'active' then 'left the list' end as skip
                  from newsletter_outbox o
                  left join mail_suppressions ms on ms.email = o.email
                  left join newsletter_subscribers s on s.id = o.subscriber_id
                 where o.state in (:pending, :sending)
                   and (o.state = :pending
                        or coalesce(o.lease_until, o.claimed_at + make_interval(secs => :lease)) < now())
                 order by o.id
                 for update of o skip locked
                 limit :n""")
                .bind("pending", OutboxState.PENDING)
                .bind("sending", OutboxState.SENDING)
                .bind("lease", lease.toSeconds())
                .bind("n", n)
                .map((rs, ctx) -> new Candidate(rs.getLong("id"), rs.getString("skip")))
                .list();
    }

    static void suppress(Handle h, long id, String reason) {
        h.createUpdate("update newsletter_outbox set state = :suppressed, error = :reason where id = :id")
                .bind("suppressed", OutboxState.SUPPRESSED)
                .bind("reason", reason)
                .bind("id", id)
                .execute();
    }

    /**
     * Marks the rows 'sending', held by {@code token} for {@code lease}, counting the attempt and fixing each
     * one's Message-ID.
     */
    static List<Claimed> claim(Handle h, List<Long> ids, String domain, UUID token, Duration lease) {
        return h.createQuery("""
                update newsletter_outbox set state = :sending, claimed_at = now(), attempts = attempts + 1,
                       claim_token = :token, lease_until = now() + make_interval(secs => :lease),
                       message_id = coalesce(message_id,
                           '<nl.' || issue_id || '.' || id || '.' || substr(md5(random()::text), 1, 12) || '@' || :domain || '>')
                 where id = any(:ids)
                returning id, issue_id, subscriber_id, email, message_id""")
                .bind("sending", OutboxState.SENDING)
                .bind("domain", domain)
                .bind("token", token)
                .bind("lease", lease.toMillis() / 1000.0)
                .bind("ids", ids.toArray(Long[]::new))
                .map((rs, ctx) -> new Claimed(
                        rs.getLong("id"),
                        rs.getLong("issue_id"),
                        (Long) rs.getObject("subscriber_id"),
                        rs.getString("email"),
                        rs.getString("message_id")))
                .list();
    }

    /**
     * Extends the lease of the rows {@code token} still holds (still 'sending' under it); returns their ids.
     * A row another node took over after the lease lapsed is not among them.
     */
    static List<Long> renew(Handle h, UUID token, Duration lease) {
        return h.createQuery("""
                update newsletter_outbox set lease_until = now() + make_interval(secs => :lease)
                 where claim_token = :token and state = :sending returning id""")
                .bind("lease", lease.toMillis() / 1000.0)
                .bind("token", token)
                .bind("sending", OutboxState.SENDING)
                .mapTo(Long.class)
                .list();
    }

    static void markSent(Handle h, UUID token, List<Long> ids) {
        if (ids.isEmpty()) return;
        h.createUpdate("""
                update newsletter_outbox set state = :sent, sent_at = now(), error = null
                 where id = any(:ids) and state = :sending and claim_token = :token""")
                .bind("sent", OutboxState.SENT)
                .bind("sending", OutboxState.SENDING)
                .bind("token", token)
                .bind("ids", ids.toArray(Long[]::new))
                .execute();
    }

    static void markFailed(Handle h, UUID token, Map<Long, String> errors) {
        for (var f : errors.entrySet()) {
            h.createUpdate("""
                            update newsletter_outbox set state = :failed, error = :e
                             where id = :id and state = :sending and claim_token = :token""")
                    .bind("failed", OutboxState.FAILED)
                    .bind("sending", OutboxState.SENDING)
                    .bind("token", token)
                    .bind("e", f.getValue())
                    .bind("id", f.getKey())
                    .execute();
        }
    }

    /** Back to 'pending' for another pass, or 'failed' once a row has had {@code maxAttempts}. */
    static void markRetry(Handle h, UUID token, List<Long> ids, String reason, int maxAttempts) {
        if (ids.isEmpty()) return;
        h.createUpdate("""
                update newsletter_outbox set state = case when attempts >= :max then :failed else :pending end, error = :e
                 where id = any(:ids) and state = :sending and claim_token = :token""")
                .bind("token", token)
                .bind("max", maxAttempts)
                .bind("failed", OutboxState.FAILED)
                .bind("pending", OutboxState.PENDING)
                .bind("sending", OutboxState.SENDING)
                .bind("e", reason)
                .bind("ids", ids.toArray(Long[]::new))
                .execute();
    }

    /**
     * Gives rows this batch claimed but never tried back to 'pending', without their lease or the attempt the
     * claim counted, so any node's next pass takes them (a node stopping lets go of its claims).
     */
    static void release(Handle h, UUID token, List<Long> ids) {
        if (ids.isEmpty()) return;
        h.createUpdate("""
                update newsletter_outbox set state = :pending, claim_token = null, lease_until = null,
                       claimed_at = null, attempts = greatest(attempts - 1, 0)
                 where id = any(:ids) and state = :sending and claim_token = :token""")
                .bind("pending", OutboxState.PENDING)
                .bind("sending", OutboxState.SENDING)
                .bind("token", token)
                .bind("ids", ids.toArray(Long[]::new))
                .execute();
    }

    /** Marks 'sent' every sending issue with no recipient waiting or claimed; returns their ids. */
    static List<Long> finishIssues(Handle h) {
        return h.createQuery("""
                update newsletter_issues i set status = :sent, sent_at = now(), updated_at = now(), version = version + 1
                 where status = :sending
                   and not exists (select 1 from newsletter_outbox o
                                    where o.issue_id = i.id and o.state in (:pending, :claimed))
                returning id""")
                .bind("sent", IssueStatus.SENT)
                .bind("sending", IssueStatus.SENDING)
                .bind("pending", OutboxState.PENDING)
                .bind("claimed", OutboxState.SENDING)
                .mapTo(Long.class)
                .list();
    }
}
