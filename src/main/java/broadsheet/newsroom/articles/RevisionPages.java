package broadsheet.newsroom.articles;

import broadsheet.accounts.User;
import broadsheet.newsroom.Desk;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Site;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An article's saved revisions, one revision compared with the article as it is now, and restoring one. */
public final class RevisionPages {

    public record RevisionsPage(
            Desk.Frame frame,
            long id,
            String headline,
            int currentVersion,
            List<RevisionDao.RevisionRow> rows,
            Site site) {}

    public record FieldChange(String label, String revision, String current) {}

    public record RevisionPage(
            Desk.Frame frame,
            long id,
            String headline,
            RevisionDao.RevisionRow revision,
            String savedAt,
            int currentVersion,
            List<RevisionDiff.Line> headlineDiff,
            List<RevisionDiff.Line> deckDiff,
            List<RevisionDiff.Line> bodyDiff,
            List<FieldChange> fields,
            boolean canRestore) {
        public boolean same() {
            return !RevisionDiff.changed(headlineDiff)
                    && !RevisionDiff.changed(deckDiff)
                    && !RevisionDiff.changed(bodyDiff)
                    && fields.isEmpty();
        }
    }

    private final Desk desk;
    private final ArticleDesk articles;
    private final RevisionDao dao;
    private final EditorView view;

    public RevisionPages(Desk desk, ArticleDesk articles, RevisionDao dao, EditorView view) {
        this.desk = desk;
        this.articles = articles;
        this.dao = dao;
        this.view = view;
    }

    public void revisions(Context ctx) {
        DeskArticle a = articles.load(desk.user(ctx), Params.pathId(ctx, "id"));
        List<RevisionDao.RevisionRow> rows = dao.revisions(a.id());
        desk.render(
                ctx,
                "newsroom/articles/revisions.jte",
                new RevisionsPage(
                        desk.frame(ctx, "Revisions: " + a.content().headline(), "articles"),
                        a.id(),
                        a.content().headline(),
                        a.version(),
                        rows,
                        desk.chrome().site()));
    }

    public void revision(Context ctx) {
        User user = desk.user(ctx);
        DeskArticle a = articles.load(user, Params.pathId(ctx, "id"));
        RevisionDao.StoredRevision r =
                dao.revision(a.id(), Params.pathNumber(ctx, "version")).orElseThrow(NotFoundResponse::new);
        ArticleDraft old = r.snapshot().article();
        ArticleDraft cur = a.content();
        Choices c = view.choices();
        List<FieldChange> fields = new ArrayList<>();
        change(fields, "Slug", old.slug(), cur.slug());
        change(fields, "Section", c.sectionName(old.sectionId()), c.sectionName(cur.sectionId()));
        change(fields, "Kind", old.kind(), cur.kind());
        change(fields, "Who may read it", old.access(), cur.access());
        change(fields, "Bylines", c.authorNames(old.authorIds()), c.authorNames(cur.authorIds()));
        change(fields, "Topics", c.topicNames(old.topicIds()), c.topicNames(cur.topicIds()));
        change(
                fields,
                "Lead photo",
                old.leadPhotoId() == null ? "none" : "no. " + old.leadPhotoId(),
                cur.leadPhotoId() == null ? "none" : "no. " + cur.leadPhotoId());
        change(fields, "Gallery", Choices.photoNumbers(old.galleryIds()), Choices.photoNumbers(cur.galleryIds()));
        desk.render(
                ctx,
                "newsroom/articles/revision.jte",
                new RevisionPage(
                        desk.frame(ctx, "Revision " + r.row().version() + ": " + cur.headline(), "articles"),
                        a.id(),
                        cur.headline(),
                        r.row(),
                        desk.chrome().site().readable(r.row().savedAt()),
                        a.version(),
                        RevisionDiff.lines(old.headline(), cur.headline()),
                        RevisionDiff.lines(old.deck(), cur.deck()),
                        RevisionDiff.lines(old.body(), cur.body()),
                        fields,
                        Workflow.canEdit(user, a.status(), a.mine())));
    }

    /** Saves a revision's content as the newest version; the form says which version the writer saw. */
    public void restore(Context ctx) {
        User user = desk.user(ctx);
        long id = Params.pathId(ctx, "id");
        int startedFrom = Params.typedInt(ctx.formParam("version"))
                .orElseThrow(() -> new BadRequestResponse(
                        "The form did not say which version you restored over. Reload the page and try again."));
        int revision = Params.pathNumber(ctx, "version");
        switch (articles.restore(user, id, revision, startedFrom)) {
            case ArticleDesk.Saved s ->
                ctx.redirect(Paths.with(NewsroomPaths.editArticle(id), "done", "restored"), HttpStatus.SEE_OTHER);
            case ArticleDesk.Invalid inv ->
                view.render(
                        ctx.status(422),
                        articles.load(user, id),
                        inv.form(),
                        null,
                        null,
                        null,
                        "Revision " + revision
                                + " could not be restored as it was: fix what is marked below, then save.");
            case ArticleDesk.Conflict c -> {
                EditorForm yours = EditorForm.of(
                        articles.revision(id, revision).orElseThrow(),
                        c.theirs().version());
                view.render(ctx.status(409), c.theirs(), yours, null, view.conflict(c, yours), null, null);
            }
        }
    }

    private static void change(List<FieldChange> out, String label, String old, String cur) {
        if (!Objects.equals(old, cur)) out.add(new FieldChange(label, old, cur));
    }
}
