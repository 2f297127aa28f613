package broadsheet.web;

import io.javalin.http.Context;

/** Sends pages made for one person (forms with tokens, account pages): never stored by any cache. */
public final class Personal {
    private Personal() {}

    public static void html(Context ctx, byte[] body) {
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("text/html; charset=utf-8");
        PageCache.write(ctx, body); // with its length, in one go: ctx.result copied it through a stream in chunks
    }
}
