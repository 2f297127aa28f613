package broadsheet.newsroom.articles;

import broadsheet.accounts.User;
import broadsheet.media.Photo;
import broadsheet.newsroom.Desk;
import broadsheet.newsroom.photos.EditorUploads;
import broadsheet.web.Form;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The editor's requests: the blank and the filled-in form, a save with its workflow step (publish,
 * schedule, unpublish...), the autosave, and a correction to a published article.
 */
public final class EditorPages {

    /** A suggestion's buttons: "add-topic:ID" ticks a topic, "new-topic:Name (kind)" types a new one. */
    public static final String ADD_TOPIC = "add-topic:";

    public static final String NEW_TOPIC = "new-topic:";

    private final Desk desk;
    private final ArticleDesk articles;
    private final ArticleDeskDao dao;
    private final EditorView view;
    private final EditorUploads uploads;

    public EditorPages(Desk desk, ArticleDesk articles, ArticleDeskDao dao, EditorView view, EditorUploads uploads) {
        this.desk = desk;
        this.articles = articles;
        this.dao = dao;
        this.view = view;
        this.uploads = uploads;
    }

    /**
     * A photo uploaded in the editor: filed in the library and made the lead photo or added to the
     * gallery, then back to the editor. The editor's script asks for JSON and updates the form in
     * place; a refused upload saves nothing and shows its message next to the field.
     */
    public void uploadPhoto(Context ctx) {
        User user = desk.user(ctx);
        long id = Params.pathId(ctx, "id");
        DeskArticle a = articles.load(user, id);
        Form f = Form.of(ctx, EditorUploads.FIELDS);
        boolean json = Objects.requireNonNullElse(ctx.header("Accept"), "").contains("application/json");
        Optional<Photo> photo = uploads.upload(user, id, ctx.uploadedFile("file"), f);
        if (json) {
            ctx.header("Cache-Control", "no-store");
            if (photo.isEmpty()) {
                ctx.status(422).json(Map.of("saved", false, "errors", f.errors()));
                return;
            }
            Photo p = photo.get();
            ctx.json(Map.of(
                    "saved", true,
                    "id", p.id(),
                    "use", f.raw("use").strip(),
                    "src", p.src(320),
                    "width", p.width(),
                    "height", p.height(),
                    "caption", p.caption(),
                    "credit", p.credit()));
            return;
        }
        if (photo.isEmpty()) {
            view.render(ctx.status(422), a, EditorForm.of(a.content(), a.version()), null, null, null, null, f);
            return;
        }
        String done = f.raw("use").strip().equals("lead") ? "photo-lead" : "photo-gallery";
        ctx.redirect(Paths.with(NewsroomPaths.editArticle(id), "done", done) + "#f-leadPhoto", HttpStatus.SEE_OTHER);
    }

    public void newForm(Context ctx) {
        User user = desk.user(ctx);
        Long own = dao.ownAuthorId(user.id()).orElse(null);
        view.render(ctx, null, EditorForm.blank(own), null, null, null, null);
    }

    public void edit(Context ctx) {
        DeskArticle a = articles.load(desk.user(ctx), Params.pathId(ctx, "id"));
        view.render(ctx, a, EditorForm.of(a.content(), a.version()), null, null, null, notice(ctx.queryParam("done")));
    }

    public void create(Context ctx) {
        submit(ctx, null);
    }

    public void save(Context ctx) {
        submit(ctx, Params.pathId(ctx, "id"));
    }

    private void submit(Context ctx, Long id) {
        User user = desk.user(ctx);
        DeskArticle current = id == null ? null : articles.load(user, id);
        EditorForm f = EditorForm.of(ctx);
        String action = Objects.requireNonNullElse(ctx.formParam("action"), "save");
        switch (action) {
            case "preview" -> {
                ArticleDraft d = f.draft();
                f.form().errors().clear();
                view.render(ctx, current, f, view.preview(id, d), null, null, null);
                return;
            }
            case "find-photos", "find-related" -> {
                view.render(ctx, current, f, null, null, null, null);
                return;
            }
            case "suggest-topics" -> {
                view.renderWithSuggestions(ctx, current, f);
                return;
            }
            default -> {}
        }
        if (action.startsWith(ADD_TOPIC) || action.startsWith(NEW_TOPIC)) {
            if (action.startsWith(ADD_TOPIC))
                f.addTopic(Params.typedLong(action.substring(ADD_TOPIC.length()))
                        .orElseThrow(() -> new BadRequestResponse("Unknown topic: " + action)));
            else f.addNewTopic(action.substring(NEW_TOPIC.length()).strip());
            view.renderWithSuggestions(ctx, current, f);
            return;
        }
        Workflow step = Workflow.of(action).orElseThrow(() -> new BadRequestResponse("Unknown action: " + action));
        Instant at = null;
        if (step == Workflow.SCHEDULE) at = scheduleTime(f);
        switch (articles.save(user, id, f, step, at, false)) {
            case ArticleDesk.Saved s ->
                ctx.redirect(
                        Paths.with(NewsroomPaths.editArticle(s.id()), "done", s.changed() ? step.value() : "nothing"),
                        HttpStatus.SEE_OTHER);
            case ArticleDesk.Invalid inv -> view.render(ctx.status(422), current, inv.form(), null, null, null, null);
            case ArticleDesk.Conflict c ->
                view.render(
                        ctx.status(409),
                        c.theirs(),
                        f.withVersion(c.theirs().version()),
                        null,
                        view.conflict(c, f),
                        null,
                        null);
        }
    }

