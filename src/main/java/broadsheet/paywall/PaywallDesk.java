package broadsheet.paywall;

import broadsheet.accounts.User;
import broadsheet.newsroom.Desk;
import broadsheet.web.Form;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/** The newsroom's paywall settings (editors and admins): the meter, and gift links per subscriber per month. */
public final class PaywallDesk {

    public record SettingsPage(Desk.Frame frame, Form form, String notice, int meterMax, int giftsMax) {}

    private final Desk desk;
    private final Paywall paywall;

    public PaywallDesk(Desk desk, Paywall paywall) {
        this.desk = desk;
        this.paywall = paywall;
    }

    public void show(Context ctx) {
        Paywall.Settings s = paywall.settings();
        Form f = Form.empty().set("meter", String.valueOf(s.meter())).set("gifts", String.valueOf(s.giftsPerMonth()));
        render(ctx, f, "saved".equals(ctx.queryParam("done")) ? "Saved. Pages show the new settings now." : null);
    }

    public void save(Context ctx) {
        User user = desk.user(ctx);
        Form f = Form.of(ctx, List.of("meter", "gifts"));
        Integer meter = number(
                f,
                "meter",
                Paywall.Settings.MAX_METER,
                "Write the number of free subscriber articles per 30 days, from 0 (no free articles) to "
                        + Paywall.Settings.MAX_METER + ".");
        Integer gifts = number(
                f,
                "gifts",
                Paywall.Settings.MAX_GIFTS,
                "Write the number of gift links a subscriber may make each month, from 0 (none) to "
                        + Paywall.Settings.MAX_GIFTS + ".");
        if (f.hasErrors()) {
            render(ctx.status(422), f, null);
            return;
        }
        paywall.save(user, meter, gifts);
        ctx.redirect(Paths.with(NewsroomPaths.paywallDesk(), "done", "saved"), HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, Form f, String notice) {
        desk.render(
                ctx,
                "newsroom/paywall.jte",
                new SettingsPage(
                        desk.frame(ctx, "Paywall", "paywall"),
                        f,
                        notice,
                        Paywall.Settings.MAX_METER,
                        Paywall.Settings.MAX_GIFTS));
    }

    private static Integer number(Form f, String field, int max, String message) {
        Integer v =
                Params.typedInt(f.raw(field)).filter(n -> n >= 0 && n <= max).orElse(null);
        if (v == null) f.error(field, message);
        return v;
    }
}
