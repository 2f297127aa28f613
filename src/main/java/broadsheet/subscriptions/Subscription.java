package broadsheet.subscriptions;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** A reader's subscription as it stands, with the name of its plan. */
public record Subscription(
        long id,
        long userId,
        Long planId,
        String planName,
        String status,
        Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        String source,
        String stripeCustomerId,
        String stripeSubscriptionId,
        int version) {

    static final String SELECT = """
            select s.id, s.user_id, s.plan_id, p.name as plan_name, s.status, s.current_period_end, s.cancel_at_period_end,
                   s.source, s.stripe_customer_id, s.stripe_subscription_id, s.version
              from subscriptions s left join plans p on p.id = s.plan_id""";

    static final RowMapper<Subscription> MAPPER = (rs, c) -> new Subscription(
            rs.getLong("id"),
            rs.getLong("user_id"),
            (Long) rs.getObject("plan_id"),
            rs.getString("plan_name"),
            rs.getString("status"),
            rs.getTimestamp("current_period_end").toInstant(),
            rs.getBoolean("cancel_at_period_end"),
            rs.getString("source"),
            rs.getString("stripe_customer_id"),
            rs.getString("stripe_subscription_id"),
            rs.getInt("version"));

    public static Optional<Subscription> forUser(Handle h, long userId) {
        return h.createQuery(SELECT + " where s.user_id = :u")
                .bind("u", userId)
                .map(MAPPER)
                .findOne();
    }

    /** The same rule as {@link Subscriptions#activeFor}: gives access now. */
    public boolean givesAccess(Instant now) {
        return ("active".equals(status) || "past_due".equals(status)) && currentPeriodEnd.isAfter(now);
    }

    public boolean stripe() {
        return "stripe".equals(source);
    }

    public String planLabel() {
        return planName == null ? "No plan" : planName;
    }

    /** What a reader or an admin reads as the state. */
    public String statusLabel(Instant now) {
        return switch (status) {
            case "active" ->
                currentPeriodEnd.isAfter(now)
                        ? (cancelAtPeriodEnd ? "Active, cancels at period end" : "Active")
                        : "Lapsed";
            case "past_due" -> currentPeriodEnd.isAfter(now) ? "Active, payment overdue" : "Lapsed";
            case "canceled" -> "Cancelled";
            case "revoked" -> "Revoked";
            case "incomplete" -> "Waiting for payment";
            default -> status;
        };
    }
}
