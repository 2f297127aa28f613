package broadsheet.newsroom.photos;

import broadsheet.accounts.User;
import broadsheet.articles.ArticleStatus;
import broadsheet.audit.Audit;
import broadsheet.db.ContentChanges;
import broadsheet.media.Photo;
import broadsheet.web.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * An article's gallery in hand-set order, and its lead photo. Every change is one transaction
 * that first locks the article row, so two people arranging the same gallery take turns; each
 * is audited, and announced to every node when readers can see the article.
 */
public final class GalleryService {

    /** The article a gallery belongs to, as locked or read. */
    record Article(
            long id,
            String headline,
            String slug,
            String status,
            Instant publishedAt,
            Long createdBy,
            Long leadPhotoId) {
        boolean visible() {
            return status.equals(ArticleStatus.PUBLISHED.dbValue());
        }

        boolean goingOut() {
            return visible() || status.equals(ArticleStatus.SCHEDULED.dbValue());
        }
    }

    /** How a change went: {@code done} names what happened for the page's notice; otherwise {@code status} and {@code message} say why not. */
    record Result(String done, int status, String message) {
        static Result done(String what) {
            return new Result(what, 303, null);
        }

        static Result refused(int status, String message) {
            return new Result(null, status, message);
        }

        boolean ok() {
            return done != null;
        }
    }

    enum Direction {
        UP,
        DOWN
    }

    private final Jdbi jdbi;

    public GalleryService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Editors see every article's gallery; contributors those of articles they created. */
    static boolean mayView(User user, Article a) {
        return user.atLeast(Role.EDITOR) || (a.createdBy() != null && a.createdBy() == user.id());
    }

    /** Contributors change their own articles' galleries until an editor publishes or schedules them. */
    static boolean mayChange(User user, Article a) {
        return user.atLeast(Role.EDITOR) || (mayView(user, a) && !a.goingOut());
    }

    Optional<Article> article(long id) {
        return jdbi.withHandle(h -> GalleryDao.find(h, id, false));
    }

    List<Photo> gallery(long articleId) {
        return jdbi.withHandle(h -> PhotoDao.gallery(h, articleId));
    }

    Optional<Photo> photo(long id) {
        return jdbi.withHandle(h -> PhotoDao.photo(h, id));
    }

    Result add(User user, long articleId, long photoId) {
        return change(user, articleId, (h, a, ids) -> {
            Optional<Photo> p = PhotoDao.photo(h, photoId);
            if (p.isEmpty()) return Result.refused(422, "That photo is not in the library any more. Choose another.");
            if (ids.contains(photoId)) return Result.refused(422, "Photo " + photoId + " is already in the gallery.");
            Result incomplete = requireWords(a, p.get());
            if (incomplete != null) return incomplete;
            GalleryDao.add(h, articleId, photoId, ids.size());
            Audit.record(
                    h,
                    user,
                    "added photo to gallery",
                    "article",
                    articleId,
                    "photo " + photoId + " at position " + (ids.size() + 1));
            return Result.done("added");
        });
    }

    Result remove(User user, long articleId, long photoId) {
        return change(user, articleId, (h, a, ids) -> {
            if (!ids.contains(photoId)) return Result.refused(422, "Photo " + photoId + " is not in this gallery.");
            GalleryDao.remove(h, articleId, photoId);
            List<Long> rest = new ArrayList<>(ids);
            rest.remove(photoId);
            GalleryDao.renumber(h, articleId, rest);
            boolean wasLead = a.leadPhotoId() != null && a.leadPhotoId() == photoId;
            if (wasLead) GalleryDao.setLead(h, articleId, null);
            Audit.record(
                    h,
                    user,
                    "removed photo from gallery",
                    "article",
                    articleId,
                    "photo " + photoId + (wasLead ? " (was the lead photo)" : ""));
            return Result.done(wasLead ? "removed-lead" : "removed");
        });
    }

