package broadsheet.newsroom.photos;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.db.ContentChanges;
import broadsheet.db.Cursor;
import broadsheet.media.MediaFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Filing photos in the library and changing what readers are told about them. */
public final class PhotoService {

    private static final Logger LOG = LoggerFactory.getLogger(PhotoService.class);

    /** The largest upload accepted. App gives Jetty a higher hard limit so a too-large file still gets this form's message. */
    public static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

    /** Widths made at upload so the library and the article page need not wait; the others are made on first request. */
    static final int[] EAGER_WIDTHS = {320, 640};

    sealed interface Upload permits Saved, Refused, Declined {}

    /** @param fromFile the form fields ("caption", "credit", "altText") filled in from the file's IPTC/XMP */
    public record Saved(long id, List<String> fromFile) implements Upload {}

    record Refused(MediaFiles.NotAnImage why) implements Upload {}

    /** A step after filing (putting the photo in an article) refused: nothing was saved. */
    record Declined(String field, String message) implements Upload {}

    /**
     * A step inside the upload's transaction, given the words saved (typed, or from the file); a
     * refusal (field and message) rolls the whole upload back.
     */
    interface Then {
        Declined apply(Handle h, long photoId, Words saved);
    }

    /** Thrown inside the transaction to roll it back with a refusal. */
    private static final class Decline extends RuntimeException {
        final Declined why;

        Decline(Declined why) {
            super(why.message(), null, false, false);
            this.why = why;
        }
    }

    enum Outcome {
        SAVED,
        INVALID,
        CONFLICT,
        NOT_FOUND
    }

    private final Jdbi jdbi;
    private final MediaFiles media;

    public PhotoService(Jdbi jdbi, MediaFiles media) {
        this.jdbi = jdbi;
        this.media = media;
    }

    List<PhotoDao.Item> library(PhotoDao.Search q, Cursor after, int limit) {
        return jdbi.withHandle(h -> PhotoDao.library(h, q, after, limit));
    }

    Optional<PhotoDao.Item> find(long id) {
        return jdbi.withHandle(h -> PhotoDao.find(h, id));
    }

    List<PhotoDao.ArticleRef> usedIn(long id) {
        return jdbi.withHandle(h -> PhotoDao.usedIn(h, id));
    }

    /**
     * Checks the bytes (type from content, structure, pixels), fills the empty words from the
     * file's IPTC/XMP (caption, credit, alt text), removes its metadata, then saves the row, its
     * audit entry and the original together, in one transaction (originals are kept in the
     * database), so a refused or failed upload leaves nothing behind.
     */
    Upload upload(User user, byte[] bytes, Words words) {
        return upload(user, bytes, words, (h, id, w) -> null);
    }

    /** As {@link #upload(User, byte[], Words)}, with a further step in the same transaction. */
    Upload upload(User user, byte[] bytes, Words typed, Then then) {
        MediaFiles.Checked c;
        try {
            c = media.check(bytes);
        } catch (MediaFiles.NotAnImage e) {
            return new Refused(e);
        }
        Words words = typed.orFrom(c.embedded());
        List<String> fromFile = words.filledBeyond(typed);
        long id;
        try {
            id = jdbi.inTransaction(h -> {
                long newId = PhotoDao.insert(h, c, words, user.id());
                Audit.record(
                        h,
                        user,
                        "uploaded photo",
                        "photo",
                        newId,
                        c.width() + "×" + c.height() + " " + c.mimeType() + fromFileNote(fromFile)
                                + missingNote(words));
                Declined no = then.apply(h, newId, words);
                if (no != null) throw new Decline(no);
                media.keep(h, c); // in the database, in this transaction: a failed upload leaves nothing
                return newId;
            });
        } catch (Decline d) {
            return d.why;
        }
        try {
            media.makeDerivatives(c, EAGER_WIDTHS);
        } catch (RuntimeException e) {
            LOG.warn(
                    "photo {}: derivatives not made at upload, they will be made on first request: {}",
                    id,
                    e.getMessage());
        }
        return new Saved(id, fromFile);
    }

