package broadsheet.subscriptions;

import broadsheet.accounts.AccountPages;
import broadsheet.accounts.User;
import broadsheet.db.Settings;
import broadsheet.web.Chrome;
import broadsheet.web.Csrf;
import broadsheet.web.Layout;
import broadsheet.web.Meta;
import broadsheet.web.Paths;
import broadsheet.web.Personal;
import broadsheet.web.Sessions;
import broadsheet.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reader's side: the plans page, starting Stripe Checkout, cancelling, and the webhook Stripe calls. */
public final class SubscribePages {

    private static final Logger LOG = LoggerFactory.getLogger(SubscribePages.class);

    /**
     * @param payments  false when no Stripe key is configured: no buttons, only how to reach the paper
     * @param current   the signed-in reader's subscription, or null when no one is signed in
     */
    public record SubscribePage(
            Layout layout,
            String csrf,
            List<Plan> plans,
            boolean signedIn,
            boolean payments,
            String contact,
            ReaderSubscriptions.Panel current,
            String notice,
            String problem) {}

    public record ThanksPage(Layout layout, ReaderSubscriptions.Panel current) {}

    private final PlanDao plans;
    private final ReaderSubscriptions readers;
    private final Optional<Checkouts> stripe; // empty: payments off
    private final Optional<StripeEvents> events; // empty: no webhook secret
    private final Sessions sessions;
    private final Csrf csrf;
    private final Chrome chrome;
    private final Views views;
    private final Settings settings;

    public SubscribePages(
            Settings settings,
            PlanDao plans,
            ReaderSubscriptions readers,
            Optional<Checkouts> stripe,
            Optional<StripeEvents> events,
            Sessions sessions,
            Csrf csrf,
            Chrome chrome,
            Views views) {
        if (stripe.isPresent() && events.isEmpty()) {
            LOG.warn("STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is not: online payment stays off, "
                    + "since Stripe could not tell this site about payments (see docs/subscriptions.md)");
        }
        this.settings = settings;
        this.plans = plans;
        this.readers = readers;
        this.stripe = stripe;
        this.events = events;
        this.sessions = sessions;
        this.csrf = csrf;
        this.chrome = chrome;
        this.views = views;
    }

    public void subscribe(Context ctx) {
        String notice = "1".equals(ctx.queryParam("cancelled"))
                ? "You left the payment page before paying: nothing was charged. Choose a plan to try again."
                : null;
        page(ctx, notice, null);
    }

    /** Starts Stripe Checkout for the chosen plan and sends the reader there. */
    public void checkout(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        Plan plan = plans.bySlug(ctx.pathParam("plan")).filter(Plan::active).orElseThrow(NotFoundResponse::new);
        if (!payments() || !plan.payableOnline()) {
            page(
                    ctx.status(409),
                    null,
                    "The " + plan.name() + " plan cannot be paid for online at the moment. " + contact());
            return;
        }
        String base = chrome.site().baseUrl();
        try {
            // payments() says both are there
            Checkouts.Started started = stripe.orElseThrow()
                    .start(
                            plan,
                            user,
                            // Stripe fills in {CHECKOUT_SESSION_ID} itself, so it is not encoded
                            base + Paths.subscribeThanks() + "?session={CHECKOUT_SESSION_ID}",
                            base + Paths.with(Paths.subscribe(), "cancelled", "1"));
            switch (started.outcome()) {
                case GO -> ctx.redirect(started.url(), HttpStatus.SEE_OTHER);
                case ALREADY_SUBSCRIBED ->
                    page(ctx.status(409), null, "You already subscribe. Your subscription is on your account page.");
                case WAITING_FOR_PAYMENT ->
                    page(
                            ctx.status(409),
                            null,
                            "Stripe is still confirming the payment for your subscription; your account page shows it "
                                    + "as soon as Stripe has. Nothing more needs paying.");
                case OPENING_ELSEWHERE ->
                    page(
                            ctx.status(409),
                            null,
                            "Your payment page is being opened in another tab or window. Use that one (only one "
                                    + "subscription can be paid for), or try again in a minute.");
            }
        } catch (StripeException e) {
            LOG.warn("Stripe Checkout for plan {} failed: {}", plan.slug(), e.getMessage());
            page(
                    ctx.status(502),
                    null,
                    "The payment page could not be opened: Stripe did not answer as expected. "
                            + "Nothing was charged. Try again in a minute.");
        }
    }

