package broadsheet.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reading fields of multipart (file upload) forms safely. Jetty parses the whole body the first
 * time any field is read, so a body over the limit must be refused before that, with a page that
 * says so, rather than failing inside the parser.
 */
public final class Uploads {
    private Uploads() {}

    /**
     * The largest multipart request read at all (App gives Jetty the same limit). Each form tells
     * people its own, smaller limit next to its file field; this one is well above them so that a
     * file a little too large still reaches the form and gets that message.
     */
    public static final long MAX_REQUEST_MB = 60;

    static final String TOO_LARGE = "The file you sent is far too large to read: uploads must be under "
            + MAX_REQUEST_MB + " MB, and photos at most 20 MB. Go back and choose a smaller file.";

    /** The largest refused body read to its end (twice the limit); a larger one is cut off unread. */
    static final long DRAIN_MAX_BYTES = 2 * MAX_REQUEST_MB * 1024 * 1024;

    /**
     * Reads a refused body to its end and drops it, so that a browser still sending it gets the page that says
     * why: a connection closed with unread bytes in it is reset, and the client, mid-upload, often loses the
     * answer with it (a "connection reset" in place of the page). Bodies over {@link #DRAIN_MAX_BYTES} are not
     * worth the bandwidth and are cut off unread.
     */
    private static void drain(Context ctx) {
        if (ctx.contentLength() > DRAIN_MAX_BYTES) return;
        try (InputStream in = ctx.req().getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client went away: there is no one left to answer
        }
    }

    /** A field of a multipart form, refusing bodies over the limit and bodies that are not a proper multipart form. */
    static String field(Context ctx, String name) {
        if (ctx.contentLength() > MAX_REQUEST_MB * 1024 * 1024) {
            drain(ctx);
            throw new ContentTooLargeResponse(TOO_LARGE);
        }
        try {
            return ctx.formParam(name);
        } catch (Exception e) { // Jetty's ServletException arrives undeclared through Kotlin
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof IllegalStateException
                        && c.getMessage() != null
                        && c.getMessage().contains("exceeded")) {
                    throw new ContentTooLargeResponse(TOO_LARGE); // no Content-Length: the parser found out
                }
            }
            throw new BadRequestResponse(
                    "The form could not be read: it was cut short or is not a proper upload. Go back and send it again.");
        }
    }
}
