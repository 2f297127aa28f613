package broadsheet.newsroom.people;

import broadsheet.accounts.User;
import broadsheet.db.Cursor;
import broadsheet.newsroom.Desk;
import broadsheet.newsroom.people.People.Person;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Role;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** People and roles (admins only): every account, its role, and signing it out everywhere. */
public final class PeopleDesk {

    static final int PAGE_SIZE = 50;

    /**
     * @param here this list's address with its filters, for forms to come back to
     * @param newest the first page's address, with the same filters
     * @param older the next page's address, or null on the last page
     */
    public record PeoplePage(
            Desk.Frame frame,
            List<Person> people,
            List<Role> roles,
            String query,
            String role,
            String here,
            String newest,
            String older,
            boolean first,
            String notice,
            String problem) {}

    private final Desk desk;
    private final People people;

    public PeopleDesk(Desk desk, People people) {
        this.desk = desk;
        this.people = people;
    }

    public void list(Context ctx) {
        String notice = switch (String.valueOf(ctx.queryParam("done"))) {
            case "role" -> "The role has been changed.";
            case "signed-out" -> "They have been signed out on every device.";
            default -> null;
        };
        page(ctx, notice, null);
    }

    public void changeRole(Context ctx) {
        User admin = desk.user(ctx);
        long id = Params.pathId(ctx, "id");
        Role role = parse(ctx.formParam("role"));
        try {
            people.changeRole(admin, id, role);
        } catch (People.Refused e) {
            refused(ctx, e);
            return;
        }
        // an admin who gave up their own admin role may no longer see this page
        String next = id == admin.id() && role != Role.ADMIN
                ? (role == Role.READER ? Paths.account() : NewsroomPaths.newsroom())
                : back(ctx, "role", id);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    public void signOutEverywhere(Context ctx) {
        User admin = desk.user(ctx);
        long id = Params.pathId(ctx, "id");
        try {
            people.signOutEverywhere(admin, id);
        } catch (People.Refused e) {
            refused(ctx, e);
            return;
        }
        ctx.redirect(id == admin.id() ? Paths.signIn() : back(ctx, "signed-out", id), HttpStatus.SEE_OTHER);
    }

    private void refused(Context ctx, People.Refused e) {
        if (e.status == 404) throw new NotFoundResponse();
        ctx.status(e.status);
        page(ctx, null, e.getMessage());
    }

    private void page(Context ctx, String notice, String problem) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        String roleName = ctx.queryParam("role") == null ? "" : ctx.queryParam("role");
        Role role = roleName.isEmpty() ? null : role(roleName);
        Cursor after = Cursor.parse(ctx.queryParam("before"))
                .orElseThrow(() ->
                        new BadRequestResponse("The 'before' parameter must look like 2026-11-30T10:15:00Z_123."));
        List<Person> list = new ArrayList<>(people.list(q, role, after, PAGE_SIZE + 1));
        String filtered = Paths.with(Paths.with(NewsroomPaths.people(), "q", q), "role", roleName);
        String older = null;
        if (list.size() > PAGE_SIZE) {
            list = list.subList(0, PAGE_SIZE);
            Person last = list.get(PAGE_SIZE - 1);
            older = Paths.with(filtered, "before", new Cursor(last.createdAt(), last.id()).toString());
        }
        String here =
                ctx.queryParam("before") == null ? filtered : Paths.with(filtered, "before", ctx.queryParam("before"));
        desk.render(
                ctx,
                "newsroom/people/index.jte",
                new PeoplePage(
                        desk.frame(ctx, "People and roles", "people"),
                        list,
                        People.roles(),
                        q,
                        roleName,
                        here,
                        filtered,
                        older,
                        after.equals(Cursor.first()),
                        notice,
                        problem));
    }

    /** Back to the list the form was on, with its filters, at the person's row. */
    private static String back(Context ctx, String done, long id) {
        String from = ctx.formParam("back");
        String list = NewsroomPaths.people() + "?";
        if (from == null || !from.startsWith(list) || from.contains("#") || from.length() > 500) {
            from = list;
        }
        return from.replaceAll("&?done=[^&]*", "") + (from.endsWith("?") ? "" : "&") + "done=" + done + "#person-" + id;
    }

    /** The role named, or null for anything else (refused with a clear message). */
    private static Role parse(String name) {
        try {
            Role r = Role.valueOf(String.valueOf(name).toUpperCase(Locale.ROOT));
            return r == Role.ANYONE ? null : r;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Role role(String name) {
        Role r = parse(name);
        if (r == null) throw new BadRequestResponse("The role filter must be reader, contributor, editor or admin.");
        return r;
    }
}
