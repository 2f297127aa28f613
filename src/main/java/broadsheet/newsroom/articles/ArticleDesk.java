package broadsheet.newsroom.articles;

import broadsheet.accounts.User;
import broadsheet.articles.ArticleStatus;
import broadsheet.audit.Audit;
import broadsheet.db.ContentChanges;
import broadsheet.newsroom.articles.ArticleDeskDao.Refers;
import broadsheet.newsroom.articles.ArticleWriteDao.Links;
import broadsheet.web.Form;
import broadsheet.web.Role;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The rules of writing and publishing, each change one transaction: a save replaces the article
 * with bylines and topics, moves its version on, keeps a revision, writes the audit log and tells
 * every node when readers' pages changed. A save that started from an older version is refused
 * as a conflict so that nobody's words are lost.
 */
public final class ArticleDesk {

    /** Autosaves by the same person within this many minutes share one revision. */
    static final int AUTOSAVE_COALESCE_MINUTES = 5;

    public sealed interface Outcome permits Saved, Invalid, Conflict {}

    /** @param changed false when nothing differed from what was stored (nothing was written) */
    public record Saved(long id, int version, ArticleStatus status, boolean changed) implements Outcome {}

    public record Invalid(EditorForm form) implements Outcome {}

    /** The stored article moved on since the writer loaded it: theirs, and who saved it when. */
    public record Conflict(DeskArticle theirs, RevisionDao.RevisionRow savedBy) implements Outcome {}

    private final Jdbi jdbi;

