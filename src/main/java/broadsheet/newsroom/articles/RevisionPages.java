package broadsheet.newsroom.articles;

import broadsheet.accounts.User;
import broadsheet.newsroom.Desk;
import broadsheet.sections.SectionDao;
import broadsheet.web.Site;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** An article's saved revisions, and one revision compared with the article as it is now. */
public final class RevisionPages {

    public record RevisionsPage(
            Desk.Frame frame,
            long id,
            String headline,
            int currentVersion,
            List<DeskDao.RevisionRow> rows,
            Site site) {}

    public record FieldChange(String label, String revision, String current) {}

    public record RevisionPage(
            Desk.Frame frame,
            long id,
            String headline,
            DeskDao.RevisionRow revision,
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
    private final SectionDao sections;
    private final Jdbi jdbi;

    public RevisionPages(Desk desk, ArticleDesk articles, Jdbi jdbi) {
        this.desk = desk;
        this.articles = articles;
        this.sections = new SectionDao(jdbi);
        this.jdbi = jdbi;
    }

    public void revisions(Context ctx) {
        DeskArticle a = articles.load(desk.user(ctx), ArticleDeskPages.id(ctx));
        List<DeskDao.RevisionRow> rows = jdbi.withHandle(h -> DeskDao.revisions(h, a.id()));
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
        DeskArticle a = articles.load(user, ArticleDeskPages.id(ctx));
        DeskDao.StoredRevision r = jdbi.withHandle(h -> DeskDao.revision(h, a.id(), ArticleDeskPages.version(ctx)))
                .orElseThrow(NotFoundResponse::new);
        ArticleDraft old = r.snapshot().article();
        ArticleDraft cur = a.content();
        ArticleDeskPages.Choices c = ArticleDeskPages.Choices.load(jdbi, sections);
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
        change(
                fields,
                "Gallery",
                ArticleDeskPages.Choices.photoNumbers(old.galleryIds()),
                ArticleDeskPages.Choices.photoNumbers(cur.galleryIds()));
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

    private static void change(List<FieldChange> out, String label, String old, String cur) {
        if (!Objects.equals(old, cur)) out.add(new FieldChange(label, old, cur));
    }
}
