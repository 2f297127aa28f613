package broadsheet.contentapi;

import broadsheet.newsroom.Desk;
import broadsheet.web.Form;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;

/** The newsroom's integrations page (admins): Content API keys made, named and revoked; a new key shown once. */
public final class IntegrationsDesk {

    public record IntegrationsPage(
            Desk.Frame frame, Form form, List<ApiKeyDao.ApiKey> keys, String newKey, String notice) {}

    static final int DEFAULT_PER_MINUTE = 600;
    static final int MAX_PER_MINUTE = 100_000;

    private final Desk desk;
    private final ApiKeys keys;

    public IntegrationsDesk(Desk desk, ApiKeys keys) {
        this.desk = desk;
        this.keys = keys;
    }

    public void show(Context ctx) {
        String notice =
                "revoked".equals(ctx.queryParam("done")) ? "The key was revoked: it no longer opens the API." : null;
        render(ctx, Form.empty().set("perMinute", String.valueOf(DEFAULT_PER_MINUTE)), null, notice);
    }

    public void create(Context ctx) {
        Form f = Form.of(ctx, List.of("name", "perMinute", "lockedText"));
        String name = f.raw("name") == null ? "" : f.raw("name").strip();
        if (name.isEmpty() || name.length() > 80)
            f.error("name", "Name the integration (1 to 80 characters), say \"iOS app\" or \"Partner: City Wire\".");
        Integer perMinute = Params.typedInt(f.raw("perMinute"))
                .filter(n -> n >= 1 && n <= MAX_PER_MINUTE)
                .orElse(null);
        if (perMinute == null)
            f.error("perMinute", "Write the requests a minute this key may make, from 1 to " + MAX_PER_MINUTE + ".");
        if (f.hasErrors()) {
            render(ctx.status(422), f, null, null);
            return;
        }
        ApiKeys.Made made = keys.create(desk.user(ctx), name, "on".equals(f.raw("lockedText")), perMinute);
        // shown on this answer only: the key is not stored, and a reload of the list does not show it again
        render(ctx.status(201), Form.empty().set("perMinute", String.valueOf(DEFAULT_PER_MINUTE)), made.key(), null);
    }

    public void revoke(Context ctx) {
        long id = Params.pathId(ctx, "id");
        if (!keys.revoke(desk.user(ctx), id)) throw new NotFoundResponse();
        ctx.redirect(Paths.with(NewsroomPaths.integrations(), "done", "revoked"), HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, Form f, String newKey, String notice) {
        desk.render(
                ctx,
                "contentapi/integrations.jte",
                new IntegrationsPage(desk.frame(ctx, "Integrations", "integrations"), f, keys.all(), newKey, notice));
    }
}