    /** Autosave from the editor's script: JSON in the answer, the same rules as a save. */
    public void autosave(Context ctx) {
        User user = desk.user(ctx);
        long id = Params.pathId(ctx, "id");
        EditorForm f = EditorForm.of(ctx);
        ctx.header("Cache-Control", "no-store");
        switch (articles.save(user, id, f, Workflow.SAVE, null, true)) {
            case ArticleDesk.Saved s ->
                ctx.json(Map.of(
                        "saved",
                        true,
                        "version",
                        s.version(),
                        "changed",
                        s.changed(),
                        "at",
                        desk.chrome().site().readable(Instant.now())));
            case ArticleDesk.Invalid inv ->
                ctx.status(422)
                        .json(Map.of(
                                "saved",
                                false,
                                "errors",
                                inv.form().form().errors(),
                                "message",
                                "Not saved automatically: "
                                        + String.join(
                                                " ", inv.form().form().errors().values())));
            case ArticleDesk.Conflict c ->
                ctx.status(409)
                        .json(
                                Map.of(
                                        "saved",
                                        false,
                                        "conflict",
                                        true,
                                        "version",
                                        c.theirs().version(),
                                        "message",
                                        "Someone else saved this article (version "
                                                + c.theirs().version()
                                                + "). Autosave has stopped. Press Save to compare both versions; nothing you typed is lost."));
        }
    }

    /**
     * The editor's script asks for suggestions while the writer types: the form's fields posted as
     * they stand (with the CSRF token), the same suggestions "Suggest topics" shows, as JSON. Nothing
     * is saved and no article is read, so a new article's form asks too.
     */
    public void topicSuggestions(Context ctx) {
        desk.user(ctx);
        EditorForm f = EditorForm.of(ctx);
        List<Map<String, Object>> out = view.suggestionsFor(f).stream()
                .map(s -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("name", s.name());
                    m.put("kind", s.kind().dbValue());
                    m.put("kindLabel", s.kind().label());
                    m.put("score", Math.round(s.salience() * 100) / 100.0);
                    m.put("exists", !s.isNew());
                    m.put("topicId", s.topicId());
                    m.put("typed", s.typed());
                    m.put("found", s.found());
                    m.put("mentions", s.mentions());
                    return m;
                })
                .toList();
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("suggestions", out));
    }

    public void correct(Context ctx) {
        User user = desk.user(ctx);
        long id = Params.pathId(ctx, "id");
        DeskArticle a = articles.load(user, id);
        Form f = articles.correct(user, id, Form.of(ctx, List.of("kind", "text")));
        if (f.hasErrors()) {
            view.render(ctx.status(422), a, EditorForm.of(a.content(), a.version()), null, null, f, null);
            return;
        }
        ctx.redirect(
                Paths.with(NewsroomPaths.editArticle(id) + "#corrections-h", "done", "corrected"),
                HttpStatus.SEE_OTHER);
    }

    private Instant scheduleTime(EditorForm f) {
        String v = f.value("publishAt").strip();
        if (v.isEmpty()) {
            f.form().error("publishAt", "Choose the date and time to publish.");
            return null;
        }
        try {
            String norm = v.replace('T', ' ').replaceAll("\\s+", " ");
            return LocalDateTime.parse(norm.length() > 16 ? norm.substring(0, 16) : norm, EditorView.LOCAL_INPUT)
                    .atZone(desk.chrome().site().zone())
                    .toInstant();
        } catch (DateTimeException e) {
            f.form()
                    .error(
                            "publishAt",
                            "Write the date and time as year-month-day hours:minutes, like 2026-11-30 06:00.");
            return null;
        }
    }

    private static String notice(String done) {
        if (done == null) return null;
        return switch (done) {
            case "save" -> "Saved.";
            case "nothing" -> "Nothing had changed, so nothing was saved.";
            case "ready" -> "Saved and marked ready for editing.";
            case "draft" -> "Saved and moved back to draft.";
            case "publish" -> "Published. Readers can see it now.";
            case "schedule" -> "Scheduled. It will be published at the time shown.";
            case "unpublish" -> "Unpublished. Readers can no longer see it.";
            case "restored" -> "The revision was restored as a new version.";
            case "corrected" -> "The correction or update was added and readers can see it now.";
            case "photo-lead" -> "The photo was uploaded and is now the lead photo.";
            case "photo-gallery" -> "The photo was uploaded and added to the end of the gallery.";
            default -> null;
        };
    }
}
