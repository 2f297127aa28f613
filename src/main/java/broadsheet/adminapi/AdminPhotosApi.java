package broadsheet.adminapi;

import broadsheet.media.Photo;
import broadsheet.newsroom.photos.PhotoService;
import broadsheet.web.Form;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Photo uploads through the Admin API: a multipart form with the file and its words, judged by the
 * photo desk's own upload (type read from the bytes, size, pixels, words' lengths; metadata removed).
 */
public final class AdminPhotosApi {

    private static final List<String> FIELDS = List.of("caption", "credit", "altText");

    private final PhotoService photos;

    public AdminPhotosApi(PhotoService photos) {
        this.photos = photos;
    }

    public void upload(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data"))
            throw new ApiProblem(
                    415,
                    "Send the photo as multipart/form-data: the file in a part named “file”, and caption, credit and altText as fields.");
        Form form = Form.of(ctx, FIELDS);
        Optional<Long> id = photos.upload(StaffTokens.user(ctx), ctx.uploadedFile("file"), form)
                .map(PhotoService.Saved::id);
        if (id.isEmpty()) throw ApiProblem.invalid(form.errors());
        Photo p = photos.photo(id.get()).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("mimeType", p.mimeType());
        out.put("width", p.width());
        out.put("height", p.height());
        out.put("caption", p.caption());
        out.put("credit", p.credit());
        out.put("altText", p.altText());
        out.put("src", p.src(1280));
        ctx.status(201).header("Cache-Control", "no-store").json(out);
    }
}
