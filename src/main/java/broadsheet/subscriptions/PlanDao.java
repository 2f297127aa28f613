package broadsheet.subscriptions;

import broadsheet.db.Settings;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The paper's plans: all their SQL. */
public final class PlanDao {

    private static final String COLUMNS = "id, slug, name, interval, price_cents, currency, stripe_price_id, active";
    static final RowMapper<Plan> MAPPER = (rs, c) -> new Plan(
            rs.getLong("id"),
            rs.getString("slug"),
            rs.getString("name"),
            rs.getString("interval"),
            rs.getInt("price_cents"),
            rs.getString("currency"),
            rs.getString("stripe_price_id"),
            rs.getBoolean("active"));

    private final Jdbi jdbi;

    public PlanDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** PlanDao on offer, cheapest interval first (monthly before annual). */
    public List<Plan> offered() {
        return jdbi.withHandle(h -> h.createQuery(
                        "select " + COLUMNS + " from plans where active order by interval = 'year', price_cents, id")
                .map(MAPPER)
                .list());
    }

    /** Every plan, offered or not (the newsroom can still grant a retired plan). */
    public List<Plan> all() {
        return jdbi.withHandle(h -> h.createQuery(
                        "select " + COLUMNS + " from plans order by active desc, interval = 'year', price_cents, id")
                .map(MAPPER)
                .list());
    }

    public Optional<Plan> bySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from plans where slug = :s")
                .bind("s", slug)
                .map(MAPPER)
                .findOne());
    }

    public static Optional<Plan> byId(Handle h, long id) {
        return h.createQuery("select " + COLUMNS + " from plans where id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne();
    }

    /** The name of a plan other than {@code exceptPlanId} paid with this Stripe price, if any. */
    public static Optional<String> usingPrice(Handle h, String priceId, long exceptPlanId) {
        return h.createQuery("select name from plans where stripe_price_id = :p and id <> :id")
                .bind("p", priceId)
                .bind("id", exceptPlanId)
                .mapTo(String.class)
                .findOne();
    }

    /** Sets (or clears, with blank) the Stripe price a plan is paid with. */
    public static void setStripePrice(Handle h, long planId, String priceId) {
        h.createUpdate("update plans set stripe_price_id = :p where id = :id")
                .bind("p", priceId == null || priceId.isBlank() ? null : priceId.strip())
                .bind("id", planId)
                .execute();
    }

    /**
     * The demo paper's two plans and how to reach its subscriptions desk, added once (when there are
     * no plans yet). Kept out of the migrations: a real paper chooses its own plans and prices.
     */
    public static void seedDemo(Jdbi jdbi) {
        jdbi.useTransaction(h -> {
            if (h.createQuery("select count(*) from plans").mapTo(Integer.class).one() > 0) return;
            h.execute("insert into plans (slug, name, interval, price_cents, currency) values "
                    + "('monthly', 'Monthly', 'month', 900, 'usd'), ('annual', 'Annual', 'year', 9000, 'usd')");
            if (Settings.get(h, "subscriptions_contact").isEmpty()) {
                Settings.put(
                        h,
                        "subscriptions_contact",
                        "Write to subscriptions@meridian-ledger.example or call +1 555 0100 (weekdays, 9:00 to 17:00).");
            }
        });
    }
}
