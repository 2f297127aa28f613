package broadsheet.newsroom.subscriptions;

import broadsheet.accounts.User;
import broadsheet.newsroom.Desk;
import broadsheet.newsroom.subscriptions.SubscriptionAdmin.Lookup;
import broadsheet.newsroom.subscriptions.SubscriptionAdmin.Refused;
import broadsheet.subscriptions.DuplicateDao;
import broadsheet.subscriptions.Plan;
import broadsheet.subscriptions.PlanDao;
import broadsheet.web.Form;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Subscriptions by hand (admins only): find a reader by email address, then grant, extend or revoke. */
public final class SubscriptionDesk {

    /**
     * @param found  the reader looked up, or null before a search or when none matched
     * @param form   what was typed into the form that failed (errors by field), or empty
     * @param action which form {@code form} belongs to: "search", "grant", "extend", "revoke"
     */
    public record DeskPage(
            Desk.Frame frame,
            String email,
            Lookup found,
            List<Plan> plans,
            Form form,
            String action,
            String notice,
            String problem,
            Instant now,
            LocalDate today,
            List<DuplicateDao.Duplicate> duplicates) {
        public Form formFor(String name) {
            return name.equals(action) ? form : Form.empty();
        }
    }

    private final Desk desk;
    private final SubscriptionAdmin admin;
    private final PlanDao plans;

    public SubscriptionDesk(Desk desk, SubscriptionAdmin admin, PlanDao plans) {
        this.desk = desk;
        this.admin = admin;
        this.plans = plans;
    }

    public void show(Context ctx) {
        String email =
                ctx.queryParam("email") == null ? "" : ctx.queryParam("email").strip();
        String notice = switch (String.valueOf(ctx.queryParam("done"))) {
            case "granted" -> "The subscription has been granted.";
            case "extended" -> "The subscription has been extended.";
            case "revoked" -> "The subscription has been revoked.";
            case "price" -> "The plan's Stripe price has been saved.";
            default -> null;
        };
        Form form = Form.empty().set("email", email);
        if (!email.isEmpty() && admin.find(email).isEmpty()) {
            ctx.status(404);
            form.error("email", "No account has the address " + email + ".");
        }
        page(ctx, email, form, "search", notice, null);
    }

    public void grant(Context ctx) {
        Form form = Form.of(ctx, List.of("email", "plan", "until", "version"));
        act(ctx, form, "grant", "granted", () -> {
            long planId = number(form.raw("plan"), "plan", "Choose one of the plans.");
            admin.grant(
                    desk.user(ctx), form.raw("email"), planId, date(form.raw("until"), "until"), version(form), zone());
        });
    }

    public void extend(Context ctx) {
        Form form = Form.of(ctx, List.of("email", "by", "to", "version"));
        act(ctx, form, "extend", "extended", () -> {
            User user = desk.user(ctx);
            switch (form.raw("by")) {
                case "period" -> admin.extendByPeriod(user, form.raw("email"), version(form), zone());
                case "date" ->
                    admin.extendTo(user, form.raw("email"), date(form.raw("to"), "to"), version(form), zone());
                default -> throw new Refused(422, "by", "Choose how to extend: by one period, or to a date.");
            }
        });
    }

    public void revoke(Context ctx) {
        Form form = Form.of(ctx, List.of("email", "version"));
        act(ctx, form, "revoke", "revoked", () -> admin.revoke(desk.user(ctx), form.raw("email"), version(form)));
    }

    public void stripePrice(Context ctx) {
        long planId = Params.pathId(ctx, "id");
        try {
            admin.setStripePrice(desk.user(ctx), planId, ctx.formParam("priceId"));
        } catch (Refused e) {
            if (e.status == 404) throw new io.javalin.http.NotFoundResponse();
            ctx.status(e.status);
            page(ctx, "", Form.empty(), "search", null, e.getMessage());
            return;
        }
        ctx.redirect(Paths.with(NewsroomPaths.subscriptionDesk() + "#plans-h", "done", "price"), HttpStatus.SEE_OTHER);
    }

    private void act(Context ctx, Form form, String action, String done, Runnable change) {
        String email = form.raw("email").strip();
        try {
            change.run();
        } catch (Refused e) {
            ctx.status(e.status);
            boolean onField =
                    e.field != null && !e.field.equals("email"); // the email address is not typed into these forms
            if (onField) form.error(e.field, e.getMessage());
            page(ctx, email, form, action, null, onField ? null : e.getMessage());
            return;
        }
        ctx.redirect(
                Paths.with(Paths.with(NewsroomPaths.subscriptionDesk() + "#current-h", "email", email), "done", done),
                HttpStatus.SEE_OTHER);
    }

    private void page(Context ctx, String email, Form form, String action, String notice, String problem) {
        Lookup found = email.isEmpty() ? null : admin.find(email).orElse(null);
        desk.render(
                ctx,
                "newsroom/subscriptions/index.jte",
                new DeskPage(
                        desk.frame(ctx, "Subscriptions", "subscriptions"),
                        email,
                        found,
                        plans.all(),
                        form,
                        action,
                        notice,
                        problem,
                        Instant.now(),
                        LocalDate.now(zone()),
                        admin.duplicates()));
    }

    private ZoneId zone() {
        return desk.chrome().site().zone();
    }

    private static int version(Form form) {
        return (int) number(form.raw("version"), null, "This form is out of date: look the reader up again.");
    }

    private static long number(String s, String field, String message) {
        return Params.typedLong(s).orElseThrow(() -> new Refused(422, field, message));
    }

    private static LocalDate date(String s, String field) {
        if (s == null || s.isBlank()) return null; // SubscriptionAdmin says what to enter
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new Refused(422, field, "Enter the date as year-month-day, e.g. 2027-01-31.");
        }
    }
}
