package broadsheet.newsroom.photos;

import broadsheet.accounts.User;
import broadsheet.db.Cursor;
import broadsheet.media.Photo;
import broadsheet.newsroom.Desk;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * An article's gallery page: the photos in order with plain-form buttons to move, remove and
 * make lead, and a picker from the library. With JavaScript, drag and drop posts the new order.
 */
public final class GalleryDesk {

    static final int PICKS = 12;

    public record ArticleView(long id, String headline, String status, String publicPath) {}

    /** One photo of the gallery, 1-based position. */
    public record Item(
            Photo photo,
            int position,
            boolean lead,
            boolean first,
            boolean last,
            List<String> missing,
            String editPath) {}

    public record GalleryPage(
            Desk.Frame frame,
            ArticleView article,
            List<Item> items,
            Photo leadOutside,
            boolean mayChange,
            String notice,
            String error,
            String q,
            List<PhotoDesk.Card> picks,
            String morePicksPath,
            PhotoDesk.Searched searched) {
        public String basePath() {
            return NewsroomPaths.gallery(article.id());
        }
    }

    private final Desk desk;
    private final GalleryService galleries;
    private final PhotoService photos;
    private final PhotoFinder finder;

    /** @param finder searches the library's words with the search engine, for the picker */
    public GalleryDesk(Desk desk, GalleryService galleries, PhotoService photos, PhotoFinder finder) {
        this.desk = desk;
        this.galleries = galleries;
        this.photos = photos;
        this.finder = finder;
    }

    public void show(Context ctx) {
        GalleryService.Article a = viewable(ctx);
        page(ctx, a, notice(ctx.queryParam("done")), null);
    }

    public void add(Context ctx) {
        respond(ctx, galleries.add(desk.user(ctx), articleId(ctx), photoId(ctx)));
    }

    public void remove(Context ctx) {
        respond(ctx, galleries.remove(desk.user(ctx), articleId(ctx), photoId(ctx)));
    }

    public void moveUp(Context ctx) {
        respond(ctx, galleries.move(desk.user(ctx), articleId(ctx), photoId(ctx), GalleryService.Direction.UP));
    }

    public void moveDown(Context ctx) {
        respond(ctx, galleries.move(desk.user(ctx), articleId(ctx), photoId(ctx), GalleryService.Direction.DOWN));
    }

    public void lead(Context ctx) {
        String p = ctx.formParam("photo");
        respond(
                ctx,
                galleries.lead(
                        desk.user(ctx),
                        articleId(ctx),
                        p == null || p.isBlank() ? null : photoId(ctx),
                        "library".equals(ctx.formParam("from"))));
    }

