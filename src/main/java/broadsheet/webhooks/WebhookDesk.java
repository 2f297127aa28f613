package broadsheet.webhooks;

import broadsheet.newsroom.Desk;
import broadsheet.web.Form;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;

/** The newsroom's webhooks (admins only): endpoints, registering one, each one's delivery log with "retry now". */
public final class WebhookDesk {

    static final int LOG_SIZE = 100;

    /**
     * @param created the endpoint just registered, with its secret shown this once; null otherwise
     * @param chosen the events ticked on the form
     */
    public record ListPage(
            Desk.Frame frame,
            List<Endpoint> endpoints,
            List<WebhookEvent> events,
            Form form,
            List<String> chosen,
            Webhooks.Registered created,
            String notice) {}

    public record LogPage(Desk.Frame frame, Endpoint endpoint, List<LogEntry> deliveries, String notice) {}

    private final Desk desk;
    private final Webhooks webhooks;

    /** A time for a {@code datetime} attribute: to the second, as HTML allows at most milliseconds. */
    public static String iso(java.time.Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    public WebhookDesk(Desk desk, Webhooks webhooks) {
        this.desk = desk;
        this.webhooks = webhooks;
    }

    public void list(Context ctx) {
        String notice = "deleted".equals(ctx.queryParam("done")) ? "The endpoint has been deleted." : null;
        render(ctx, Form.empty(), List.of(), null, notice);
    }

    public void create(Context ctx) {
        Form form = Form.of(ctx, List.of("url", "description"));
        List<String> chosen = ctx.formParams("events");
        Webhooks.Result result = webhooks.create(desk.user(ctx), form.raw("url"), form.raw("description"), chosen);
        if (result.registered().isEmpty()) {
            result.problems().forEach(form::error);
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, form, chosen, null, null);
            return;
        }
        ctx.status(HttpStatus.CREATED);
        render(ctx, Form.empty(), List.of(), result.registered().get(), null);
    }

    public void show(Context ctx) {
        long id = Params.pathId(ctx, "id");
        Endpoint endpoint = webhooks.endpoint(id).orElseThrow(NotFoundResponse::new);
        String notice = switch (String.valueOf(ctx.queryParam("done"))) {
            case "retry" -> "The delivery will be tried again in a moment.";
            case "enabled" -> "The endpoint is on again; its waiting deliveries are being sent.";
            default -> null;
        };
        desk.render(
                ctx,
                "newsroom/webhooks/log.jte",
                new LogPage(
                        desk.frame(ctx, "Webhook deliveries", "webhooks"),
                        endpoint,
                        webhooks.log(id, LOG_SIZE),
                        notice));
    }

    public void retry(Context ctx) {
        long id = Params.pathId(ctx, "id");
        long delivery = Params.pathId(ctx, "delivery");
        if (!webhooks.retryNow(id, delivery)) throw new NotFoundResponse();
        ctx.redirect(NewsroomPaths.webhook(id) + "?done=retry", HttpStatus.SEE_OTHER);
    }

    public void enable(Context ctx) {
        long id = Params.pathId(ctx, "id");
        if (!webhooks.enable(desk.user(ctx), id)) throw new NotFoundResponse();
        ctx.redirect(NewsroomPaths.webhook(id) + "?done=enabled", HttpStatus.SEE_OTHER);
    }

    public void delete(Context ctx) {
        long id = Params.pathId(ctx, "id");
        if (!webhooks.delete(desk.user(ctx), id)) throw new NotFoundResponse();
        ctx.redirect(NewsroomPaths.webhooks() + "?done=deleted", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, Form form, List<String> chosen, Webhooks.Registered created, String notice) {
        desk.render(
                ctx,
                "newsroom/webhooks/list.jte",
                new ListPage(
                        desk.frame(ctx, "Webhooks", "webhooks"),
                        webhooks.endpoints(),
                        List.of(WebhookEvent.values()),
                        form,
                        chosen,
                        created,
                        notice));
    }
}