    /** Where Stripe sends the reader after paying; the webhook may not have arrived yet. */
    public void thanks(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        Meta meta = Meta.page("Thank you for subscribing", "Thank you for subscribing", Paths.subscribeThanks())
                .hidden();
        Personal.html(
                ctx,
                views.render(
                        "subscriptions/thanks.jte", new ThanksPage(chrome.layout(meta), readers.panel(user.id()))));
    }

    public void cancel(Context ctx) {
        change(ctx, true);
    }

    public void resume(Context ctx) {
        change(ctx, false);
    }

    private void change(Context ctx, boolean cancel) {
        User user = sessions.current(ctx).orElseThrow();
        try {
            boolean changed = readers.setCancelAtPeriodEnd(user.id(), cancel);
            if (!changed) {
                message(
                        ctx.status(409),
                        "There is no subscription to change",
                        "You have no subscription running at the moment.");
                return;
            }
        } catch (ReaderSubscriptions.StripeUnavailable e) {
            LOG.warn("Could not change subscription of user {} at Stripe: {}", user.id(), e.getMessage());
            message(
                    ctx.status(502),
                    "Your subscription was not changed",
                    e.getMessage() + " Nothing was changed; try again in a minute.");
            return;
        }
        ctx.redirect(
                Paths.with(
                        Paths.account() + "#subscription-h",
                        "done",
                        cancel ? "subscription-cancelled" : "subscription-resumed"),
                HttpStatus.SEE_OTHER);
    }

    /** Stripe's webhook: no session and no CSRF token, the signature is the permission. */
    public void webhook(Context ctx) {
        if (events.isEmpty()) {
            ctx.status(503)
                    .contentType("text/plain; charset=utf-8")
                    .result("Stripe webhooks are not set up (STRIPE_WEBHOOK_SECRET).");
            return;
        }
        try {
            StripeEvents.Outcome outcome = events.get().receive(ctx.body(), ctx.header("Stripe-Signature"));
            ctx.contentType("application/json")
                    .result("{\"received\":true,\"outcome\":\"" + outcome.name().toLowerCase() + "\"}");
        } catch (StripeEvents.BadSignature e) {
            LOG.warn("Refused a Stripe webhook from {}: {}", ctx.ip(), e.getMessage());
            ctx.status(400).contentType("text/plain; charset=utf-8").result("Bad signature.");
        }
    }

    private void page(Context ctx, String notice, String problem) {
        Optional<User> user = sessions.current(ctx);
        Meta meta = Meta.page("Subscribe", "Subscribe to " + chrome.site().name(), Paths.subscribe());
        Personal.html(
                ctx,
                views.render(
                        "subscriptions/subscribe.jte",
                        new SubscribePage(
                                chrome.layout(meta),
                                csrf.token(ctx),
                                plans.offered(),
                                user.isPresent(),
                                payments(),
                                contact(),
                                user.map(u -> readers.panel(u.id())).orElse(null),
                                notice,
                                problem)));
    }

    /** Readers can pay online only when Stripe can also report the payments back (both secrets set). */
    private boolean payments() {
        return stripe.isPresent() && events.isPresent();
    }

    private void message(Context ctx, String heading, String text) {
        Meta meta = Meta.page(heading, text, ctx.path()).hidden();
        Personal.html(
                ctx,
                views.render(
                        "accounts/message.jte",
                        new AccountPages.MessagePage(
                                chrome.layout(meta), heading, text, "Your account", Paths.account())));
    }

    /** How to reach the paper's subscriptions desk (setting {@code subscriptions_contact}). */
    private String contact() {
        return settings.get("subscriptions_contact")
                .orElse("Contact the newspaper's subscriptions desk, who can set up a subscription for you.");
    }
}
