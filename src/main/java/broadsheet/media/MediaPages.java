package broadsheet.media;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves photo derivatives. Their names carry the content hash, so they are cached for a year. */
public final class MediaPages {

    private final MediaFiles files;

    public MediaPages(MediaFiles files) {
        this.files = files;
    }

    public void derivative(Context ctx) {
        String name = ctx.pathParam("file");
        Path p;
        try {
            p = files.derivative(name).orElseThrow(NotFoundResponse::new);
        } catch (IllegalArgumentException e) {
            throw new NotFoundResponse();
        }
        String etag = "\"" + name.substring(0, 16) + name.substring(name.indexOf("-w")) + "\"";
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.header("ETag", etag);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("image/jpeg");
        try {
            ctx.result(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
