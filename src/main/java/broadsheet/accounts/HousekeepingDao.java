package broadsheet.accounts;

import org.jdbi.v3.core.Handle;

/** The SQL that forgets what has expired: sessions, one-time links, sign-in failures, Stripe event ids. */
final class HousekeepingDao {
    private HousekeepingDao() {}

    /** Deletes what has expired; returns the number of rows removed. */
    static int sweep(Handle h) {
        return h.createUpdate("delete from sessions where expires_at < now()").execute()
                + h.createUpdate(
                                "delete from tokens where expires_at < now() - interval '1 day' or used_at < now() - interval '1 day'")
                        .execute()
                + h.createUpdate("delete from sign_in_failures where at < now() - interval '1 day'")
                        .execute()
                // Stripe stops retrying an event after three days; older ids need not be remembered
                + h.createUpdate("delete from stripe_events where received_at < now() - interval '30 days'")
                        .execute()
                // the paywall's count of meters started per network matters for today only
                + h.createUpdate("delete from meter_networks where day < current_date - 1")
                        .execute();
    }
}
