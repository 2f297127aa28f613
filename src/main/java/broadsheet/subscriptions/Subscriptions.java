package broadsheet.subscriptions;

import org.jdbi.v3.core.Handle;

/** Who is a subscriber right now. Other features ask here rather than reading the table themselves. */
public final class Subscriptions {

    /** SQL condition, true when the user whose id is the expression {@code userIdSql} subscribes now. */
    public static String activeFor(String userIdSql) {
        return "exists (select 1 from subscriptions active_sub where active_sub.user_id = " + userIdSql
                + " and active_sub.status in ('active', 'past_due') and active_sub.current_period_end > now())";
    }

    public static boolean isSubscriber(Handle h, long userId) {
        return SubscriptionDao.isSubscriber(h, userId);
    }

    private Subscriptions() {}
}
