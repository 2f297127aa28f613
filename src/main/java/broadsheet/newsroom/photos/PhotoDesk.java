package broadsheet.newsroom.photos;

import broadsheet.accounts.User;
import broadsheet.db.Cursor;
import broadsheet.media.MediaFiles;
import broadsheet.media.Photo;
import broadsheet.newsroom.Desk;
import broadsheet.web.Form;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Role;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The photo library: browse and search, upload, and edit a photo's caption, credit and alt text. */
public final class PhotoDesk {

    static final int PAGE_SIZE = 24;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** One photo in the library grid. {@code editPath} is null when this person may not change it. */
    public record Card(Photo photo, String added, String uploader, int uses, List<String> missing, String editPath) {}

    /**
     * The library, browsed newest first or searched.
     *
     * @param searched what a search found (null when browsing)
     * @param olderPath the next page (older photos, or the next results of a search)
     * @param newestPath the first page when on a later one (or, searching, the previous results)
     */
    public record LibraryPage(
            Desk.Frame frame,
            String q,
            boolean incomplete,
            List<Card> photos,
            String olderPath,
            String newestPath,
            Searched searched) {}

    /**
     * A search's outcome: how many photos matched (at most {@link PhotoFinder#MOST}) and which of them this
     * page shows (1-based, {@code from} > {@code to} on an empty page).
     *
     * @param searchable false when the words held nothing to search for (only short common words or symbols)
     * @param fuzzy nothing matched as typed; these photos have words one or two letters away
     */
    public record Searched(int total, int from, int to, boolean searchable, boolean fuzzy) {}

    public record UploadPage(Desk.Frame frame, Form form, long maxMegabytes) {}

    /** An article showing the photo, linked to its gallery page. */
    public record UsedIn(String headline, String status, boolean lead, String galleryPath) {}

    public record EditPage(
            Desk.Frame frame,
            Photo photo,
            Form form,
            int version,
            List<String> missing,
            List<UsedIn> usedIn,
            String notice,
            String uploaded) {}

    private final Desk desk;
    private final PhotoService photos;
    private final PhotoFinder finder;

    /** @param finder searches the library's words with the search engine */
    public PhotoDesk(Desk desk, PhotoService photos, PhotoFinder finder) {
        this.desk = desk;
        this.photos = photos;
        this.finder = finder;
    }

    // --- the library

    public void library(Context ctx) {
        String q = trimTo(ctx.queryParam("q"), 200);
        boolean incomplete = "1".equals(ctx.queryParam("incomplete"));
        if (!q.isEmpty()) {
            searchLibrary(ctx, q, incomplete);
            return;
        }
        Cursor after = Cursor.parse(ctx.queryParam("before"))
                .orElseThrow(() ->
                        new BadRequestResponse("The 'before' parameter must look like 2026-11-30T10:15:00Z_123."));
        List<PhotoDao.Item> items = photos.library(new PhotoDao.Search(incomplete, List.of()), after, PAGE_SIZE + 1);
        User user = desk.user(ctx);
        List<Card> cards = new ArrayList<>();
        for (PhotoDao.Item i : items.subList(0, Math.min(PAGE_SIZE, items.size()))) cards.add(card(i, user));
        String older = items.size() > PAGE_SIZE
                ? narrowed(
                        Paths.with(
                                NewsroomPaths.photos(),
                                "before",
                                items.get(PAGE_SIZE - 1).cursor()),
                        q,
                        incomplete)
                : null;
        String newest = after.equals(Cursor.first()) ? null : narrowed(NewsroomPaths.photos(), q, incomplete);
        desk.render(
                ctx,
                "newsroom/photos/library.jte",
                new LibraryPage(desk.frame(ctx, "Photos", "photos"), q, incomplete, cards, older, newest, null));
    }

