package broadsheet.newsroom.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.subscriptions.Subscriptions;
import broadsheet.testing.AppExtension;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Subscriptions by hand in the newsroom: grant, extend, revoke, each audited, with clear refusals and optimistic locking. */
class SubscriptionDeskTest {

    static final ZoneId ZONE = ZoneId.of("UTC"); // the test paper has no site_time_zone setting

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp(); // plain http, so the session cookie reaches the client

    static TestApp t;
    static Jdbi jdbi;
    static WebClient admin;
    static long monthly;
    static int readers;

    /** This test's reader, a new account for each test; the audit and subscriptions written since the test began. */
    String rosa;

    long readerId;
    long auditMark;
    long subscriptionMark;

    @BeforeAll
    static void setUp() {
        t = app.get();
        jdbi = t.fixtures.jdbi();
        monthly = jdbi.withHandle(h -> h.createQuery(
                        "insert into plans (slug, name, interval, price_cents) values ('monthly', 'Monthly', 'month', 900) returning id")
                .mapTo(Long.class)
                .one());
        jdbi.useHandle(h -> h.execute(
                "insert into plans (slug, name, interval, price_cents) values ('annual', 'Annual', 'year', 9000)"));
        admin = t.signedIn("chief@example.org", Role.ADMIN);
    }

    @BeforeEach
    void newReader() {
        rosa = "rosa" + (++readers) + "@example.org";
        readerId = t.fixtures.user(rosa, Role.READER, "a long password for rosa");
        jdbi.useHandle(h -> h.execute("update plans set stripe_price_id = null"));
        auditMark = mark("audit_log");
        subscriptionMark = mark("subscriptions");
    }

    static long mark(String table) {
        return jdbi.withHandle(h -> h.createQuery("select coalesce(max(id), 0) from " + table)
                .mapTo(Long.class)
                .one());
    }

