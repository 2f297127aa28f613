package broadsheet.newsroom;

import broadsheet.Core;
import broadsheet.articles.ArticlesFeature;
import broadsheet.newsroom.articles.ArticleDesk;
import broadsheet.newsroom.articles.ArticleDeskDao;
import broadsheet.newsroom.articles.ArticleListPages;
import broadsheet.newsroom.articles.DeskListDao;
import broadsheet.newsroom.articles.EditorPages;
import broadsheet.newsroom.articles.EditorView;
import broadsheet.newsroom.articles.PreviewLinks;
import broadsheet.newsroom.articles.PreviewPages;
import broadsheet.newsroom.articles.RevisionDao;
import broadsheet.newsroom.articles.RevisionPages;
import broadsheet.newsroom.articles.ScheduledPublisher;
import broadsheet.newsroom.audit.AuditDesk;
import broadsheet.newsroom.audit.AuditLogDao;
import broadsheet.newsroom.fronts.FrontDesk;
import broadsheet.newsroom.fronts.FrontEditor;
import broadsheet.newsroom.photos.EditorUploads;
import broadsheet.newsroom.photos.GalleryDesk;
import broadsheet.newsroom.photos.GalleryService;
import broadsheet.newsroom.photos.PhotoDesk;
import broadsheet.newsroom.photos.PhotoFinder;
import broadsheet.newsroom.photos.PhotoService;
import broadsheet.newsroom.taxonomy.Catalog;
import broadsheet.newsroom.taxonomy.CatalogDesk;
import broadsheet.reads.ReadsDao;
import broadsheet.search.Search;
import broadsheet.sections.SectionDao;
import broadsheet.topics.suggest.SuggestDao;
import broadsheet.topics.suggest.TopicSuggestions;
import java.time.Duration;

/**
 * The newsroom's own desks: its home, writing and editing articles with their revisions and
 * previews, photos and galleries, fronts, sections/authors/topics, and the audit log. (Desks that
 * belong to one reader feature, such as moderation or newsletters, live with that feature.)
 *
 * @param articles the list of articles and the search for ones to link
 * @param editor the editor: writing, saving, the workflow steps, autosave and corrections
 * @param previews signed preview links
 */
public record NewsroomFeature(
        NewsroomHome home,
        ArticleListPages articles,
        EditorPages editor,
        PreviewPages previews,
        RevisionPages revisions,
        PhotoDesk photos,
        GalleryDesk galleries,
        FrontDesk fronts,
        CatalogDesk sections,
        CatalogDesk authors,
        CatalogDesk topics,
        AuditDesk audit,
        ScheduledPublisher publisher) {

    /**
     * @param reads read counts for the dashboard and the article list
     * @param search finds articles for the desk's list and the related-story picker, and library photos
     */
    public static NewsroomFeature create(Core core, ArticlesFeature reader, ReadsDao reads, Search search) {
        Desk desk = core.desk();
        var jdbi = core.jdbi();
        ArticleDesk articleDesk = new ArticleDesk(jdbi);
        ArticleDeskDao articleDao = new ArticleDeskDao(jdbi);
        SectionDao sections = new SectionDao(jdbi);
        PhotoService photos = new PhotoService(jdbi, core.media());
        PhotoFinder finder = new PhotoFinder(search, jdbi);
        EditorView editorView = new EditorView(
                desk,
                articleDao,
                sections,
                reader.pages(),
                search,
                reader.dao(),
                finder,
                new TopicSuggestions(
                        new SuggestDao(jdbi), core.config().dataDir().resolve("models")));

        return new NewsroomFeature(
                new NewsroomHome(desk, new NewsroomDao(jdbi), reads),
                new ArticleListPages(desk, new DeskListDao(jdbi), articleDao, sections, reads, search, reader.dao()),
                new EditorPages(desk, articleDesk, articleDao, editorView, new EditorUploads(jdbi, photos)),
                new PreviewPages(
                        desk, articleDesk, articleDao, new PreviewLinks(core.secrets()), reader.pages(), reader.dao()),
                new RevisionPages(desk, articleDesk, new RevisionDao(jdbi), editorView),
                new PhotoDesk(desk, photos, finder),
                new GalleryDesk(desk, new GalleryService(jdbi), photos, finder),
                new FrontDesk(desk, new FrontEditor(jdbi)),
                new CatalogDesk(desk, Catalog.sections(jdbi)),
                new CatalogDesk(desk, Catalog.authors(jdbi)),
                new CatalogDesk(desk, Catalog.topics(jdbi)),
                new AuditDesk(desk, new AuditLogDao(jdbi)),
                new ScheduledPublisher(jdbi));
    }

    /** Starts scheduled publishing; close what it returns to stop it. */
    public AutoCloseable startJobs() {
        return publisher.start(Duration.ofSeconds(10));
    }
}
