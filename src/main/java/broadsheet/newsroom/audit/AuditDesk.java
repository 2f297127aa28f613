package broadsheet.newsroom.audit;

import broadsheet.db.Cursor;
import broadsheet.newsroom.Desk;
import broadsheet.newsroom.audit.AuditLogDao.Entry;
import broadsheet.newsroom.audit.AuditLogDao.Filter;
import broadsheet.web.Form;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Role;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** The audit log page: who did what to which thing, and when, newest first. */
public final class AuditDesk {

    static final int PAGE_SIZE = 50;

    /**
     * @param filters the filter form as typed (fields action, type, id, actor), with any errors
     * @param newest the first page with the same filters, or null when this is it
     * @param older the next page, or null on the last
     */
    public record AuditPage(
            Desk.Frame frame,
            List<Entry> entries,
            Form filters,
            List<String> actions,
            List<String> types,
            List<AuditLogDao.Actor> actors,
            boolean admin,
            String newest,
            String older) {}

    private final Desk desk;
    private final AuditLogDao log;

    public AuditDesk(Desk desk, AuditLogDao log) {
        this.desk = desk;
        this.log = log;
    }

    public void list(Context ctx) {
        Form form = Form.empty();
        for (String f : List.of("action", "type", "id", "actor", "before")) {
            String v = ctx.queryParam(f);
            form.set(f, v == null ? "" : v.strip());
        }
        Long subjectId = null;
        if (!form.raw("id").isEmpty()) {
            subjectId = Params.typedLong(form.raw("id")).orElse(null);
            if (subjectId == null) form.error("id", "The subject number must be a whole number, e.g. 42.");
        }
        String actor = form.raw("actor");
        if (!actor.isEmpty() && !actor.equals("system") && !actor.matches("[0-9]{1,18}")) {
            form.error("actor", "Choose someone from the list.");
        }
        Cursor after = Cursor.parse(form.raw("before"))
                .orElseThrow(() -> new BadRequestResponse(
                        "This page link is damaged: 'before' must look like 2026-11-30T10:15:00Z_123."));
        List<Entry> entries = List.of();
        String older = null;
        if (!form.hasErrors()) {
            entries = new ArrayList<>(
                    log.page(new Filter(form.raw("action"), form.raw("type"), subjectId, actor), after, PAGE_SIZE + 1));
            if (entries.size() > PAGE_SIZE) {
                entries = entries.subList(0, PAGE_SIZE);
                Entry last = entries.get(PAGE_SIZE - 1);
                older = address(form, new Cursor(last.at(), last.id()).toString());
            }
        } else {
            ctx.status(422);
        }
        List<AuditLogDao.Actor> actors = new ArrayList<>(log.actors());
        if (!actor.isEmpty()
                && !form.hasError("actor")
                && actors.stream().noneMatch(a -> a.value().equals(actor))) {
            actors.add(0, new AuditLogDao.Actor(actor, "Account " + actor));
        }
        String newest = form.raw("before").isEmpty() ? null : address(form, "");
        desk.render(
                ctx,
                "newsroom/audit/index.jte",
                new AuditPage(
                        desk.frame(ctx, "Audit log", "audit"),
                        entries,
                        form,
                        log.actions(),
                        log.subjectTypes(),
                        actors,
                        desk.user(ctx).atLeast(Role.ADMIN),
                        newest,
                        older));
    }

    private static String address(Form f, String before) {
        String out = NewsroomPaths.audit();
        for (String k : List.of("action", "type", "id", "actor")) {
            if (!f.raw(k).isEmpty()) out = Paths.with(out, k, f.raw(k));
        }
        return before.isEmpty() ? out : Paths.with(out, "before", before);
    }
}
