package broadsheet.newsroom.articles;

import broadsheet.accounts.User;
import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticlePage;
import broadsheet.articles.ArticlePages;
import broadsheet.articles.ArticleStatus;
import broadsheet.articles.Kind;
import broadsheet.media.Photo;
import broadsheet.newsroom.Desk;
import broadsheet.newsroom.photos.PhotoDesk;
import broadsheet.newsroom.photos.PhotoFinder;
import broadsheet.search.Search;
import broadsheet.sections.Section;
import broadsheet.sections.SectionDao;
import broadsheet.topics.suggest.Suggestion;
import broadsheet.topics.suggest.TopicSuggestions;
import broadsheet.web.Form;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Role;
import broadsheet.web.Site;
import io.javalin.http.Context;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and renders the editor page: the form with its choices and workflow buttons, and what a
 * writer may have asked for beside it (a preview, photos, related articles, a comparison after a
 * conflict, the corrections so far).
 */
public final class EditorView {

    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The body as readers would see it, under the headline, deck and section. */
    public record Preview(String headline, String deck, String section, String kind, List<ArticlePage.Part> parts) {}

    /** A field as saved by someone else and as typed by this writer, side by side. */
    public record Compare(String label, String theirs, String yours, boolean differs, boolean multiline) {}

    public record ConflictView(int theirVersion, String savedBy, String savedAt, List<Compare> fields) {}

    public record CorrectionRow(String kind, String body, String when) {}

    public record EditorPage(
            Desk.Frame frame,
            Long id,
            ArticleStatus status,
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
            String zone,
            Form upload,
            List<ArticleDeskDao.NewsletterChoice> newsletters,
            Workflow primary,
            String photoSearch,
            List<Suggestion> suggestions) {
        public String action() {
            return id == null ? NewsroomPaths.newsroomArticles() : NewsroomPaths.editArticle(id);
        }

        public String statusLabel() {
            return Workflow.label(status);
        }

        public boolean published() {
            return status == ArticleStatus.PUBLISHED;
        }
    }

    private final Desk desk;
    private final ArticleDeskDao dao;
    private final SectionDao sections;
    private final ArticlePages pages;

    private final Search search;
    private final ArticleDao published;
    private final PhotoFinder photos;
    private final TopicSuggestions suggestions;

    /**
     * @param search finds published articles for the related-story picker
     * @param published the reader's articles, for the ones search found
     * @param photos finds library photos by caption, credit and alt text for the lead-photo picker
     * @param suggestions topics suggested from the headline, deck and body
     */
    public EditorView(
            Desk desk,
            ArticleDeskDao dao,
            SectionDao sections,
            ArticlePages pages,
            Search search,
            ArticleDao published,
            PhotoFinder photos,
            TopicSuggestions suggestions) {
        this.suggestions = suggestions;
        this.photos = photos;
        this.search = search;
        this.published = published;
        this.desk = desk;
        this.dao = dao;
        this.sections = sections;
        this.pages = pages;
    }

    Choices choices() {
        return Choices.load(dao, sections);
    }

    /** Renders the editor for the article (null for a new one) with the form as it stands. */
    void render(
            Context ctx,
            DeskArticle a,
            EditorForm f,
            Preview preview,
            ConflictView conflict,
            Form correction,
            String notice) {
        render(ctx, a, f, preview, conflict, correction, notice, Form.empty().set("use", "lead"));
    }

    /** The editor with the topics suggested for the form's text ("Suggest topics", or a suggestion added). */
    void renderWithSuggestions(Context ctx, DeskArticle a, EditorForm f) {
        List<Suggestion> found = suggestionsFor(f);
        render(ctx, a, f, null, null, null, null, Form.empty().set("use", "lead"), found);
    }

    /** The topics suggested for the form's text, leaving out those already ticked or typed. */
    List<Suggestion> suggestionsFor(EditorForm f) {
        return suggestions.suggest(
                f.value("headline"), f.value("deck"), f.value("body"), f.topicIdsQuietly(), f.typedNewTopics());
    }