    /** Subscriptions written since this test began. */
    int newSubscriptions() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from subscriptions where id > :m")
                .bind("m", subscriptionMark)
                .mapTo(Integer.class)
                .one());
    }

    static Document valid(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
        return Jsoup.parse(r.body());
    }

    Document look(String email) {
        return valid(admin.get("/newsroom/subscriptions?email=" + email), 200);
    }

    String version(Document d, String action) {
        return d.select("form[action=/newsroom/subscriptions/" + action + "] input[name=version]")
                .val();
    }

    boolean subscriber() {
        return jdbi.withHandle(h -> Subscriptions.isSubscriber(h, readerId));
    }

    Instant end() {
        return jdbi.withHandle(h -> h.createQuery("select current_period_end from subscriptions where user_id = :u")
                        .bind("u", readerId)
                        .mapTo(Timestamp.class)
                        .one())
                .toInstant();
    }

    List<String> audit() {
        return jdbi.withHandle(h -> h.createQuery(
                        "select action || ' | ' || actor_label || ' | ' || subject_type || ' ' || subject_id || ' | ' || detail "
                                + "from audit_log where action like '%subscription' and id > :m order by id")
                .bind("m", auditMark)
                .mapTo(String.class)
                .list());
    }

    String text(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    static Instant endOfDay(LocalDate d) {
        return d.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    @Test
    void anAdminGrantsExtendsAndRevokesAndEachIsAudited() {
        Document d = look(rosa);
        assertThat(d.select("#current-h").text()).isEqualTo(rosa + " (" + rosa.substring(0, rosa.indexOf('@')) + ")");
        assertThat(d.select("#current-h + p").text()).isEqualTo("No subscription, now or before.");
        assertThat(d.select("label[for=f-plan]").text()).isEqualTo("Plan");

        LocalDate until = LocalDate.now(ZONE).plusDays(30);
        HttpResponse<String> granted = admin.post(
                "/newsroom/subscriptions/grant",
                Map.of(
                        "email",
                        rosa,
                        "plan",
                        Long.toString(monthly),
                        "until",
                        until.toString(),
                        "version",
                        version(d, "grant")));
        assertThat(granted.statusCode()).isEqualTo(303);
        assertThat(subscriber()).isTrue();
        assertThat(end()).isEqualTo(endOfDay(until));
        d = valid(admin.follow(granted), 200);
        assertThat(d.select("p.notice[role=status]").text()).isEqualTo("The subscription has been granted.");
        assertThat(d.select(".subscription-desk dl").text())
                .contains("Plan Monthly", "Status Active", "Paid through Arranged by hand");

        HttpResponse<String> byPeriod = admin.post(
                "/newsroom/subscriptions/extend",
                Map.of("email", rosa, "by", "period", "to", "", "version", version(d, "extend")));
        assertThat(byPeriod.statusCode()).isEqualTo(303);
        assertThat(end()).isEqualTo(endOfDay(until).atZone(ZONE).plusMonths(1).toInstant());

        d = look(rosa);
        LocalDate later = until.plusMonths(6);
        HttpResponse<String> toDate = admin.post(
                "/newsroom/subscriptions/extend",
                Map.of("email", rosa, "by", "date", "to", later.toString(), "version", version(d, "extend")));
        assertThat(toDate.statusCode()).isEqualTo(303);
        assertThat(end()).isEqualTo(endOfDay(later));

        d = look(rosa);
        HttpResponse<String> revoked =
                admin.post("/newsroom/subscriptions/revoke", Map.of("email", rosa, "version", version(d, "revoke")));
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(subscriber()).isFalse();
        assertThat(valid(admin.follow(revoked), 200)
                        .select(".subscription-desk dl")
                        .text())
                .contains("Status Revoked");

        List<String> log = audit();
        assertThat(log).hasSize(4);
        assertThat(log.get(0))
                .isEqualTo("granted subscription | chief <chief@example.org> | user " + readerId + " | " + rosa
                        + ": Monthly until " + until);
        assertThat(log.get(1))
                .startsWith("extended subscription | chief <chief@example.org> | user " + readerId + " | " + rosa
                        + ": by one period");
        assertThat(log.get(2)).contains(rosa + ": to " + later);
        assertThat(log.get(3))
                .startsWith("revoked subscription | chief <chief@example.org> | user " + readerId + " | " + rosa
                        + ": Monthly");
    }

    @Test
    void aStaleFormIsRefusedWithAClearMessageAndTheOtherAdminsChangeStands() {
        WebClient second = t.signedIn("deputy@example.org", Role.ADMIN);
        Document mine = look(rosa);
        Document theirs = valid(second.get("/newsroom/subscriptions?email=" + rosa), 200);
        LocalDate theirDate = LocalDate.now(ZONE).plusDays(10);
        assertThat(second.post(
                                "/newsroom/subscriptions/grant",
                                Map.of(
                                        "email",
                                        rosa,
                                        "plan",
                                        Long.toString(monthly),
                                        "until",
                                        theirDate.toString(),
                                        "version",
                                        version(theirs, "grant")))
                        .statusCode())
                .isEqualTo(303);

        HttpResponse<String> stale = admin.post(
                "/newsroom/subscriptions/grant",
                Map.of(
                        "email",
                        rosa,
                        "plan",
                        Long.toString(monthly),
                        "until",
                        LocalDate.now(ZONE).plusDays(99).toString(),
                        "version",
                        version(mine, "grant")));
        Document d = valid(stale, 409);
        assertThat(d.select(".error-summary[role=alert]").text())
                .contains("Someone else changed " + rosa + "'s subscription", "nothing was done");
        assertThat(end()).isEqualTo(endOfDay(theirDate));
        // the page now shows the current state, with the current version to act on
        assertThat(d.select("main time").first().attr("datetime"))
                .isEqualTo(endOfDay(theirDate).toString());
        assertThat(version(d, "extend")).isEqualTo("1");
        assertThat(audit()).hasSize(1);

        // the same for extend and revoke with the version seen before the change
        HttpResponse<String> staleRevoke =
                admin.post("/newsroom/subscriptions/revoke", Map.of("email", rosa, "version", "0"));
        assertThat(staleRevoke.statusCode()).isEqualTo(409);
        assertThat(subscriber()).isTrue();
    }

    @Test
    void badInputIsRefusedWithAMessageThatNamesTheProblemAndNothingChanges() {
        Document unknown = valid(admin.get("/newsroom/subscriptions?email=nobody@example.org"), 404);
        assertThat(unknown.select("#f-email-error").text()).contains("No account has the address nobody@example.org.");

        HttpResponse<String> noOne = admin.post(
                "/newsroom/subscriptions/grant",
                Map.of(
                        "email",
                        "nobody@example.org",
                        "plan",
                        Long.toString(monthly),
                        "until",
                        LocalDate.now(ZONE).plusDays(5).toString(),
                        "version",
                        "0"));
        assertThat(valid(noOne, 404).select("[role=alert]").text())
                .contains("No account has the address nobody@example.org.");

        LocalDate past = LocalDate.now(ZONE).minusDays(1);
        HttpResponse<String> inThePast = admin.post(
                "/newsroom/subscriptions/grant",
                Map.of("email", rosa, "plan", Long.toString(monthly), "until", past.toString(), "version", "0"));
        Document d = valid(inThePast, 422);
        assertThat(d.select("#f-until-error").text()).contains("The date " + past + " has passed");
        assertThat(d.select(".error-summary a[href=#f-until]").text()).contains("has passed");
        assertThat(d.select("#f-until").attr("aria-invalid")).isEqualTo("true");

        HttpResponse<String> notADate = admin.post(
                "/newsroom/subscriptions/grant",
                Map.of("email", rosa, "plan", Long.toString(monthly), "until", "next tuesday", "version", "0"));
        assertThat(valid(notADate, 422).select("#f-until-error").text()).contains("year-month-day");

        HttpResponse<String> noPlan = admin.post(
                "/newsroom/subscriptions/grant",
                Map.of(
                        "email",
                        rosa,
                        "plan",
                        "999999",
                        "until",
                        LocalDate.now(ZONE).plusDays(5).toString(),
                        "version",
                        "0"));
        assertThat(valid(noPlan, 422).select("#f-plan-error").text()).contains("Choose one of the plans.");

        HttpResponse<String> nothingToExtend = admin.post(
                "/newsroom/subscriptions/extend", Map.of("email", rosa, "by", "period", "to", "", "version", "0"));
        assertThat(valid(nothingToExtend, 422).select("[role=alert]").text()).contains("has no subscription to extend");

        HttpResponse<String> nothingToRevoke =
                admin.post("/newsroom/subscriptions/revoke", Map.of("email", rosa, "version", "0"));
        assertThat(valid(nothingToRevoke, 422).select("[role=alert]").text())
                .contains("has no running subscription to revoke");

        assertThat(newSubscriptions()).isZero();
        assertThat(audit()).isEmpty();

        // an end earlier than the current one is not an extension
        LocalDate until = LocalDate.now(ZONE).plusDays(20);
        admin.post(
                "/newsroom/subscriptions/grant",
                Map.of("email", rosa, "plan", Long.toString(monthly), "until", until.toString(), "version", "0"));
        HttpResponse<String> earlier = admin.post(
                "/newsroom/subscriptions/extend",
                Map.of("email", rosa, "by", "date", "to", until.minusDays(5).toString(), "version", "1"));
        assertThat(valid(earlier, 422).select("#f-to-error").text())
                .contains("must be later than the current one, " + until.plusDays(1));
        assertThat(end()).isEqualTo(endOfDay(until));
    }

    @Test
    void stripeSubscriptionsAreLeftToStripe() {
        jdbi.useHandle(h -> h.execute("""
                insert into subscriptions (user_id, plan_id, status, current_period_end, source, stripe_subscription_id)
                values (?, ?, 'active', now() + interval '9 days', 'stripe', 'sub_x')""", readerId, monthly));
        Document d = look(rosa);
        assertThat(d.select(".subscription-desk dl").text()).contains("Paid through Stripe (sub_x)");
        assertThat(d.select(".subscription-desk form"))
                .as("no forms that could only be refused")
                .isEmpty();
        assertThat(d.select(".subscription-desk").text()).contains("change it in the Stripe Dashboard");
        HttpResponse<String> r = admin.post("/newsroom/subscriptions/revoke", Map.of("email", rosa, "version", "1"));
        assertThat(valid(r, 422).select("[role=alert]").text()).contains("pays through Stripe", "Stripe Dashboard");
        assertThat(subscriber()).isTrue();
    }

    @Test
    void onlyAdminsReachTheDesk() {
        WebClient reader = t.signedIn("ada@example.org", Role.READER);
        WebClient editor = t.signedIn("ed@example.org", Role.EDITOR);
        assertThat(reader.get("/newsroom/subscriptions").statusCode()).isEqualTo(403);
        assertThat(editor.get("/newsroom/subscriptions").statusCode()).isEqualTo(403);
        HttpResponse<String> anon = t.client().get("/newsroom/subscriptions");
        assertThat(anon.statusCode()).isEqualTo(303);
        assertThat(anon.headers().firstValue("Location").orElseThrow()).startsWith("/sign-in?next=");
        reader.get("/account");
        HttpResponse<String> grant = reader.post(
                "/newsroom/subscriptions/grant",
                Map.of(
                        "email",
                        "ada@example.org",
                        "plan",
                        Long.toString(monthly),
                        "until",
                        LocalDate.now(ZONE).plusDays(300).toString(),
                        "version",
                        "0"));
        assertThat(grant.statusCode()).isEqualTo(403);
        assertThat(newSubscriptions()).isZero();
        Document page = valid(admin.get("/newsroom/subscriptions"), 200);
        assertThat(page.select(".newsroom-nav a[aria-current=page]").text()).isEqualTo("Subscriptions");
        assertThat(page.select(".plans-table th[scope=row]").eachText()).containsExactly("Monthly", "Annual");
    }

    @Test
    void anAdminSetsAPlansStripePrice() {
        valid(admin.get("/newsroom/subscriptions"), 200);
        HttpResponse<String> r = admin.post(
                "/newsroom/subscriptions/plans/" + monthly + "/stripe-price", Map.of("priceId", " price_1QxMonthly "));
        assertThat(r.statusCode()).isEqualTo(303);
        Document d = valid(admin.follow(r), 200);
        assertThat(d.select("#price-" + monthly).val()).isEqualTo("price_1QxMonthly");
        assertThat(d.select("#price-" + monthly + "-state").text()).isEqualTo("Paid online with this price.");
        assertThat(audit()).isEmpty(); // not a subscription change
        assertThat(text("select detail from audit_log where action = 'set Stripe price' and id > " + auditMark))
                .isEqualTo("Monthly: price_1QxMonthly");

        HttpResponse<String> bad =
                admin.post("/newsroom/subscriptions/plans/" + monthly + "/stripe-price", Map.of("priceId", "prod_123"));
        assertThat(valid(bad, 422).select("[role=alert]").text()).contains("A Stripe price id looks like price_");
        long annual = jdbi.withHandle(h -> h.createQuery("select id from plans where slug = 'annual'")
                .mapTo(Long.class)
                .one());
        HttpResponse<String> taken = admin.post(
                "/newsroom/subscriptions/plans/" + annual + "/stripe-price", Map.of("priceId", "price_1QxMonthly"));
        assertThat(valid(taken, 422).select("[role=alert]").text())
                .contains("The Monthly plan already uses price_1QxMonthly.");
        assertThat(text("select stripe_price_id from plans where slug = 'monthly'"))
                .isEqualTo("price_1QxMonthly");
    }
}
