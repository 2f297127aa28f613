package broadsheet.newsroom.subscriptions;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.subscriptions.DuplicateDao;
import broadsheet.subscriptions.Plan;
import broadsheet.subscriptions.PlanDao;
import broadsheet.subscriptions.Subscription;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Subscriptions set up by hand (a cheque, a gift, a staff perk): grant, extend and revoke. Each
 * action is one transaction that checks the version the admin saw, so two admins acting on the same
 * reader at once cannot overwrite each other unseen; each is written to the audit log.
 * Subscriptions paid through Stripe are Stripe's to change: the newsroom only looks at them.
 */
public final class SubscriptionAdmin {

    /** The action was not done; {@code field} names the form field at fault, or is null. */
    public static final class Refused extends RuntimeException {
        final int status;
        final String field;

        Refused(int status, String field, String message) {
            super(message);
            this.status = status;
            this.field = field;
        }
    }

    public record Reader(long id, String email, String displayName) {}

    /** A reader and their subscription (null when they never had one). */
    public record Lookup(Reader reader, Subscription subscription) {
        public int version() {
            return subscription == null ? 0 : subscription.version();
        }
    }

    private final Jdbi jdbi;

    public SubscriptionAdmin(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The latest duplicate Stripe subscriptions found (a reader with two live ones), newest first. */
    public List<DuplicateDao.Duplicate> duplicates() {
        return jdbi.withHandle(h -> DuplicateDao.recent(h, 20));
    }

    public Optional<Lookup> find(String email) {
        return jdbi.withHandle(h -> reader(h, email)
                .map(r -> new Lookup(r, Subscription.forUser(h, r.id()).orElse(null))));
    }

    /** Gives the reader a subscription to {@code planId} through the end of {@code until} (the paper's day). */
    public Subscription grant(User admin, String email, long planId, LocalDate until, int version, ZoneId zone) {
        Instant end = endOf(until, zone, "until");
        return inTransaction(email, version, (h, found) -> {
            Plan plan = PlanDao.byId(h, planId).orElseThrow(() -> new Refused(422, "plan", "Choose one of the plans."));
            Subscription s = found.subscription();
            if (s != null && s.stripe() && s.givesAccess(Instant.now())) {
                throw new Refused(
                        422,
                        null,
                        email + " pays through Stripe until " + s.currentPeriodEnd()
                                + ". Change that subscription in the Stripe Dashboard, or grant after it ends.");
            }
            int n;
            if (s == null) {
                n = SubscriptionAdminDao.grantFirst(h, found.reader().id(), plan.id(), end);
            } else {
                n = SubscriptionAdminDao.grantOver(h, s.id(), version, plan.id(), end);
            }
            if (n != 1) throw conflict(h, found);
            Audit.record(
                    h,
                    admin,
                    "granted subscription",
                    "user",
                    found.reader().id(),
                    email + ": " + plan.name() + " until " + until);
            return Subscription.forUser(h, found.reader().id()).orElseThrow();
        });
    }

    /** Moves the end of a manual subscription on by one period of its plan (from now if it has lapsed). */
    public Subscription extendByPeriod(User admin, String email, int version, ZoneId zone) {
        return extend(
                admin,
                email,
                version,
                (s, h) -> {
                    String interval = s.planId() == null
                            ? "month"
                            : PlanDao.byId(h, s.planId()).map(Plan::interval).orElse("month");
                    Instant from = s.currentPeriodEnd().isAfter(Instant.now()) ? s.currentPeriodEnd() : Instant.now();
                    ZonedDateTime z = from.atZone(zone);
                    return ("year".equals(interval) ? z.plusYears(1) : z.plusMonths(1)).toInstant();
                },
                "by one period");
    }

    /** Moves the end of a manual subscription to the end of {@code to}, which must be later than its current end. */
    public Subscription extendTo(User admin, String email, LocalDate to, int version, ZoneId zone) {
        Instant end = endOf(to, zone, "to");
        return extend(
                admin,
                email,
                version,
                (s, h) -> {
                    if (!end.isAfter(s.currentPeriodEnd())) {
                        throw new Refused(
                                422,
                                "to",
                                "The new end must be later than the current one, "
                                        + s.currentPeriodEnd().atZone(zone).toLocalDate() + ".");
                    }
                    return end;
                },
                "to " + to);
    }

    /** Ends a manual subscription now. */
    public Subscription revoke(User admin, String email, int version) {
        return inTransaction(email, version, (h, found) -> {
            Subscription s = found.subscription();
            if (s == null || !s.givesAccess(Instant.now()))
                throw new Refused(422, null, email + " has no running subscription to revoke.");
            if (s.stripe()) throw stripeOwned(email);
            int n = SubscriptionAdminDao.revoke(h, s.id(), version);
            if (n != 1) throw conflict(h, found);
            Audit.record(
                    h,
                    admin,
                    "revoked subscription",
                    "user",
                    found.reader().id(),
                    email + ": " + s.planLabel() + ", which ran until " + s.currentPeriodEnd());
            return Subscription.forUser(h, found.reader().id()).orElseThrow();
        });
    }

    /** Sets the Stripe price a plan is paid with (blank: the plan cannot be paid online). */
    public void setStripePrice(User admin, long planId, String priceId) {
        String id = priceId == null ? "" : priceId.strip();
        if (!id.isEmpty() && !id.matches("price_[A-Za-z0-9]{1,200}")) {
            throw new Refused(
                    422,
                    null,
                    "A Stripe price id looks like price_1QxYz... (copy it from the price's page in the Stripe Dashboard).");
        }
        jdbi.useTransaction(h -> {
            Plan plan = PlanDao.byId(h, planId).orElseThrow(() -> new Refused(404, null, "There is no such plan."));
            if (!id.isEmpty()) {
                Optional<String> other = PlanDao.usingPrice(h, id, planId);
                if (other.isPresent())
                    throw new Refused(422, null, "The " + other.get() + " plan already uses " + id + ".");
            }
            PlanDao.setStripePrice(h, planId, id);
            Audit.record(
                    h, admin, "set Stripe price", "plan", planId, plan.name() + ": " + (id.isEmpty() ? "none" : id));
        });
    }

    private interface NewEnd {
        Instant of(Subscription s, Handle h);
    }

    private Subscription extend(User admin, String email, int version, NewEnd newEnd, String how) {
        return inTransaction(email, version, (h, found) -> {
            Subscription s = found.subscription();
            if (s == null) throw new Refused(422, null, email + " has no subscription to extend: grant one instead.");
            if (s.stripe() && s.givesAccess(Instant.now())) throw stripeOwned(email);
            if (!s.status().running()) {
                throw new Refused(
                        422,
                        null,
                        email + "'s subscription was "
                                + s.statusLabel(Instant.now()).toLowerCase() + ": grant a new one instead.");
            }
            Instant end = newEnd.of(s, h);
            int n = SubscriptionAdminDao.extend(h, s.id(), version, end);
            if (n != 1) throw conflict(h, found);
            Audit.record(
                    h,
                    admin,
                    "extended subscription",
                    "user",
                    found.reader().id(),
                    email + ": " + how + ", from " + s.currentPeriodEnd() + " to " + end);
            return Subscription.forUser(h, found.reader().id()).orElseThrow();
        });
    }

    private interface Action {
        Subscription apply(Handle h, Lookup found);
    }

    private Subscription inTransaction(String email, int version, Action action) {
        return jdbi.inTransaction(h -> {
            Reader r = reader(h, email)
                    .orElseThrow(() -> new Refused(404, "email", "No account has the address " + email.strip() + "."));
            Subscription s = Subscription.forUser(h, r.id()).orElse(null);
            Lookup found = new Lookup(r, s);
            if (found.version() != version) throw conflict(h, found);
            return action.apply(h, found);
        });
    }

    private static Refused conflict(Handle h, Lookup found) {
        return new Refused(
                409,
                null,
                "Someone else changed " + found.reader().email()
                        + "'s subscription while you were looking at it, so nothing was done. It is shown below as it is now: check it and try again.");
    }

    private static Refused stripeOwned(String email) {
        return new Refused(
                422,
                null,
                email + " pays through Stripe: change that subscription in the Stripe Dashboard, "
                        + "and the change shows here as soon as Stripe reports it.");
    }

    /** The end of the given day in the paper's zone; refused when that has passed. */
    static Instant endOf(LocalDate day, ZoneId zone, String field) {
        if (day == null)
            throw new Refused(
                    422, field, "Enter a date, e.g. " + LocalDate.now(zone).plusMonths(1) + ".");
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        if (!end.isAfter(Instant.now())) {
            throw new Refused(422, field, "The date " + day + " has passed: choose today or a later day.");
        }
        return end;
    }

    private static Optional<Reader> reader(Handle h, String email) {
        if (email == null || email.isBlank()) return Optional.empty();
        return SubscriptionAdminDao.readerByEmail(h, email.strip());
    }
}