    /** As above, with the in-editor photo upload's form (its values and errors) as it stands. */
    void render(
            Context ctx,
            DeskArticle a,
            EditorForm f,
            Preview preview,
            ConflictView conflict,
            Form correction,
            String notice,
            Form upload) {
        render(ctx, a, f, preview, conflict, correction, notice, upload, null);
    }

    private void render(
            Context ctx,
            DeskArticle a,
            EditorForm f,
            Preview preview,
            ConflictView conflict,
            Form correction,
            String notice,
            Form upload,
            List<Suggestion> suggested) {
        User user = desk.user(ctx);
        Site site = desk.chrome().site();
        ArticleStatus status = a == null ? ArticleStatus.DRAFT : a.status();
        boolean mine = a == null || a.mine();
        boolean canEdit = a == null || Workflow.canEdit(user, status, mine);
        Long lead = f.leadIdQuietly();
        String photoQuery = f.value("photoQuery").strip();
        if (photoQuery.length() > 200) photoQuery = photoQuery.substring(0, 200);
        PhotoFinder.Picks picks = photoQuery.isEmpty() ? null : photos.photos(photoQuery, PhotoDesk.PICKS);
        List<Photo> photoChoices = new ArrayList<>(picks == null ? dao.newestPhotos(PhotoDesk.PICKS) : picks.photos());
        String photoSearch = picks == null ? null : PhotoFinder.summary(photoQuery, picks, PhotoDesk.PICKS);
        if (lead != null && photoChoices.stream().noneMatch(p -> p.id() == lead))
            photoChoices.addAll(0, dao.photosById(List.of(lead)));
        List<Photo> galleryPhotos = dao.photosById(f.galleryIdsQuietly());
        List<Hit> related = f.value("relatedQuery").isBlank()
                ? List.of()
                : Hit.search(search, published, site, f.value("relatedQuery").strip());
        List<CorrectionRow> corrections = a == null
                ? List.of()
                : dao.corrections(a.id()).stream()
                        .map(c -> new CorrectionRow(c.kind(), c.body(), site.readable(c.createdAt())))
                        .toList();
        String publicPath =
                a != null && a.published() ? site.articlePath(a.content().slug(), a.publishedAt()) : null;
        boolean scheduled = a != null && a.status() == ArticleStatus.SCHEDULED && a.publishedAt() != null;
        String scheduledFor = scheduled ? site.readable(a.publishedAt()) : null;
        if (f.value("publishAt").isEmpty() && scheduled) {
            f.form().set("publishAt", LOCAL_INPUT.format(a.publishedAt().atZone(site.zone())));
        }
        String title = a == null ? "New article" : "Edit: " + a.content().headline();
        List<Workflow> steps =
                a == null ? Workflow.steps(user, ArticleStatus.DRAFT, true) : Workflow.steps(user, status, mine);
        Workflow primary = steps.contains(Workflow.PUBLISH)
                ? Workflow.PUBLISH
                : steps.contains(Workflow.READY) ? Workflow.READY : null;
        desk.render(
                ctx,
                "newsroom/articles/editor.jte",
                new EditorPage(
                        desk.frame(ctx, title, "articles"),
                        a == null ? null : a.id(),
                        status,
                        a == null ? 0 : a.version(),
                        f,
                        choices(),
                        steps,
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
                        site.zone().getId(),
                        upload,
                        dao.newsletters(),
                        primary,
                        photoSearch,
                        suggested));
    }

    Preview preview(Long id, ArticleDraft d) {
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

    /** The stored article beside what this writer typed, field by field. */
    ConflictView conflict(ArticleDesk.Conflict c, EditorForm yoursForm) {
        ArticleDraft theirs = c.theirs().content();
        Choices ch = choices();
        Form y = yoursForm.form();
        List<Compare> fields = new ArrayList<>();
        fields.add(compare("Headline", theirs.headline(), y.value("headline").strip(), false));
        fields.add(compare("Deck", theirs.deck(), y.value("deck").strip(), true));
        fields.add(compare("Slug", theirs.slug(), y.value("slug").strip(), false));
        fields.add(compare(
                "Section", ch.sectionName(theirs.sectionId()), ch.sectionName(yoursForm.sectionIdQuietly()), false));
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
}
