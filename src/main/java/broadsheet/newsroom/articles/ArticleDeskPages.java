package broadsheet.newsroom.articles;

import broadsheet.accounts.User;
import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticlePage;
import broadsheet.articles.ArticlePages;
import broadsheet.articles.ArticleView;
import broadsheet.articles.Kind;
import broadsheet.audit.Audit;
import broadsheet.media.Photo;
import broadsheet.newsroom.Desk;
import broadsheet.sections.Section;
import broadsheet.sections.SectionDao;
import broadsheet.web.Form;
import broadsheet.web.Role;
import broadsheet.web.Site;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** The article desk's pages: the list, the editor, revisions, corrections, preview links and the related-article search. */
public final class ArticleDeskPages {

    static final Duration PREVIEW_LIFETIME = Duration.ofHours(48);
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public record Choices(
            List<Section> sections, List<DeskDao.AuthorChoice> authors, List<DeskDao.TopicChoice> topics) {
        static Choices load(Jdbi jdbi, SectionDao sections) {
            return jdbi.withHandle(h -> new Choices(sections.all(), DeskDao.authors(h), DeskDao.topics(h)));
        }

        /** Names for comparing two versions: "Politics", "Ada Quill, Ben Marsh", "no. 4, no. 7"; "none" when empty. */
        String sectionName(Long id) {
            if (id == null) return "none";
            return sections.stream()
                    .filter(s -> s.id() == id)
                    .map(Section::name)
                    .findFirst()
                    .orElse("no. " + id);
        }

        String authorNames(List<Long> ids) {
            return names(ids, authors, DeskDao.AuthorChoice::id, DeskDao.AuthorChoice::name);
        }

        String topicNames(List<Long> ids) {
            return names(ids, topics, DeskDao.TopicChoice::id, DeskDao.TopicChoice::label);
        }

        static String photoNumbers(List<Long> ids) {
            return ids.isEmpty() ? "none" : ids.stream().map(i -> "no. " + i).collect(Collectors.joining(", "));
        }

        private static <T> String names(
                List<Long> ids, List<T> all, Function<T, Long> idOf, Function<T, String> nameOf) {
            if (ids.isEmpty()) return "none";
            Map<Long, String> byId = new LinkedHashMap<>();
            all.forEach(x -> byId.put(idOf.apply(x), nameOf.apply(x)));
            return ids.stream().map(i -> byId.getOrDefault(i, "no. " + i)).collect(Collectors.joining(", "));
        }
    }

    public record ListPage(
            Desk.Frame frame,
            DeskList.Filter filter,
            List<DeskList.Row> rows,
            String nextHref,
            boolean firstPage,
            Choices choices,
            boolean everyone,
            Site site) {}

    /** The body as readers would see it, under the headline, deck and section. */
    public record Preview(String headline, String deck, String section, String kind, List<ArticlePage.Part> parts) {}

    /** A field as saved by someone else and as typed by this writer, side by side. */
    public record Compare(String label, String theirs, String yours, boolean differs, boolean multiline) {}

    public record ConflictView(int theirVersion, String savedBy, String savedAt, List<Compare> fields) {}

    public record Hit(String headline, String slug, String path, String when) {
        public String code() {
            return "[[related:" + slug + "]]";
        }
    }

    public record CorrectionRow(String kind, String body, String when) {}

    public record EditorPage(
            Desk.Frame frame,
            Long id,
            String status,
            int version,
            EditorForm form,
            Choices choices,
            List<Workflow> steps,
            boolean canEdit,
            boolean editor,
            Preview preview,
            ConflictView conflict,
            List<Photo> photoChoices,
            List<Photo> gallery,
            List<Hit> related,
            Form correction,
            List<CorrectionRow> corrections,
            String notice,
            String publicPath,
            String scheduledFor,
            String zone) {
        public String action() {
            return id == null ? "/newsroom/articles" : "/newsroom/articles/" + id;
        }

        public String statusLabel() {
            return Workflow.label(status);
        }
    }