    /** The photos whose caption, credit or alt text have the words, best first, a page at a time. */
    private void searchLibrary(Context ctx, String q, boolean incomplete) {
        long page = Params.optionalQueryLong(ctx, "page").orElse(1L);
        if (page < 1 || page > PhotoFinder.MOST / PAGE_SIZE + 1)
            throw new BadRequestResponse(
                    "The 'page' parameter must be a page number from 1 to " + (PhotoFinder.MOST / PAGE_SIZE + 1) + ".");
        int offset = (int) (page - 1) * PAGE_SIZE;
        boolean searchable = PhotoFinder.searchable(q);
        PhotoFinder.Found found = searchable
                ? finder.find(q, new PhotoDao.Search(incomplete, List.of()), offset, PAGE_SIZE)
                : PhotoFinder.Found.NONE;
        User user = desk.user(ctx);
        List<Card> cards = found.items().stream().map(i -> card(i, user)).toList();
        String base = narrowed(NewsroomPaths.photos(), q, incomplete);
        String next = offset + PAGE_SIZE < found.total() ? Paths.with(base, "page", String.valueOf(page + 1)) : null;
        String previous = page == 1 ? null : page == 2 ? base : Paths.with(base, "page", String.valueOf(page - 1));
        desk.render(
                ctx,
                "newsroom/photos/library.jte",
                new LibraryPage(
                        desk.frame(ctx, "Photos: " + q, "photos"),
                        q,
                        incomplete,
                        cards,
                        next,
                        previous,
                        new Searched(found.total(), offset + 1, offset + cards.size(), searchable, found.fuzzy())));
    }

    /**
     * The pickers' search, as JSON: the best photos for the words, each with what the editor's script
     * needs to offer it as a choice, and a sentence saying what was searched and found.
     */
    public void find(Context ctx) {
        String q = trimTo(ctx.queryParam("q"), 200);
        PhotoFinder.Picks found = finder.photos(q, PICKS);
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(java.util.Map.of(
                "q",
                q,
                "message",
                q.isEmpty() ? "Type words from a caption, credit or alt text." : PhotoFinder.summary(q, found, PICKS),
                "photos",
                found.photos().stream()
                        .map(p -> java.util.Map.of(
                                "id", p.id(),
                                "src", p.src(320),
                                "width", p.width(),
                                "height", p.height(),
                                "caption", p.caption(),
                                "credit", p.credit(),
                                "altText", p.altText()))
                        .toList()));
    }

    /** How many photos a picker offers at once. */
    public static final int PICKS = 12;

    private Card card(PhotoDao.Item i, User user) {
        return new Card(
                i.photo(),
                DAY.format(i.createdAt().atZone(desk.chrome().site().zone())),
                i.uploader(),
                i.uses(),
                i.missing(),
                mayEdit(user, i) ? NewsroomPaths.photo(i.photo().id()) : null);
    }

    /** The library address with the search words and the "incomplete" filter, when given. */
    private static String narrowed(String path, String q, boolean incomplete) {
        String withQ = q.isEmpty() ? path : Paths.with(path, "q", q);
        return incomplete ? Paths.with(withQ, "incomplete", "1") : withQ;
    }

    /** Editors change any photo's words; contributors those they uploaded. */
    static boolean mayEdit(User user, PhotoDao.Item i) {
        return user.atLeast(Role.EDITOR) || (i.uploadedBy() != null && i.uploadedBy() == user.id());
    }

    // --- uploading

    public void uploadForm(Context ctx) {
        uploadPage(ctx, Form.empty());
    }

    public void upload(Context ctx) {
        Form form = Form.of(ctx, Words.FIELDS);
        java.util.Optional<PhotoService.Saved> saved = photos.upload(desk.user(ctx), ctx.uploadedFile("file"), form);
        if (saved.isEmpty()) {
            uploadPage(ctx.status(422), form);
            return;
        }
        ctx.redirect(
                Paths.with(
                        NewsroomPaths.photo(saved.get().id()),
                        "done",
                        saved.get().fromFile().isEmpty() ? "uploaded" : "uploaded-with-words"),
                HttpStatus.SEE_OTHER);
    }