    Result move(User user, long articleId, long photoId, Direction d) {
        return change(user, articleId, (h, a, ids) -> {
            int i = ids.indexOf(photoId);
            if (i < 0) return Result.refused(422, "Photo " + photoId + " is not in this gallery.");
            int j = d == Direction.UP ? i - 1 : i + 1;
            if (j < 0 || j >= ids.size()) {
                return Result.refused(
                        422, "Photo " + photoId + " is already " + (d == Direction.UP ? "first" : "last") + ".");
            }
            List<Long> order = new ArrayList<>(ids);
            order.set(i, ids.get(j));
            order.set(j, photoId);
            GalleryDao.renumber(h, articleId, order);
            Audit.record(
                    h,
                    user,
                    "moved photo in gallery",
                    "article",
                    articleId,
                    "photo " + photoId + " " + d.name().toLowerCase() + " to position " + (j + 1));
            return Result.done("moved");
        });
    }

    /** Sets the whole order at once (drag and drop): {@code order} must hold exactly the gallery's photos. */
    Result order(User user, long articleId, List<Long> order) {
        return change(user, articleId, (h, a, ids) -> {
            if (order.size() != ids.size() || !new HashSet<>(order).equals(new HashSet<>(ids))) {
                return Result.refused(
                        409, "The gallery changed while you were arranging it. Reload the page and try again.");
            }
            if (order.equals(ids)) return Result.done("ordered");
            GalleryDao.renumber(h, articleId, order);
            Audit.record(h, user, "reordered gallery", "article", articleId, "photos " + order);
            return Result.done("ordered");
        });
    }

    /**
     * Makes a gallery photo the lead photo, or (with null) leaves the article without one.
     *
     * @param join the photo was chosen from the library: if it is not in the gallery yet it joins it at the
     *     end first (the lead photo is always one of the gallery's). Without it a photo no longer in the
     *     gallery (someone removed it meanwhile) is refused rather than brought back.
     */
    Result lead(User user, long articleId, Long photoId, boolean join) {
        return change(user, articleId, (h, a, ids) -> {
            if (photoId == null) {
                if (a.leadPhotoId() == null) return Result.done("lead-cleared");
                GalleryDao.setLead(h, articleId, null);
                Audit.record(h, user, "removed lead photo", "article", articleId, "was photo " + a.leadPhotoId());
                return Result.done("lead-cleared");
            }
            if (!join && !ids.contains(photoId))
                return Result.refused(422, "Add photo " + photoId + " to the gallery before making it the lead photo.");
            Optional<Photo> p = PhotoDao.photo(h, photoId);
            if (p.isEmpty()) return Result.refused(422, "That photo is not in the library any more. Choose another.");
            Result incomplete = requireWords(a, p.get());
            if (incomplete != null) return incomplete;
            boolean added = !ids.contains(photoId);
            if (added) {
                GalleryDao.add(h, articleId, photoId, ids.size());
                Audit.record(
                        h,
                        user,
                        "added photo to gallery",
                        "article",
                        articleId,
                        "photo " + photoId + " at position " + (ids.size() + 1));
            }
            GalleryDao.setLead(h, articleId, photoId);
            Audit.record(h, user, "set lead photo", "article", articleId, "photo " + photoId);
            return Result.done(added ? "lead-added" : "lead");
        });
    }

    private interface Change {
        Result apply(Handle h, Article locked, List<Long> galleryIds);
    }

    private Result change(User user, long articleId, Change change) {
        return jdbi.inTransaction(h -> {
            Optional<Article> a = GalleryDao.find(h, articleId, true);
            if (a.isEmpty()) return Result.refused(404, "There is no such article.");
            if (!mayView(user, a.get()))
                return Result.refused(403, "Only editors and the article's writer may change its photos.");
            if (!mayChange(user, a.get()))
                return Result.refused(
                        403, "This article is " + a.get().status() + "; ask an editor to change its photos.");
            List<Long> ids = GalleryDao.photoIds(h, articleId);
            Result r = change.apply(h, a.get(), ids); // a refusal has written nothing
            if (r.ok() && a.get().visible()) ContentChanges.announce(h);
            return r;
        });
    }

    /** A published or scheduled article shows only photos with caption, credit and alt text. */
    private static Result requireWords(Article a, Photo p) {
        List<String> missing = PhotoRules.missing(p);
        if (missing.isEmpty() || !a.goingOut()) return null;
        return Result.refused(
                422,
                "Photo " + p.id() + " needs " + PhotoRules.phrase(missing) + " before it can appear in a " + a.status()
                        + " article. Edit its words first.");
    }
}