    public record LinkPage(Desk.Frame frame, long id, String headline, String url, String expires) {}

    public record SearchPage(Desk.Frame frame, String q, List<Hit> hits) {}

    private final Desk desk;
    private final ArticleDesk articles;
    private final DeskList list;
    private final PreviewLinks links;
    private final ArticlePages pages;
    private final ArticleDao published;
    private final SectionDao sections;
    private final Jdbi jdbi;

    public ArticleDeskPages(
            Desk desk, ArticleDesk articles, PreviewLinks links, ArticlePages pages, ArticleDao published, Jdbi jdbi) {
        this.desk = desk;
        this.articles = articles;
        this.list = new DeskList(jdbi);
        this.links = links;
        this.pages = pages;
        this.published = published;
        this.sections = new SectionDao(jdbi);
        this.jdbi = jdbi;
    }

    // --- the list

    public void list(Context ctx) {
        User user = desk.user(ctx);
        String asked = Objects.requireNonNullElse(ctx.queryParam("status"), "");
        String status = DeskList.Filter.STATUSES.contains(asked) ? asked : "";
        String q = Objects.requireNonNullElse(ctx.queryParam("q"), "").strip();
        DeskList.Filter f = new DeskList.Filter(
                status,
                number(ctx.queryParam("section")),
                number(ctx.queryParam("author")),
                q.length() > 200 ? q.substring(0, 200) : q,
                DeskList.Sort.of(ctx.queryParam("sort")));
        boolean everyone = user.atLeast(Role.EDITOR);
        String after = ctx.queryParam("after");
        DeskList.Result r = list.page(f, everyone ? null : user.id(), after);
        String next = r.nextAfter() == null
                ? null
                : "/newsroom/articles?" + f.query() + "&after="
                        + java.net.URLEncoder.encode(r.nextAfter(), java.nio.charset.StandardCharsets.UTF_8);
        desk.render(
                ctx,
                "newsroom/articles/list.jte",
                new ListPage(
                        desk.frame(ctx, "Articles", "articles"),
                        f,
                        r.rows(),
                        next,
                        after == null || after.isBlank(),
                        choices(),
                        everyone,
                        desk.chrome().site()));
    }

    // --- the editor

    public void newForm(Context ctx) {
        User user = desk.user(ctx);
        Long own = jdbi.withHandle(h -> h.createQuery("select id from authors where user_id = :me")
                .bind("me", user.id())
                .mapTo(Long.class)
                .findOne()
                .orElse(null));
        editor(ctx, null, EditorForm.blank(own), null, null, null, null);
    }

    public void edit(Context ctx) {
        DeskArticle a = articles.load(desk.user(ctx), id(ctx));
        editor(ctx, a, EditorForm.of(a.content(), a.version()), null, null, null, notice(ctx.queryParam("done")));
    }

    public void create(Context ctx) {
        submit(ctx, null);
    }