    /** The file's bytes, or null with an error on the form for a missing, empty or too large one. */
    static byte[] readFile(UploadedFile file, Form form) {
        if (file == null || (file.size() == 0 && file.filename().isBlank())) {
            form.error("file", "Choose a photo to upload.");
            return null;
        }
        String name = displayName(file);
        if (file.size() == 0) {
            form.error(
                    "file",
                    name + " is empty (0 bytes). Choose the photo again, or export it again if it was cut short.");
            return null;
        }
        if (file.size() > PhotoService.MAX_UPLOAD_BYTES) {
            form.error(
                    "file",
                    name + " is " + megabytes(file.size()) + "; the most we accept is "
                            + PhotoService.MAX_UPLOAD_BYTES / (1024 * 1024)
                            + " MB. Export a smaller version and upload that.");
            return null;
        }
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String displayName(UploadedFile f) {
        return f == null || f.filename().isBlank() ? "The file" : "“" + f.filename() + "”";
    }

    static String refusal(String name, MediaFiles.NotAnImage why) {
        return switch (why.reason()) {
            case NOT_AN_IMAGE ->
                name
                        + " is not a JPEG, PNG or WebP image, whatever its name says. Choose a photo in one of those formats.";
            case DAMAGED ->
                name
                        + " starts like an image but its data is damaged or cut short. Export or download it again and upload the new file.";
            case TOO_MANY_PIXELS -> name + ": " + why.getMessage() + ". Make it smaller and upload it again.";
        };
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ENGLISH, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private void uploadPage(Context ctx, Form form) {
        desk.render(
                ctx,
                "newsroom/photos/upload.jte",
                new UploadPage(
                        desk.frame(ctx, "Upload a photo", "photos"),
                        form,
                        PhotoService.MAX_UPLOAD_BYTES / (1024 * 1024)));
    }

    // --- editing words

    public void editForm(Context ctx) {
        PhotoDao.Item item = editable(ctx);
        Photo p = item.photo();
        Form form = Form.empty()
                .set("caption", p.caption())
                .set("credit", p.credit())
                .set("altText", p.altText());
        editPage(ctx, item, form, item.version(), notice(ctx.queryParam("done")));
    }

    public void save(Context ctx) {
        PhotoDao.Item item = editable(ctx);
        Form form = Form.of(ctx, Words.FIELDS);
        int version = Params.typedInt(ctx.formParam("version"))
                .orElseThrow(() -> new BadRequestResponse(
                        "The form is missing its version number. Reload the page and try again."));
        switch (photos.edit(desk.user(ctx), item.photo().id(), version, Words.of(form), form)) {
            case SAVED ->
                ctx.redirect(Paths.with(NewsroomPaths.photo(item.photo().id()), "done", "saved"), HttpStatus.SEE_OTHER);
            case INVALID -> editPage(ctx.status(422), item, form, version, null);
            case CONFLICT -> {
                PhotoDao.Item now = photos.find(item.photo().id()).orElseThrow(NotFoundResponse::new);
                form.error(
                        "caption",
                        "Someone else saved this photo's words while you were editing. What they saved is shown"
                                + " above the form; your text is still in the form. Check it and save again.");
                editPage(ctx.status(409), now, form, now.version(), null);
            }
            case NOT_FOUND -> throw new NotFoundResponse();
        }
    }

    public void delete(Context ctx) {
        PhotoDao.Item item = editable(ctx);
        switch (photos.delete(desk.user(ctx), item.photo().id())) {
            case DELETED -> ctx.redirect(Paths.with(NewsroomPaths.photos(), "done", "deleted"), HttpStatus.SEE_OTHER);
            case IN_USE ->
                editPage(
                        ctx.status(409),
                        item,
                        Form.empty()
                                .set("caption", item.photo().caption())
                                .set("credit", item.photo().credit())
                                .set("altText", item.photo().altText()),
                        item.version(),
                        "This photo is used by an article or as an author's portrait, so it was not deleted. Take it out of those first.");
            case NOT_FOUND -> throw new NotFoundResponse();
        }
    }

    private PhotoDao.Item editable(Context ctx) {
        long id = Params.pathId(ctx, "id");
        PhotoDao.Item item = photos.find(id).orElseThrow(NotFoundResponse::new);
        if (!mayEdit(desk.user(ctx), item)) {
            throw new ForbiddenResponse("Only editors and the person who uploaded this photo may change its words.");
        }
        return item;
    }

    private void editPage(Context ctx, PhotoDao.Item item, Form form, int version, String notice) {
        Photo p = item.photo();
        List<UsedIn> used = photos.usedIn(p.id()).stream()
                .map(a -> new UsedIn(a.headline(), a.status(), a.lead(), NewsroomPaths.gallery(a.id())))
                .toList();
        String uploaded =
                DAY.format(item.createdAt().atZone(desk.chrome().site().zone()))
                        + (item.uploader().isEmpty() ? "" : " by " + item.uploader());
        desk.render(
                ctx,
                "newsroom/photos/edit.jte",
                new EditPage(
                        desk.frame(ctx, "Photo " + p.id(), "photos"),
                        p,
                        form,
                        version,
                        item.missing(),
                        used,
                        notice,
                        uploaded));
    }

    private static String notice(String done) {
        if (done == null) return null;
        return switch (done) {
            case "uploaded" -> "The photo is in the library.";
            case "uploaded-with-words" ->
                "The photo is in the library. Words it carried (IPTC/XMP) filled the fields you left empty:"
                        + " check them below and change what readers should see differently.";
            case "saved" -> "Saved.";
            case "deleted" -> "The photo was deleted.";
            default -> null;
        };
    }

    // --- small things

    private static String trimTo(String s, int max) {
        if (s == null) return "";
        s = s.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }
}
