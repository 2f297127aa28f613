package broadsheet.newsletters;

import broadsheet.subscriptions.Subscriptions;
import org.jdbi.v3.core.Handle;

/**
 * Starting a send: in the caller's transaction, one outbox row per recipient (an address on the
 * suppression list gets a 'suppressed' row, so the record is complete) and the issue moves to
 * 'sending'. A subscribers-only newsletter goes only to accounts that subscribe at that moment.
 */
public final class Outbox {
    private Outbox() {}

    /** Fills the outbox of a locked issue; returns how many recipients it has. */
    public static int fill(Handle h, long issueId) {
        String audience =
                h.createQuery("""
                select n.audience from newsletter_issues i join newsletters n on n.id = i.newsletter_id where i.id = :i""").bind("i", issueId).mapTo(String.class).one();
        String subscribersOnly = audience.equals("subscribers")
                // the alias is not "s": activeFor's own subquery names subscriptions "s"
                ? " and ns.user_id is not null and " + Subscriptions.activeFor("ns.user_id")
                : "";
        int rows =
                h.createUpdate("""
                insert into newsletter_outbox (issue_id, subscriber_id, email, state, error)
                select i.id, ns.id, ns.email, case when ms.email is null then 'pending' else 'suppressed' end, ms.reason
                  from newsletter_issues i
                  join newsletter_subscribers ns on ns.newsletter_id = i.newsletter_id and ns.status = 'active'
                  left join mail_suppressions ms on ms.email = ns.email
                 where i.id = :i""" + subscribersOnly + """

                 order by ns.id
                on conflict (issue_id, email) do nothing""").bind("i", issueId).execute();
        h.execute(
                "update newsletter_issues set status = 'sending', started_at = now(), updated_at = now(), version = version + 1 where id = ?",
                issueId);
        return rows;
    }
}
