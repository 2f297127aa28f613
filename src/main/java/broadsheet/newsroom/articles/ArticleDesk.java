package broadsheet.newsroom.articles;

import broadsheet.accounts.User;
import broadsheet.articles.BodyRenderer;
import broadsheet.audit.Audit;
import broadsheet.db.ContentChanges;
import broadsheet.media.Photo;
import broadsheet.newsroom.photos.PhotoRules;
import broadsheet.web.Form;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
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
    public record Saved(long id, int version, String status, boolean changed) implements Outcome {}

    public record Invalid(EditorForm form) implements Outcome {}

    /** The stored article moved on since the writer loaded it: theirs, and who saved it when. */
    public record Conflict(DeskArticle theirs, DeskDao.RevisionRow savedBy) implements Outcome {}

    private final Jdbi jdbi;

    public ArticleDesk(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The article for this person to look at; 404 if there is none, 403 if it is someone else's and they are no editor. */
    DeskArticle load(User user, long id) {
        DeskArticle a =
                jdbi.withHandle(h -> DeskDao.find(h, id, user.id(), false)).orElseThrow(NotFoundResponse::new);
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
                cur = DeskDao.find(h, id, user.id(), true).orElseThrow(NotFoundResponse::new);
                if (!Workflow.canSee(user, cur.mine())) throw notYours();
                if (!Workflow.canEdit(user, cur.status(), cur.mine())) {
                    throw new ForbiddenResponse(
                            "Contributors may change their own articles only while they are drafts or ready for editing. Ask an editor.");
                }
            }
            if (step.editorsOnly && !user.atLeast(broadsheet.web.Role.EDITOR)) {
                throw new ForbiddenResponse("Only editors may publish, schedule or unpublish articles.");
            }
            if (cur != null && form.version() != cur.version()) {
                return new Conflict(cur, DeskDao.latestRevision(h, cur.id()).orElse(null));
            }
            String from = cur == null ? "draft" : cur.status();
            if (!step.from.contains(from)) {
                form.form()
                        .error(
                                "status",
                                "This article is " + Workflow.label(from).toLowerCase() + ": “" + step.label()
                                        + "” is not possible now.");
            }
            ArticleDraft d = complete(h, form.form(), typed, id);
            if (step.goesLive()) publishProblems(h, d, form.form());
            if (form.form().hasErrors()) return new Invalid(form);

            boolean created = cur == null;
            long articleId = created ? insert(h, d, user) : cur.id();
            List<Long> topicIds = new ArrayList<>(d.topicIds());
            for (EditorForm.NewTopic t : newTopics) {
                long tid = topic(h, user, t);
                if (!topicIds.contains(tid)) topicIds.add(tid);
            }
            d = new ArticleDraft(
                    d.headline(),
                    d.deck(),
                    d.slug(),
                    d.sectionId(),
                    d.kind(),
                    d.authorIds(),
                    topicIds,
                    d.leadPhotoId(),
                    d.galleryIds(),
                    d.body(),
                    d.access());
            String to = step.target(from);
            boolean contentChanged = created || !d.equals(cur.content());
            boolean statusChanged = !to.equals(from);
            if (!contentChanged && !statusChanged) return new Saved(articleId, cur.version(), from, false);

            Row row = update(h, articleId, d, step, from, scheduleAt);
            replace(h, "article_authors", "author_id", articleId, d.authorIds());
            replace(h, "article_topics", "topic_id", articleId, d.topicIds());
            replace(h, "article_photos", "photo_id", articleId, d.galleryIds());
            Snapshot snap = new Snapshot(d, row.status(), row.publishedAt());
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
                        auditAction(to),
                        "article",
                        articleId,
                        to.equals("scheduled")
                                ? "for " + row.publishedAt()
                                : Workflow.label(from) + " → " + Workflow.label(to));
            if (from.equals("published") || to.equals("published")) ContentChanges.announce(h);
            return new Saved(articleId, row.version(), row.status(), true);
        });
    }

    /** Saves an earlier revision's content as the newest version (workflow status stays as it is). */
    public Outcome restore(User user, long id, int revision, int startedFrom) {
        load(user, id);
        Snapshot old = jdbi.withHandle(h -> DeskDao.revision(h, id, revision))
                .orElseThrow(NotFoundResponse::new)
                .snapshot();
        ArticleDraft a = old.article();
        ArticleDraft still = jdbi.withHandle(h -> new ArticleDraft(
                a.headline(),
                a.deck(),
                a.slug(),
                a.sectionId(),
                a.kind(),
                DeskDao.existing(h, "authors", a.authorIds()),
                DeskDao.existing(h, "topics", a.topicIds()),
                a.leadPhotoId() == null
                                || DeskDao.existing(h, "photos", List.of(a.leadPhotoId()))
                                        .isEmpty()
                        ? null
                        : a.leadPhotoId(),
                DeskDao.existing(h, "photos", a.galleryIds()),
                a.body(),
                a.access()));
        return save(user, id, EditorForm.of(still, startedFrom), Workflow.SAVE, null, false);
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
            DeskArticle a = DeskDao.find(h, id, user.id(), true).orElseThrow(NotFoundResponse::new);
            if (!a.published())
                return f.error("text", "Corrections and updates can be added only to published articles.");
            h.createUpdate(
                            "insert into corrections (article_id, kind, body, created_at) values (:id, :kind, :body, date_trunc('milliseconds', now()))")
                    .bind("id", id)
                    .bind("kind", kind)
                    .bind("body", text)
                    .execute();
            h.createUpdate("update articles set updated_at = now() where id = :id")
                    .bind("id", id)
                    .execute();
            Audit.record(h, user, "corrected", "article", id, kind + ": " + text);
            ContentChanges.announce(h);
            return f;
        });
    }

    // --- checks

    /** Fills in a slug from the headline when none was typed, and checks what only the database knows. */
    private ArticleDraft complete(Handle h, Form f, ArticleDraft d, Long id) {
        String slug = d.slug();
        if (slug.isEmpty()) {
            String base = ArticleDraft.slugOf(d.headline());
            if (base.isEmpty()) base = "article";
            slug = base;
            for (int n = 2; slugOwner(h, slug, id).isPresent(); n++) slug = base + "-" + n;
            f.set("slug", slug);
        } else if (!ArticleDraft.SLUG.matcher(slug).matches()) {
            f.error(
                    "slug",
                    "Use lower-case letters and digits, in words joined by single hyphens, like storm-hits-the-coast.");
        } else if (slug.length() > 120) {
            f.error("slug", "Shorten the slug to 120 characters or fewer.");
        } else {
            slugOwner(h, slug, id)
                    .ifPresent(other -> f.error(
                            "slug", "Another article already uses this slug (“" + other + "”). Choose another."));
        }
        if (d.sectionId() != null
                && DeskDao.existing(h, "sections", List.of(d.sectionId())).isEmpty()) {
            f.error("section", "That section no longer exists. Choose another.");
        }
        if (DeskDao.existing(h, "authors", d.authorIds()).size()
                != d.authorIds().size()) {
            f.error("author-1", "A chosen author no longer exists. Choose the bylines again.");
        }
        if (DeskDao.existing(h, "topics", d.topicIds()).size() != d.topicIds().size()) {
            f.error("topics", "A chosen topic no longer exists. Choose the topics again.");
        }
        if (d.leadPhotoId() != null
                && DeskDao.existing(h, "photos", List.of(d.leadPhotoId())).isEmpty()) {
            f.error("leadPhoto", "There is no photo number " + d.leadPhotoId() + ".");
        }
        List<Long> gallery = DeskDao.existing(h, "photos", d.galleryIds());
        if (gallery.size() != d.galleryIds().size()) {
            List<Long> missing =
                    d.galleryIds().stream().filter(g -> !gallery.contains(g)).toList();
            f.error(
                    "gallery",
                    "There is no photo number "
                            + join(missing.stream().map(String::valueOf).toList()) + ".");
        }
        return new ArticleDraft(
                d.headline(),
                d.deck(),
                slug,
                d.sectionId(),
                d.kind(),
                d.authorIds(),
                d.topicIds(),
                d.leadPhotoId(),
                d.galleryIds(),
                d.body(),
                d.access());
    }

    /** Everything readers will see must be there before an article goes live; each missing part is listed. */
    private void publishProblems(Handle h, ArticleDraft d, Form f) {
        if (d.headline().isEmpty()) f.error("headline", "Write a headline.");
        if (d.sectionId() == null) f.error("section", "Choose a section.");
        if (d.authorIds().isEmpty()) f.error("author-1", "Add at least one byline.");
        if (d.body().isBlank()) f.error("body", "Write the body.");
        if (d.leadPhotoId() != null) {
            DeskDao.photosById(h, List.of(d.leadPhotoId())).forEach(p -> {
                List<String> gaps = PhotoRules.missing(p);
                if (!gaps.isEmpty())
                    f.error(
                            "leadPhoto",
                            "The lead photo (no. " + p.id() + ") needs " + PhotoRules.phrase(gaps)
                                    + ". Add them on the photo desk.");
            });
        }
        List<String> galleryGaps = new ArrayList<>();
        for (Photo p : DeskDao.photosById(h, d.galleryIds())) {
            List<String> gaps = PhotoRules.missing(p);
            if (!gaps.isEmpty()) galleryGaps.add("photo no. " + p.id() + " needs " + PhotoRules.phrase(gaps));
        }
        if (!galleryGaps.isEmpty())
            f.error("gallery", "In the gallery, " + String.join("; ", galleryGaps) + ". Add them on the photo desk.");
        List<String> unknown = new ArrayList<>();
        Matcher m = BodyRenderer.MARKER.matcher(d.body());
        while (m.find()) {
            String table = m.group(1).equals("related") ? "articles" : "newsletters";
            String extra = table.equals("articles") ? " and status = 'published'" : "";
            boolean found = h.createQuery("select count(*) from " + table + " where slug = :s" + extra)
                            .bind("s", m.group(2))
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            if (!found) unknown.add(m.group());
        }
        if (!unknown.isEmpty()) {
            f.error(
                    "body",
                    "These links point to nothing readers can see: " + String.join(", ", unknown)
                            + ". Use the slug of a published article or of a newsletter.");
        }
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) return String.join("", parts);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static Optional<String> slugOwner(Handle h, String slug, Long id) {
        return h.createQuery("select headline from articles where slug = :slug and id <> :id")
                .bind("slug", slug)
                .bind("id", id == null ? -1L : id)
                .mapTo(String.class)
                .findOne();
    }

    // --- writes

    private record Row(int version, String status, Instant publishedAt) {}

    private static long insert(Handle h, ArticleDraft d, User user) {
        return h.createQuery("""
                insert into articles (slug, headline, section_id, status, version, created_by)
                values (:slug, :headline, :section, 'draft', 0, :me) returning id""")
                .bind("slug", d.slug())
                .bind("headline", d.headline())
                .bind("section", d.sectionId())
                .bind("me", user.id())
                .mapTo(Long.class)
                .one();
    }

    private static Row update(Handle h, long id, ArticleDraft d, Workflow step, String from, Instant scheduleAt) {
        String publishedAt = switch (step) {
            // a republished article keeps its first publication time; a scheduled one goes out now
            case PUBLISH ->
                "case when status <> 'scheduled' and published_at is not null and published_at <= now() then published_at else now() end";
            case SCHEDULE -> ":at";
            case DRAFT -> from.equals("scheduled") ? "null" : "published_at";
            default -> "published_at";
        };
        return h.createQuery("""
                update articles set headline = :headline, deck = :deck, slug = :slug, body = :body, section_id = :section,
                       kind = :kind, lead_photo_id = :lead, access = :access, status = :status, published_at = %s,
                       updated_at = now(), version = version + 1
                 where id = :id returning version, status, published_at""".formatted(publishedAt))
                .bind("headline", d.headline())
                .bind("deck", d.deck())
                .bind("slug", d.slug())
                .bind("body", d.body())
                .bind("section", d.sectionId())
                .bind("kind", d.kind())
                .bind("lead", d.leadPhotoId())
                .bind("access", d.access())
                .bind("status", step.target(from))
                .bind("at", scheduleAt == null ? null : Timestamp.from(scheduleAt))
                .bind("id", id)
                .map((rs, ctx) -> new Row(rs.getInt(1), rs.getString(2), DeskDao.ts(rs, "published_at")))
                .one();
    }

    private static void replace(Handle h, String table, String column, long articleId, List<Long> ids) {
        h.createUpdate("delete from " + table + " where article_id = :id")
                .bind("id", articleId)
                .execute();
        for (int i = 0; i < ids.size(); i++) {
            h.createUpdate("insert into " + table + " (article_id, " + column + ", position) values (:a, :x, :p)")
                    .bind("a", articleId)
                    .bind("x", ids.get(i))
                    .bind("p", i)
                    .execute();
        }
    }

    /**
     * Keeps the saved article as a revision. An autosave right after the same person's previous
     * autosave replaces that revision instead, so a morning of typing is not hundreds of rows.
     *
     * @return whether a new revision row was made
     */
    private static boolean revision(Handle h, long id, int version, User user, Snapshot snap, boolean autosave) {
        if (autosave) {
            int merged = h.createUpdate("""
                    update article_revisions set version = :v, snapshot = cast(:s as jsonb), saved_at = now()
                     where article_id = :id and version = :prev and autosave and saved_by = :me
                       and saved_at > now() - make_interval(mins => :mins)""")
                    .bind("v", version)
                    .bind("s", snap.toJson())
                    .bind("id", id)
                    .bind("prev", version - 1)
                    .bind("me", user.id())
                    .bind("mins", AUTOSAVE_COALESCE_MINUTES)
                    .execute();
            if (merged > 0) return false;
        }
        h.createUpdate("""
                insert into article_revisions (article_id, version, saved_by, snapshot, autosave)
                values (:id, :v, :me, cast(:s as jsonb), :auto)""")
                .bind("id", id)
                .bind("v", version)
                .bind("me", user.id())
                .bind("s", snap.toJson())
                .bind("auto", autosave)
                .execute();
        return true;
    }

    /** An existing topic with the same slug, or a new one. */
    private static long topic(Handle h, User user, EditorForm.NewTopic t) {
        String slug = ArticleDraft.slugOf(t.name());
        Optional<Long> existing = h.createQuery("select id from topics where slug = :s")
                .bind("s", slug)
                .mapTo(Long.class)
                .findOne();
        if (existing.isPresent()) return existing.get();
        long id = h.createQuery("insert into topics (slug, name, kind) values (:s, :n, :k) returning id")
                .bind("s", slug)
                .bind("n", t.name())
                .bind("k", t.kind())
                .mapTo(Long.class)
                .one();
        Audit.record(h, user, "created", "topic", id, t.name() + " (" + t.kind() + ")");
        return id;
    }

    private static String auditAction(String status) {
        return switch (status) {
            case "ready" -> "marked ready";
            case "draft" -> "moved to draft";
            default -> status; // published, scheduled, unpublished
        };
    }

    private static ForbiddenResponse notYours() {
        return new ForbiddenResponse(
                "This article belongs to someone else. Contributors may open only the articles they created or have a byline on.");
    }
}
