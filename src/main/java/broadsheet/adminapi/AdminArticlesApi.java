package broadsheet.adminapi;

import broadsheet.accounts.User;
import broadsheet.newsroom.articles.ArticleDesk;
import broadsheet.newsroom.articles.ArticleDeskDao;
import broadsheet.newsroom.articles.DeskArticle;
import broadsheet.newsroom.articles.EditorForm;
import broadsheet.newsroom.articles.Workflow;
import broadsheet.web.ApiPaths;
import broadsheet.web.Form;
import broadsheet.web.Params;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Admin API's articles: read one, create, update (only over the version named in {@code If-Match}),
 * and the editor's workflow steps (submit, schedule, publish, unpublish) and corrections. Every write goes
 * through the editor's own {@link ArticleDesk}: the same checks, the same rules of who may do what, the same
 * revisions and audit entries.
 */
public final class AdminArticlesApi {

    private final ArticleDesk desk;
    private final ArticleDeskDao dao;

    public AdminArticlesApi(ArticleDesk desk, ArticleDeskDao dao) {
        this.desk = desk;
        this.dao = dao;
    }

    public void get(Context ctx) {
        DeskArticle a = desk.load(StaffTokens.user(ctx), Params.pathId(ctx, "id"));
        send(ctx, 200, a);
    }

    public void create(Context ctx) {
        User user = StaffTokens.user(ctx);
        JsonBody body = JsonBody.of(ctx, ArticleJson.FIELDS, false);
        EditorForm form = ArticleJson.form(
                body, EditorForm.blank(dao.ownAuthorId(user.id()).orElse(null)));
        DeskArticle a = saved(user, desk.save(user, null, form, Workflow.SAVE, null, false), 0);
        ctx.header("Location", ApiPaths.adminArticle(a.id()));
        send(ctx, 201, a);
    }

    /** Changes the fields sent; the others keep their values. Needs {@code If-Match} with the version read. */
    public void update(Context ctx) {
        User user = StaffTokens.user(ctx);
        DeskArticle current = desk.load(user, Params.pathId(ctx, "id"));
        int version = ifMatch(ctx, current)
                .orElseThrow(() -> new ApiProblem(
                                428,
                                "Send If-Match with the version you read (its ETag, now "
                                        + ArticleJson.etag(current.version())
                                        + "), so that nobody's later changes are overwritten.")
                        .header("ETag", ArticleJson.etag(current.version())));
        JsonBody body = JsonBody.of(ctx, ArticleJson.FIELDS, false);
        EditorForm form = ArticleJson.form(body, EditorForm.of(current.content(), version));
        send(ctx, 200, saved(user, desk.save(user, current.id(), form, Workflow.SAVE, null, false), version));
    }

    public void submit(Context ctx) {
        step(ctx, Workflow.READY);
    }

    public void publish(Context ctx) {
        step(ctx, Workflow.PUBLISH);
    }

    public void schedule(Context ctx) {
        step(ctx, Workflow.SCHEDULE);
    }

    public void unpublish(Context ctx) {
        step(ctx, Workflow.UNPUBLISH);
    }

    /** A workflow step on the article as stored (over the version in If-Match when one is sent). */
    private void step(Context ctx, Workflow step) {
        User user = StaffTokens.user(ctx);
        DeskArticle current = desk.load(user, Params.pathId(ctx, "id"));
        int version = ifMatch(ctx, current).orElse(current.version());
        boolean scheduling = step == Workflow.SCHEDULE;
        JsonBody body = JsonBody.of(ctx, scheduling ? Set.of("publishAt") : Set.of(), !scheduling);
        Instant at = scheduling ? publishAt(body) : null;
        body.check();
        EditorForm form = EditorForm.of(current.content(), version);
        send(ctx, 200, saved(user, desk.save(user, current.id(), form, step, at, false), version));
    }

    /** Adds a correction or an update to a published article: {"kind": "correction" or "update", "text": ...}. */
    public void correct(Context ctx) {
        User user = StaffTokens.user(ctx);
        long id = Params.pathId(ctx, "id");
        desk.load(user, id);
        JsonBody body = JsonBody.of(ctx, Set.of("kind", "text"), false);
        Form form = Form.empty().set("kind", body.text("kind")).set("text", body.text("text"));
        body.check();
        desk.correct(user, id, form);
        if (form.hasErrors()) throw ApiProblem.invalid(form.errors());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("article", id);
        out.put("kind", form.raw("kind").strip());
        out.put("text", form.raw("text").strip());
        ctx.status(201).header("Cache-Control", "no-store").json(out);
    }

    private static Instant publishAt(JsonBody body) {
        String v = body.text("publishAt").strip();
        if (v.isEmpty()) {
            body.error("publishAt", "Choose the date and time to publish, like 2026-12-24T06:00:00Z.");
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            body.error(
                    "publishAt",
                    "Write the date and time in RFC 3339 form with its offset, like 2026-12-24T06:00:00Z or 2026-12-24T07:00:00+01:00.");
            return null;
        }
    }

    /** The saved article, or the refusal: 422 naming each field, 412 when the article moved past {@code version}. */
    private DeskArticle saved(User user, ArticleDesk.Outcome outcome, int version) {
        return switch (outcome) {
            case ArticleDesk.Saved s -> desk.load(user, s.id());
            case ArticleDesk.Invalid inv ->
                throw ApiProblem.invalid(ArticleJson.errors(inv.form().form().errors()));
            case ArticleDesk.Conflict c -> {
                int now = c.theirs().version();
                throw new ApiProblem(
                                412,
                                "The article is at version " + now + " but this change was made to version " + version
                                        + ": someone saved it since. Nothing was changed. Read it again, apply your change"
                                        + " and send it with If-Match: " + ArticleJson.etag(now) + ".")
                        .header("ETag", ArticleJson.etag(now))
                        .with("version", now);
            }
        };
    }

    /**
     * The version named in {@code If-Match} ("7", W/"7"; * for whatever is stored); empty when none was sent.
     * A tag that names no version cannot match, so it is a 412.
     */
    private static Optional<Integer> ifMatch(Context ctx, DeskArticle current) {
        String h = ctx.header("If-Match");
        if (h == null || h.isBlank()) return Optional.empty();
        String tag = h.split(",")[0].strip();
        if (tag.equals("*")) return Optional.of(current.version());
        if (tag.startsWith("W/")) tag = tag.substring(2);
        Optional<Integer> v = tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")
                ? Params.typedInt(tag.substring(1, tag.length() - 1))
                : Optional.empty();
        if (v.isEmpty())
            throw new ApiProblem(
                            412,
                            "If-Match names no version of this article; send its ETag, now "
                                    + ArticleJson.etag(current.version()) + ". Nothing was changed.")
                    .header("ETag", ArticleJson.etag(current.version()))
                    .with("version", current.version());
        return v;
    }

    private static void send(Context ctx, int status, DeskArticle a) {
        ctx.status(status)
                .header("ETag", ArticleJson.etag(a.version()))
                .header("Cache-Control", "no-store")
                .json(ArticleJson.of(a));
    }
}