    /**
     * The photo desk's whole upload in one call (the desk's form and the Admin API share it): the words'
     * lengths, the file (chosen, not empty, not too large), then the checks of {@link #upload(User, byte[], Words)}.
     * Form fields: caption, credit, altText.
     *
     * @return the new photo, or empty with each refusal on {@code form} next to its field ("file", "caption"...)
     */
    public Optional<Saved> upload(User user, io.javalin.http.UploadedFile file, broadsheet.web.Form form) {
        Words words = Words.of(form);
        words.checkLengths(form);
        byte[] bytes = PhotoDesk.readFile(file, form);
        if (form.hasErrors()) return Optional.empty();
        return switch (upload(user, bytes, words)) {
            case Saved s -> Optional.of(s);
            case Refused r -> {
                form.error("file", PhotoDesk.refusal(PhotoDesk.displayName(file), r.why()));
                yield Optional.empty();
            }
            case Declined d -> {
                form.error(d.field(), d.message());
                yield Optional.empty();
            }
        };
    }

    /** A photo in the library, if there is one with this id. */
    public Optional<broadsheet.media.Photo> photo(long id) {
        return find(id).map(PhotoDao.Item::photo);
    }

    private static String fromFileNote(List<String> fields) {
        return fields.isEmpty()
                ? ""
                : "; " + String.join(", ", fields).replace("altText", "alt text") + " from the file's IPTC/XMP";
    }

    private static String missingNote(Words w) {
        List<String> m = PhotoRules.missing(w.caption(), w.credit(), w.altText());
        return m.isEmpty() ? "" : "; needs " + PhotoRules.phrase(m);
    }

    /**
     * Saves new words for a photo if nobody else saved since {@code version}. A photo that a
     * published or scheduled article shows must keep all three; readers' caches are dropped when
     * readers can see the photo.
     */
    Outcome edit(User user, long id, int version, Words words, broadsheet.web.Form form) {
        return jdbi.inTransaction(h -> {
            Optional<PhotoDao.Item> current = PhotoDao.find(h, id);
            if (current.isEmpty()) return Outcome.NOT_FOUND;
            words.checkLengths(form);
            if (PhotoDao.inPublishedOrScheduled(h, id)) words.requireAll(form);
            if (form.hasErrors()) return Outcome.INVALID;
            if (!PhotoDao.update(h, id, version, words)) return Outcome.CONFLICT;
            Audit.record(h, user, "edited photo", "photo", id, changed(current.get(), words));
            if (PhotoDao.seenByReaders(h, id)) ContentChanges.announce(h);
            return Outcome.SAVED;
        });
    }

    private static String changed(PhotoDao.Item before, Words after) {
        List<String> c = new ArrayList<>();
        if (!before.photo().caption().equals(after.caption())) c.add("caption");
        if (!before.photo().credit().equals(after.credit())) c.add("credit");
        if (!before.photo().altText().equals(after.altText())) c.add("alt text");
        return c.isEmpty() ? "no change" : "changed " + String.join(", ", c);
    }

    enum Deleted {
        DELETED,
        IN_USE,
        NOT_FOUND
    }

    /**
     * Deletes a photo no article and no author portrait uses; the database's foreign keys refuse it
     * if one started to meanwhile. The stored file goes too unless another photo row shares its bytes.
     */
    Deleted delete(User user, long id) {
        String[] forget = {null};
        Deleted result;
        try {
            result = jdbi.inTransaction(h -> {
                Optional<String> key = PhotoDao.lockFileKey(h, id);
                if (key.isEmpty()) return Deleted.NOT_FOUND;
                if (PhotoDao.isPortrait(h, id) || !PhotoDao.usedIn(h, id).isEmpty()) return Deleted.IN_USE;
                PhotoDao.delete(h, id);
                Audit.record(h, user, "deleted photo", "photo", id, "");
                if (!PhotoDao.fileInUse(h, key.get())) forget[0] = key.get();
                return Deleted.DELETED;
            });
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23503".equals(sql.getSQLState()))
                return Deleted.IN_USE;
            throw e;
        }
        if (forget[0] != null) media.forget(forget[0]);
        return result;
    }
}
