package broadsheet.newsroom.taxonomy;

import broadsheet.newsroom.Desk;
import broadsheet.web.Form;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The newsroom pages of one kind (sections, authors or topics): a list, a form to create one,
 * a form to edit one, and deleting one that no article uses. One instance per kind.
 */
public final class CatalogDesk {

    static final int LIST_LIMIT = 200;

    public record ListPage(
            Desk.Frame frame,
            String noun,
            String plural,
            List<Kind.Entry> entries,
            String query,
            boolean more,
            String notice) {}

    /** @param id null on the form that creates one */
    public record EditPage(
            Desk.Frame frame,
            String heading,
            String noun,
            String plural,
            Long id,
            Form form,
            Kind.Choices choices,
            String problem,
            String notice,
            int uses,
            String publicPath) {
        public String action() {
            return id == null ? NewsroomPaths.catalog(plural) : NewsroomPaths.catalogItem(plural, id);
        }
    }

    private final Desk desk;
    private final Catalog catalog;
    private final Kind kind;

    public CatalogDesk(Desk desk, Catalog catalog) {
        this.desk = desk;
        this.catalog = catalog;
        this.kind = catalog.kind();
    }

    public void list(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        List<Kind.Entry> entries = new ArrayList<>(catalog.list(q, LIST_LIMIT + 1));
        boolean more = entries.size() > LIST_LIMIT;
        if (more) entries = entries.subList(0, LIST_LIMIT);
        String notice = "deleted".equals(ctx.queryParam("done")) ? "The " + kind.noun() + " has been deleted." : null;
        desk.render(
                ctx,
                "newsroom/taxonomy/list.jte",
                new ListPage(
                        desk.frame(ctx, heading(), kind.plural()),
                        kind.noun(),
                        kind.plural(),
                        entries,
                        q,
                        more,
                        notice));
    }

    public void blank(Context ctx) {
        edit(ctx, null, Form.empty(), null, null);
    }

    public void create(Context ctx) {
        Catalog.Result r = catalog.create(desk.user(ctx), submitted(ctx));
        if (r.ok()) {
            ctx.redirect(
                    Paths.with(NewsroomPaths.catalogItem(kind.plural(), r.id()), "done", "created"),
                    HttpStatus.SEE_OTHER);
        } else {
            ctx.status(r.status());
            edit(ctx, null, r.form(), r.problem(), null);
        }
    }

    public void show(Context ctx) {
        long id = Params.pathId(ctx, "id");
        Form form = catalog.load(id).orElseThrow(NotFoundResponse::new);
        String notice = switch (String.valueOf(ctx.queryParam("done"))) {
            case "created" -> "The " + kind.noun() + " has been created.";
            case "saved" -> "Your changes have been saved.";
            default -> null;
        };
        edit(ctx, id, form, null, notice);
    }

    public void update(Context ctx) {
        long id = Params.pathId(ctx, "id");
        Catalog.Result r = catalog.update(desk.user(ctx), id, submitted(ctx));
        if (r.status() == 404) throw new NotFoundResponse();
        if (r.ok()) {
            ctx.redirect(
                    Paths.with(NewsroomPaths.catalogItem(kind.plural(), id), "done", "saved"), HttpStatus.SEE_OTHER);
        } else {
            ctx.status(r.status());
            edit(ctx, id, r.form(), r.problem(), null);
        }
    }

    public void delete(Context ctx) {
        long id = Params.pathId(ctx, "id");
        Catalog.Result r = catalog.delete(desk.user(ctx), id);
        if (r.status() == 404) throw new NotFoundResponse();
        if (r.ok()) {
            ctx.redirect(Paths.with(NewsroomPaths.catalog(kind.plural()), "done", "deleted"), HttpStatus.SEE_OTHER);
        } else {
            ctx.status(r.status());
            edit(ctx, id, catalog.load(id).orElseThrow(NotFoundResponse::new), r.problem(), null);
        }
    }

    private void edit(Context ctx, Long id, Form form, String problem, String notice) {
        // the heading and the public link name what is saved, not what was typed
        Form saved = id == null ? null : catalog.load(id).orElseThrow(NotFoundResponse::new);
        String title = saved == null ? "New " + kind.noun() : "Edit " + kind.noun() + ": " + saved.raw("name");
        String publicPath = saved == null ? null : kind.publicPath(saved.raw("slug"));
        desk.render(
                ctx,
                "newsroom/taxonomy/" + kind.noun() + ".jte",
                new EditPage(
                        desk.frame(ctx, title, kind.plural()),
                        title,
                        kind.noun(),
                        kind.plural(),
                        id,
                        form,
                        catalog.choices(id),
                        problem,
                        notice,
                        id == null ? 0 : catalog.uses(id),
                        publicPath));
    }

    private Form submitted(Context ctx) {
        List<String> fields = new ArrayList<>(kind.fields());
        fields.add("version");
        return Form.of(ctx, fields);
    }

    private String heading() {
        return Character.toUpperCase(kind.plural().charAt(0)) + kind.plural().substring(1);
    }
}