    public void save(Context ctx) {
        submit(ctx, id(ctx));
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
                Preview p = preview(id, d);
                editor(ctx, current, f, p, null, null, null);
                return;
            }
            case "find-photos", "find-related" -> {
                editor(ctx, current, f, null, null, null, null);
                return;
            }
            default -> {}
        }
        Workflow step = Workflow.of(action).orElseThrow(() -> new BadRequestResponse("Unknown action: " + action));
        Instant at = null;
        if (step == Workflow.SCHEDULE) at = scheduleTime(f);
        switch (articles.save(user, id, f, step, at, false)) {
            case ArticleDesk.Saved s ->
                ctx.redirect(
                        "/newsroom/articles/" + s.id() + "?done=" + (s.changed() ? step.value() : "nothing"),
                        HttpStatus.SEE_OTHER);
            case ArticleDesk.Invalid inv -> editor(ctx.status(422), current, inv.form(), null, null, null, null);
            case ArticleDesk.Conflict c ->
                editor(
                        ctx.status(409),
                        c.theirs(),
                        f.withVersion(c.theirs().version()),
                        null,
                        conflict(c, f),
                        null,
                        null);
        }
    }

    /** Autosave from the editor's script: JSON in the answer, the same rules as a save. */
    public void autosave(Context ctx) {
        User user = desk.user(ctx);
        long id = id(ctx);
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

    public void correct(Context ctx) {
        User user = desk.user(ctx);
        long id = id(ctx);
        DeskArticle a = articles.load(user, id);
        Form f = articles.correct(user, id, Form.of(ctx, List.of("kind", "text")));
        if (f.hasErrors()) {
            editor(ctx.status(422), a, EditorForm.of(a.content(), a.version()), null, null, f, null);
            return;
        }
        ctx.redirect("/newsroom/articles/" + id + "?done=corrected#corrections-h", HttpStatus.SEE_OTHER);
    }

    // --- revisions (the list and the diff are in RevisionPages)

    public void restore(Context ctx) {
        User user = desk.user(ctx);
        long id = id(ctx);
        int startedFrom;
        try {
            startedFrom = Integer.parseInt(Objects.requireNonNullElse(ctx.formParam("version"), ""));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(
                    "The form did not say which version you restored over. Reload the page and try again.");
        }
        int revision = version(ctx);
        switch (articles.restore(user, id, revision, startedFrom)) {
            case ArticleDesk.Saved s ->
                ctx.redirect("/newsroom/articles/" + id + "?done=restored", HttpStatus.SEE_OTHER);
            case ArticleDesk.Invalid inv ->
                editor(
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
                        jdbi.withHandle(h -> DeskDao.revision(h, id, revision))
                                .orElseThrow()
                                .snapshot()
                                .article(),
                        c.theirs().version());
                editor(ctx.status(409), c.theirs(), yours, null, conflict(c, yours), null, null);
            }
        }
    }

    // --- previews

    public void previewLink(Context ctx) {
        User user = desk.user(ctx);
        DeskArticle a = articles.load(user, id(ctx));
        Instant expires = Instant.now().plus(PREVIEW_LIFETIME).truncatedTo(ChronoUnit.SECONDS);
        String url = desk.chrome().site().absolute(links.path(a.id(), expires));
        // whoever holds the link can read an unpublished article until it expires: record who made one
        jdbi.useHandle(h -> Audit.record(h, user, "made a preview link", "article", a.id(), "valid until " + expires));
        desk.render(
                ctx,
                "newsroom/articles/preview-link.jte",
                new LinkPage(
                        desk.frame(ctx, "Preview link", "articles"),
                        a.id(),
                        a.content().headline(),
                        url,
                        desk.chrome().site().readable(expires)));
    }

    /** The article as readers would see it, for whoever holds a valid signed link. */
    public void preview(Context ctx) {
        long id = id(ctx);
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        if (!links.valid(id, ctx.queryParam("expires"), ctx.queryParam("sig"), Instant.now())) {
            throw new ForbiddenResponse(
                    "This preview link has expired or is not complete. Ask the newsroom for a new one.");
        }
        ArticleView a = published.findAny(id).orElseThrow(NotFoundResponse::new);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(pages.renderPreview(a, Instant.now()));
    }

    // --- search for related articles

    public void search(Context ctx) {
        String q = Objects.requireNonNullElse(ctx.queryParam("q"), "").strip();
        List<Hit> hits = hits(q);
        String accept = Objects.requireNonNullElse(ctx.header("Accept"), "");
        if ("json".equals(ctx.queryParam("format"))
                || (accept.contains("application/json") && !accept.contains("text/html"))) {
            ctx.header("Cache-Control", "private, no-store");
            ctx.json(hits.stream()
                    .map(h -> Map.of("headline", h.headline(), "slug", h.slug(), "code", h.code(), "when", h.when()))
                    .toList());
            return;
        }
        desk.render(
                ctx,
                "newsroom/articles/search.jte",
                new SearchPage(desk.frame(ctx, "Find articles to link", "articles"), q, hits));
    }

    private List<Hit> hits(String q) {
        if (q.isEmpty()) return List.of();
        Site site = desk.chrome().site();
        return jdbi.withHandle(h -> h.createQuery("""
                select slug, headline, published_at from articles
                 where status = 'published' and headline ilike :like escape '\\'
                 order by published_at desc, id desc limit 10""")
                .bind("like", DeskDao.like(q.length() > 200 ? q.substring(0, 200) : q))
                .map((rs, c) -> {
                    Instant at = DeskDao.ts(rs, "published_at");
                    return new Hit(
                            rs.getString("headline"),
                            rs.getString("slug"),
                            site.articlePath(rs.getString("slug"), at),
                            site.readable(at));
                })
                .list());
    }

    // --- building the editor page

    private void editor(
            Context ctx,
            DeskArticle a,
            EditorForm f,
            Preview preview,
            ConflictView conflict,
            Form correction,
            String notice) {
        User user = desk.user(ctx);
        Site site = desk.chrome().site();
        Choices choices = choices();
        String status = a == null ? "draft" : a.status();
        boolean mine = a == null || a.mine();
        boolean canEdit = a == null || Workflow.canEdit(user, status, mine);
        List<Long> gallery = f.galleryIdsQuietly();
        Long lead = f.leadIdQuietly();
        List<Photo> photoChoices = jdbi.withHandle(h -> {
            List<Photo> found = new ArrayList<>(DeskDao.photos(h, f.value("photoQuery"), 12));
            if (lead != null && found.stream().noneMatch(p -> p.id() == lead))
                found.addAll(0, DeskDao.photosById(h, List.of(lead)));
            return found;
        });
        List<Photo> galleryPhotos = jdbi.withHandle(h -> DeskDao.photosById(h, gallery));
        List<Hit> related = f.value("relatedQuery").isBlank()
                ? List.of()
                : hits(f.value("relatedQuery").strip());
        List<CorrectionRow> corrections = a == null
                ? List.of()
                : jdbi.withHandle(h -> h.createQuery(
                                "select kind, body, created_at from corrections where article_id = :id order by created_at, id")
                        .bind("id", a.id())
                        .map((rs, c) -> new CorrectionRow(
                                rs.getString(1), rs.getString(2), site.readable(DeskDao.ts(rs, "created_at"))))
                        .list());
        String publicPath =
                a != null && a.published() ? site.articlePath(a.content().slug(), a.publishedAt()) : null;
        String scheduledFor = a != null && a.status().equals("scheduled") && a.publishedAt() != null
                ? site.readable(a.publishedAt())
                : null;
        if (f.value("publishAt").isEmpty() && a != null && a.status().equals("scheduled") && a.publishedAt() != null) {
            f.form().set("publishAt", LOCAL_INPUT.format(a.publishedAt().atZone(site.zone())));
        }
        String title = a == null ? "New article" : "Edit: " + a.content().headline();
        desk.render(
                ctx,
                "newsroom/articles/editor.jte",
                new EditorPage(
                        desk.frame(ctx, title, "articles"),
                        a == null ? null : a.id(),
                        status,
                        a == null ? 0 : a.version(),
                        f,
                        choices,
                        a == null ? Workflow.steps(user, "draft", true) : Workflow.steps(user, status, mine),
                        canEdit,
                        user.atLeast(Role.EDITOR),
                        preview,
                        conflict,
                        photoChoices,
                        galleryPhotos,
                        related,
                        correction == null ? Form.empty().set("kind", "correction") : correction,
                        corrections,
                        notice,
                        publicPath,
                        scheduledFor,
                        site.zone().getId()));
    }

    private Preview preview(Long id, ArticleDraft d) {
        Section s = d.sectionId() == null
                ? null
                : sections.all().stream()
                        .filter(x -> x.id() == d.sectionId())
                        .findFirst()
                        .orElse(null);
        Kind kind = ArticleDraft.KINDS.contains(d.kind()) ? Kind.of(d.kind()) : Kind.NEWS;
        return new Preview(
                d.headline(),
                d.deck(),
                s == null ? "" : s.name(),
                kind.label(),
                pages.bodyParts(id == null ? 0 : id, d.body(), s == null ? null : s.slug()));
    }

    private ConflictView conflict(ArticleDesk.Conflict c, EditorForm yoursForm) {
        ArticleDraft theirs = c.theirs().content();
        Choices ch = choices();
        Form y = yoursForm.form();
        List<Compare> fields = new ArrayList<>();
        fields.add(compare("Headline", theirs.headline(), y.value("headline").strip(), false));
        fields.add(compare("Deck", theirs.deck(), y.value("deck").strip(), true));
        fields.add(compare("Slug", theirs.slug(), y.value("slug").strip(), false));
        fields.add(compare(
                "Section", ch.sectionName(theirs.sectionId()), ch.sectionName(number(y.value("section"))), false));
        fields.add(compare("Kind", theirs.kind(), y.value("kind"), false));
        fields.add(compare(
                "Who may read it", theirs.access(), y.value("access").isBlank() ? "free" : y.value("access"), false));
        fields.add(compare(
                "Bylines", ch.authorNames(theirs.authorIds()), ch.authorNames(yoursForm.authorIdsQuietly()), false));
        fields.add(compare(
                "Topics",
                ch.topicNames(theirs.topicIds()),
                ch.topicNames(yoursForm.topicIdsQuietly())
                        + (y.value("newTopics").isBlank() ? "" : "; new: " + y.value("newTopics")),
                false));
        fields.add(compare(
                "Lead photo",
                theirs.leadPhotoId() == null ? "none" : "no. " + theirs.leadPhotoId(),
                y.value("leadPhoto").isBlank()
                        ? "none"
                        : "no. " + y.value("leadPhoto").strip(),
                false));
        fields.add(compare(
                "Gallery",
                Choices.photoNumbers(theirs.galleryIds()),
                Choices.photoNumbers(yoursForm.galleryIdsQuietly()),
                false));
        fields.add(compare("Body", theirs.body(), y.value("body"), true));
        Site site = desk.chrome().site();
        return new ConflictView(
                c.theirs().version(),
                c.savedBy() == null ? "someone" : c.savedBy().savedBy(),
                c.savedBy() == null
                        ? site.readable(c.theirs().updatedAt())
                        : site.readable(c.savedBy().savedAt()),
                fields);
    }

    private static Compare compare(String label, String theirs, String yours, boolean multiline) {
        return new Compare(label, theirs, yours, !theirs.equals(yours), multiline);
    }

    private Instant scheduleTime(EditorForm f) {
        String v = f.value("publishAt").strip();
        if (v.isEmpty()) {
            f.form().error("publishAt", "Choose the date and time to publish.");
            return null;
        }
        try {
            String norm = v.replace('T', ' ').replaceAll("\\s+", " ");
            return LocalDateTime.parse(norm.length() > 16 ? norm.substring(0, 16) : norm, LOCAL_INPUT)
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

    private Choices choices() {
        return Choices.load(jdbi, sections);
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
            default -> null;
        };
    }

    static long id(Context ctx) {
        Long id = number(ctx.pathParam("id"));
        if (id == null) throw new NotFoundResponse();
        return id;
    }

    static int version(Context ctx) {
        Long v = number(ctx.pathParam("version"));
        if (v == null || v > Integer.MAX_VALUE) throw new NotFoundResponse();
        return v.intValue();
    }

    private static Long number(String s) {
        if (s == null) return null;
        try {
            long v = Long.parseLong(s.strip());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