    /** The whole order at once, from drag and drop: {@code order=12,7,31}. Answers JSON when asked for it. */
    public void order(Context ctx) {
        List<Long> ids = new ArrayList<>();
        String raw = ctx.formParam("order");
        if (raw == null) throw new BadRequestResponse("The new order is missing.");
        for (String s : raw.split(",")) {
            if (s.isBlank()) continue;
            ids.add(Params.typedLong(s)
                    .orElseThrow(
                            () -> new BadRequestResponse("The new order must be photo numbers separated by commas.")));
        }
        GalleryService.Result r = galleries.order(desk.user(ctx), articleId(ctx), ids);
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            ctx.status(r.ok() ? 200 : r.status())
                    .json(r.ok() ? java.util.Map.of("ok", true) : java.util.Map.of("ok", false, "error", r.message()));
            return;
        }
        respond(ctx, r);
    }

    private void respond(Context ctx, GalleryService.Result r) {
        long id = articleId(ctx);
        if (r.ok()) {
            ctx.redirect(Paths.with(NewsroomPaths.gallery(id), "done", r.done()), HttpStatus.SEE_OTHER);
            return;
        }
        switch (r.status()) {
            case 404 -> throw new NotFoundResponse();
            case 403 -> throw new ForbiddenResponse(r.message());
            default -> {
                GalleryService.Article a = galleries.article(id).orElseThrow(NotFoundResponse::new);
                page(ctx.status(r.status()), a, null, r.message());
            }
        }
    }

    private GalleryService.Article viewable(Context ctx) {
        GalleryService.Article a = galleries.article(articleId(ctx)).orElseThrow(NotFoundResponse::new);
        if (!GalleryService.mayView(desk.user(ctx), a)) {
            throw new ForbiddenResponse("Only editors and the article's writer may change its photos.");
        }
        return a;
    }

    private void page(Context ctx, GalleryService.Article a, String notice, String error) {
        User user = desk.user(ctx);
        List<Photo> gallery = galleries.gallery(a.id());
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < gallery.size(); i++) {
            Photo p = gallery.get(i);
            items.add(new Item(
                    p,
                    i + 1,
                    a.leadPhotoId() != null && a.leadPhotoId() == p.id(),
                    i == 0,
                    i == gallery.size() - 1,
                    PhotoRules.missing(p),
                    NewsroomPaths.photo(p.id())));
        }
        Photo leadOutside = a.leadPhotoId() != null && gallery.stream().noneMatch(p -> p.id() == a.leadPhotoId())
                ? galleries.photo(a.leadPhotoId()).orElse(null)
                : null;
        boolean mayChange = GalleryService.mayChange(user, a);

        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (q.length() > 200) q = q.substring(0, 200);
        List<PhotoDesk.Card> picks = List.of();
        String more = null;
        PhotoDesk.Searched searched = null;
        if (mayChange) {
            PhotoDao.Search notInGallery =
                    new PhotoDao.Search(false, gallery.stream().map(Photo::id).toList());
            List<PhotoDao.Item> found;
            if (q.isEmpty()) {
                Cursor after = Cursor.parse(ctx.queryParam("before")).orElse(Cursor.first());
                found = photos.library(notInGallery, after, PICKS + 1);
                if (found.size() > PICKS)
                    more = Paths.with(
                                    NewsroomPaths.gallery(a.id()),
                                    "before",
                                    found.get(PICKS - 1).cursor()) + "#picker";
            } else {
                long page = Math.max(
                        1, Math.min(Params.optionalQueryLong(ctx, "page").orElse(1L), PhotoFinder.MOST / PICKS));
                int offset = (int) (page - 1) * PICKS;
                boolean searchable = PhotoFinder.searchable(q);
                PhotoFinder.Found f = searchable ? finder.find(q, notInGallery, offset, PICKS) : PhotoFinder.Found.NONE;
                found = f.items();
                searched = new PhotoDesk.Searched(f.total(), offset + 1, offset + found.size(), searchable, f.fuzzy());
                if (offset + PICKS < f.total())
                    more = Paths.with(
                                    Paths.with(NewsroomPaths.gallery(a.id()), "q", q), "page", String.valueOf(page + 1))
                            + "#picker";
            }
            picks = found.subList(0, Math.min(PICKS, found.size())).stream()
                    .map(i -> new PhotoDesk.Card(i.photo(), "", i.uploader(), i.uses(), i.missing(), null))
                    .toList();
        }
        String publicPath = a.visible() ? desk.chrome().site().articlePath(a.slug(), a.publishedAt()) : null;
        desk.render(
                ctx,
                "newsroom/photos/gallery.jte",
                new GalleryPage(
                        desk.frame(ctx, "Photos for " + a.headline(), "articles"),
                        new ArticleView(a.id(), a.headline(), a.status(), publicPath),
                        items,
                        leadOutside,
                        mayChange,
                        notice,
                        error,
                        q,
                        picks,
                        more,
                        searched));
    }

    private static String notice(String done) {
        if (done == null) return null;
        return switch (done) {
            case "added" -> "The photo is in the gallery, at the end.";
            case "removed" -> "The photo is out of the gallery (it stays in the library).";
            case "removed-lead" -> "The photo is out of the gallery. It was the lead photo: the article now has none.";
            case "moved", "ordered" -> "The new order is saved.";
            case "lead" -> "The lead photo is set.";
            case "lead-added" -> "The photo was added to the end of the gallery and is now the lead photo.";
            case "lead-cleared" -> "The article has no lead photo now.";
            default -> null;
        };
    }

    private static long articleId(Context ctx) {
        return Params.pathId(ctx, "id");
    }

    private static long photoId(Context ctx) {
        return Params.typedLong(ctx.formParam("photo")).orElseThrow(() -> new BadRequestResponse("Choose a photo."));
    }
}
