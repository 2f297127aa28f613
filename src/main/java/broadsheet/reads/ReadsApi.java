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
        count(id, ctx.userAgent(), ctx.header("Sec-Fetch-Site"), ctx.header("Sec-Purpose"));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /**
     * One beacon for article {@code id} (a positive number) with these request headers: counted when it
     * comes from a reader's browser on this site's pages, not from a bot, a prefetch or another site's
     * page. The route above and the front door (which answers well-formed beacons itself) both end here.
     */
    public void count(long id, String userAgent, String fetchSite, String purpose) {
        if (Bots.isBot(userAgent)) return;
        if ("cross-site".equals(fetchSite)) return;
        if (purpose != null && purpose.contains("prefetch")) return;
        counter.count(id);
    }
}