    /** @param jdbi for the transactions; the SQL is in the desk's DAOs */
    public ArticleDesk(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The article for this person to look at; 404 if there is none, 403 if it is someone else's and they are no editor. */
    public DeskArticle load(User user, long id) {
        DeskArticle a = jdbi.withHandle(h -> ArticleDeskDao.find(h, id, user.id(), false))
                .orElseThrow(NotFoundResponse::new);
        if (!Workflow.canSee(user, a.mine())) throw notYours();
        return a;
    }

    /**
     * Saves the form over the article (or creates one when {@code id} is null) and takes the workflow step.
     *
     * @param scheduleAt when a scheduled article goes live (only for {@link Workflow#SCHEDULE})
     */
    public Outcome save(User user, Long id, EditorForm form, Workflow step, Instant scheduleAt, boolean autosave) {
        ArticleDraft typed = form.draft();
        List<EditorForm.NewTopic> newTopics = form.newTopics();
        return jdbi.inTransaction(h -> {
            DeskArticle cur = null;
            if (id != null) {
                cur = ArticleDeskDao.find(h, id, user.id(), true).orElseThrow(NotFoundResponse::new);
                if (!Workflow.canSee(user, cur.mine())) throw notYours();
                if (!Workflow.canEdit(user, cur.status(), cur.mine())) {
                    throw new ForbiddenResponse(
                            "Contributors may change their own articles only while they are drafts or ready for editing. Ask an editor.");
                }
            }
            if (step.editorsOnly && !user.atLeast(Role.EDITOR)) {
                throw new ForbiddenResponse("Only editors may publish, schedule or unpublish articles.");
            }
            if (cur != null && form.version() != cur.version()) {
                return new Conflict(cur, RevisionDao.latest(h, cur.id()).orElse(null));
            }
            ArticleStatus from = cur == null ? ArticleStatus.DRAFT : cur.status();
            if (!step.from.contains(from)) {
                form.form()
                        .error(
                                "status",
                                "This article is " + Workflow.label(from).toLowerCase() + ": “" + step.label()
                                        + "” is not possible now.");
            }
            ArticleDraft d = DraftChecks.complete(h, form.form(), typed, id);
            if (step.goesLive()) DraftChecks.publishProblems(h, d, form.form());
            if (form.form().hasErrors()) return new Invalid(form);

            boolean created = cur == null;
            long articleId = created ? ArticleWriteDao.insert(h, d, user.id()) : cur.id();
            List<Long> topicIds = new ArrayList<>(d.topicIds());
            for (EditorForm.NewTopic t : newTopics) {
                long tid = topic(h, user, t);
                if (!topicIds.contains(tid)) topicIds.add(tid);
            }
            d = d.withTopics(topicIds);
            ArticleStatus to = step.target(from);
            boolean contentChanged = created || !d.equals(cur.content());
            boolean statusChanged = to != from;
            if (!contentChanged && !statusChanged) return new Saved(articleId, cur.version(), from, false);

            ArticleWriteDao.Row row = ArticleWriteDao.update(h, articleId, d, step, from, scheduleAt);
            ArticleWriteDao.replace(h, Links.AUTHORS, articleId, d.authorIds());
            ArticleWriteDao.replace(h, Links.TOPICS, articleId, d.topicIds());
            ArticleWriteDao.replace(h, Links.PHOTOS, articleId, d.galleryIds());
            Snapshot snap = new Snapshot(d, row.status().dbValue(), row.publishedAt());
            boolean newRevision = revision(h, articleId, row.version(), user, snap, autosave);

            if (created) Audit.record(h, user, "created", "article", articleId, d.headline());
            else if (contentChanged && newRevision)
                Audit.record(
                        h,
                        user,
                        "edited",
                        "article",
                        articleId,
                        (autosave ? "autosave, " : "") + "version " + row.version());
            if (statusChanged)
                Audit.record(
                        h,
                        user,
                        Workflow.auditAction(to),
                        "article",
                        articleId,
                        to == ArticleStatus.SCHEDULED
                                ? "for " + row.publishedAt()
                                : Workflow.label(from) + " → " + Workflow.label(to));
            if (from == ArticleStatus.PUBLISHED || to == ArticleStatus.PUBLISHED)
                ContentChanges.announceArticles(h, List.of(articleId));
            return new Saved(articleId, row.version(), row.status(), true);
        });
    }

    /** Saves an earlier revision's content as the newest version (workflow status stays as it is). */
    public Outcome restore(User user, long id, int revision, int startedFrom) {
        load(user, id);
        ArticleDraft a = revision(id, revision).orElseThrow(NotFoundResponse::new);
        ArticleDraft still = jdbi.withHandle(h -> new ArticleDraft(
                a.headline(),
                a.deck(),
                a.slug(),
                a.sectionId(),
                a.kind(),
                ArticleDeskDao.existing(h, Refers.AUTHORS, a.authorIds()),
                ArticleDeskDao.existing(h, Refers.TOPICS, a.topicIds()),
                a.leadPhotoId() == null
                                || ArticleDeskDao.existing(h, Refers.PHOTOS, List.of(a.leadPhotoId()))
                                        .isEmpty()
                        ? null
                        : a.leadPhotoId(),
                ArticleDeskDao.existing(h, Refers.PHOTOS, a.galleryIds()),
                a.body(),
                a.access()));
        return save(user, id, EditorForm.of(still, startedFrom), Workflow.SAVE, null, false);
    }

    /** The content an article had at this revision, if it has one. */
    Optional<ArticleDraft> revision(long id, int revision) {
        return jdbi.withHandle(h -> RevisionDao.revision(h, id, revision))
                .map(r -> r.snapshot().article());
    }

    /** Appends a correction or update to a published article; the form comes back with errors if any. */
    public Form correct(User user, long id, Form f) {
        String kind = f.raw("kind").strip();
        String text = f.raw("text").strip();
        if (!kind.equals("correction") && !kind.equals("update")) f.error("kind", "Choose correction or update.");
        if (text.isEmpty()) f.error("text", "Write the correction or update readers will see.");
        else if (text.length() > 4000) f.error("text", "Shorten the text to 4,000 characters or fewer.");
        if (f.hasErrors()) return f;
        return jdbi.inTransaction(h -> {
            DeskArticle a = ArticleDeskDao.find(h, id, user.id(), true).orElseThrow(NotFoundResponse::new);
            if (!a.published())
                return f.error("text", "Corrections and updates can be added only to published articles.");
            ArticleWriteDao.addCorrection(h, id, kind, text);
            Audit.record(h, user, "corrected", "article", id, kind + ": " + text);
            ContentChanges.announceArticles(h, List.of(id));
            return f;
        });
    }

    /**
     * Keeps the saved article as a revision. An autosave right after the same person's previous
     * autosave replaces that revision instead, so a morning of typing is not hundreds of rows.
     *
     * @return whether a new revision row was made
     */
    private static boolean revision(Handle h, long id, int version, User user, Snapshot snap, boolean autosave) {
        if (autosave && RevisionDao.mergeAutosave(h, id, version, user.id(), snap, AUTOSAVE_COALESCE_MINUTES))
            return false;
        RevisionDao.insert(h, id, version, user.id(), snap, autosave);
        return true;
    }

    /** An existing topic with the same slug, or a new one. */
    private static long topic(Handle h, User user, EditorForm.NewTopic t) {
        String slug = ArticleDraft.slugOf(t.name());
        Optional<Long> existing = ArticleWriteDao.topicBySlug(h, slug);
        if (existing.isPresent()) return existing.get();
        long id = ArticleWriteDao.insertTopic(h, slug, t.name(), t.kind());
        Audit.record(h, user, "created", "topic", id, t.name() + " (" + t.kind().dbValue() + ")");
        return id;
    }

    private static ForbiddenResponse notYours() {
        return new ForbiddenResponse(
                "This article belongs to someone else. Contributors may open only the articles they created or have a byline on.");
    }
}
