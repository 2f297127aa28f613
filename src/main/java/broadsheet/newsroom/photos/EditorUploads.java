package broadsheet.newsroom.photos;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.db.ContentChanges;
import broadsheet.media.Photo;
import broadsheet.web.Form;
import io.javalin.http.UploadedFile;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A photo uploaded from the article editor: the photo desk's checks on the file and its words,
 * then, in the same transaction, the photo becomes the article's lead photo or joins its gallery.
 * A refusal at any step saves nothing.
 */
public final class EditorUploads {

    /** The form fields of an upload from the editor. */
    public static final List<String> FIELDS = List.of("caption", "credit", "altText", "use");

    private final Jdbi jdbi;
    private final PhotoService photos;

    public EditorUploads(Jdbi jdbi, PhotoService photos) {
        this.jdbi = jdbi;
        this.photos = photos;
    }

    /**
     * Files the photo and puts it in the article ({@code use} "lead" or "gallery").
     *
     * @return the new photo, or empty with the errors on {@code form} next to their fields
     */
    public Optional<Photo> upload(User user, long articleId, UploadedFile file, Form form) {
        Words words = Words.of(form);
        words.checkLengths(form);
        String use = form.raw("use").strip();
        boolean lead = use.equals("lead");
        if (!lead && !use.equals("gallery"))
            form.error("use", "Choose whether the photo is the lead photo or joins the gallery.");
        byte[] bytes = PhotoDesk.readFile(file, form);
        if (form.hasErrors()) return Optional.empty();
        PhotoService.Upload done = photos.upload(user, bytes, words, (h, photoId, saved) -> {
            Optional<GalleryService.Article> a = GalleryDao.find(h, articleId, true);
            if (a.isEmpty()) return new PhotoService.Declined("file", "There is no such article any more.");
            if (!GalleryService.mayChange(user, a.get()))
                return new PhotoService.Declined(
                        "file", "This article is " + a.get().status() + "; ask an editor to change its photos.");
            if (a.get().goingOut()) {
                List<String> missing = PhotoRules.missing(saved.caption(), saved.credit(), saved.altText());
                if (!missing.isEmpty())
                    return new PhotoService.Declined(
                            missing.getFirst().equals(PhotoRules.CAPTION)
                                    ? "caption"
                                    : missing.getFirst().equals(PhotoRules.CREDIT) ? "credit" : "altText",
                            "This article is " + a.get().status()
                                    + ", so its photos need a caption, a credit and alt text: add "
                                    + PhotoRules.phrase(missing) + ".");
            }
            if (lead) {
                GalleryDao.setLead(h, articleId, photoId);
                Audit.record(
                        h,
                        user,
                        "set lead photo",
                        "article",
                        articleId,
                        "photo " + photoId + " (uploaded in the editor)");
            } else {
                int size = GalleryDao.photoIds(h, articleId).size();
                GalleryDao.add(h, articleId, photoId, size);
                Audit.record(
                        h,
                        user,
                        "added photo to gallery",
                        "article",
                        articleId,
                        "photo " + photoId + " at position " + (size + 1) + " (uploaded in the editor)");
            }
            if (a.get().visible()) ContentChanges.announce(h);
            return null;
        });
        return switch (done) {
            case PhotoService.Saved s -> jdbi.withHandle(h -> PhotoDao.photo(h, s.id()));
            case PhotoService.Refused r -> {
                form.error("file", PhotoDesk.refusal(PhotoDesk.displayName(file), r.why()));
                yield Optional.empty();
            }
            case PhotoService.Declined d -> {
                form.error(d.field(), d.message());
                yield Optional.empty();
            }
        };
    }
}
