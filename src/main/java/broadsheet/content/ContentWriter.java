package broadsheet.content;

import static broadsheet.content.ContentFile.list;

import broadsheet.content.ContentFile.Article;
import broadsheet.content.Importer.ImportResult;
import broadsheet.db.Settings;
import broadsheet.media.MediaFiles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Writes a checked content file inside the import transaction, through {@link ImportDao}: photos
 * first, then what articles name, then articles, their parts and the fronts, and last the
 * paper's own settings.
 */
final class ContentWriter {

    private final Handle h;
    private final ContentFile c;
    private final Map<String, MediaFiles.Stored> stored;
    private final ContentCheck.Plan plan;
    private final Instant now = Instant.now();

    ContentWriter(Handle h, ContentFile c, Map<String, MediaFiles.Stored> stored, ContentCheck.Plan plan) {
        this.h = h;
        this.c = c;
        this.stored = stored;
        this.plan = plan;
    }

    ImportResult write() {
        for (ContentFile.Photo p : list(c.photos())) {
            ImportDao.upsertPhoto(h, p, Objects.requireNonNull(stored.get(p.id()), p.id()));
        }
        List<ContentFile.Section> sections = list(c.sections());
        for (int i = 0; i < sections.size(); i++) {
            ContentFile.Section s = sections.get(i);
            ImportDao.upsertSection(h, s, s.position() == null ? i + 1 : s.position());
        }
        list(c.authors()).forEach(a -> ImportDao.upsertAuthor(h, a));
        list(c.topics()).forEach(t -> ImportDao.upsertTopic(h, t));
        list(c.newsletters()).forEach(n -> ImportDao.upsertNewsletter(h, n));
        int created = 0;
        List<Article> articles = list(c.articles());
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            Long row = plan.articleRows().get(i);
            long id;
            if (row == null) {
                id = ImportDao.insertArticle(h, a, now);
                created++;
            } else {
                id = row;
                ImportDao.updateArticle(h, id, a, now);
            }
            articleParts(id, a);
        }
        c.frontsOrEmpty().forEach((front, slugs) -> ImportDao.replaceFront(h, front, slugs));
        site();
        ImportDao.announceChange(h);
        return new ImportResult(
                sections.size(),
                list(c.authors()).size(),
                list(c.topics()).size(),
                list(c.photos()).size(),
                list(c.newsletters()).size(),
                created,
                articles.size() - created);
    }

    /** Bylines, topics, gallery and corrections are the file's, replacing whatever the article had. */
    private void articleParts(long id, Article a) {
        ImportDao.clearArticleParts(h, id);
        ImportDao.link(h, id, ImportDao.Link.AUTHORS, a.authors());
        ImportDao.link(h, id, ImportDao.Link.TOPICS, a.topics());
        ImportDao.link(h, id, ImportDao.Link.GALLERY, a.gallery());
        for (ContentFile.Correction corr : list(a.corrections())) ImportDao.insertCorrection(h, id, corr, now);
    }

    private void site() {
        if (c.site() == null) return;
        setting("site_name", c.site().name());
        setting("site_tagline", c.site().tagline());
        setting("site_time_zone", c.site().timeZone());
    }

    private void setting(String key, String value) {
        if (value != null) Settings.put(h, key, value);
    }
}
