package broadsheet.newsroom;

import broadsheet.Core;
import broadsheet.articles.ArticlesFeature;
import broadsheet.newsroom.articles.ArticleDesk;
import broadsheet.newsroom.articles.ArticleDeskPages;
import broadsheet.newsroom.articles.PreviewLinks;
import broadsheet.newsroom.articles.RevisionPages;
import broadsheet.newsroom.articles.ScheduledPublisher;
import broadsheet.newsroom.audit.AuditDesk;
import broadsheet.newsroom.audit.AuditLog;
import broadsheet.newsroom.fronts.FrontDesk;
import broadsheet.newsroom.fronts.FrontEditor;
import broadsheet.newsroom.photos.GalleryDesk;
import broadsheet.newsroom.photos.GalleryService;
import broadsheet.newsroom.photos.PhotoDesk;
import broadsheet.newsroom.photos.PhotoService;
import broadsheet.newsroom.taxonomy.CatalogDesk;
import java.time.Duration;

/**
 * The newsroom's own desks: its home, writing and editing articles with their revisions and
 * previews, photos and galleries, fronts, sections/authors/topics, and the audit log. (Desks that
 * belong to one reader feature, such as moderation or newsletters, live with that feature.)
 */
public record NewsroomFeature(
        NewsroomHome home,
        ArticleDeskPages articles,
        RevisionPages revisions,
        PhotoDesk photos,
        GalleryDesk galleries,
        FrontDesk fronts,
        CatalogDesk sections,
        CatalogDesk authors,
        CatalogDesk topics,
        AuditDesk audit,
        ScheduledPublisher publisher) {

    public static NewsroomFeature create(Core core, ArticlesFeature reader) {
        Desk desk = core.desk();
        var jdbi = core.jdbi();
        ArticleDesk articleDesk = new ArticleDesk(jdbi);
        PhotoService photos = new PhotoService(jdbi, core.media());
        return new NewsroomFeature(
                new NewsroomHome(desk, jdbi),
                new ArticleDeskPages(
                        desk, articleDesk, new PreviewLinks(core.secrets()), reader.pages(), reader.dao(), jdbi),
                new RevisionPages(desk, articleDesk, jdbi),
                new PhotoDesk(desk, photos),
                new GalleryDesk(desk, new GalleryService(jdbi), photos),
                new FrontDesk(desk, new FrontEditor(jdbi)),
                CatalogDesk.sections(desk, jdbi),
                CatalogDesk.authors(desk, jdbi),
                CatalogDesk.topics(desk, jdbi),
                new AuditDesk(desk, new AuditLog(jdbi)),
                new ScheduledPublisher(jdbi));
    }

    /** Starts scheduled publishing; close what it returns to stop it. */
    public AutoCloseable startJobs() {
        return publisher.start(Duration.ofSeconds(10));
    }
}
