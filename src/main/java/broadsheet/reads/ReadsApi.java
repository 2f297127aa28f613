package broadsheet.reads;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The read beacon: an article page's script posts {@code id=<article id>} once the page has loaded.
 * The answer is always 204 with nothing in it, counted or not, and it sets no cookie and stores
 * nothing about the request (no address, no agent): only one more read for the article this hour.
 */
public final class ReadsApi {

    private final ReadCounter counter;

    public ReadsApi(ReadCounter counter) {
        this.counter = counter;
    }

    public void beacon(Context ctx) {
        long id = ctx.formParamAsClass("id", Long.class)
                .check(v -> v != null && v > 0, "must be a positive number")
                .getOrThrow(e -> new BadRequestResponse("A read needs the form field 'id' with the article's number."));
        if (counts(ctx)) counter.count(id);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** Browsers of readers on this site's pages; not bots, prefetches or other sites' pages. */
    private static boolean counts(Context ctx) {
        if (Bots.isBot(ctx.userAgent())) return false;
        if ("cross-site".equals(ctx.header("Sec-Fetch-Site"))) return false;
        String purpose = ctx.header("Sec-Purpose");
        return purpose == null || !purpose.contains("prefetch");
    }
}
