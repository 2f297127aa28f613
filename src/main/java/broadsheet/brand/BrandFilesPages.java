package broadsheet.brand;

import broadsheet.web.Chrome;
import broadsheet.web.PageCache;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * Serves the brand's generated stylesheet and uploaded logo under URLs named by their content.
 * An old URL answers 404 (pages link to the current one). The logo is served with a policy that
 * forbids scripts and sandboxes it, so an SVG cannot act even if opened on its own.
 */
public final class BrandFilesPages {

    static final String FOREVER = "public, max-age=31536000, immutable";
    static final String LOGO_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    private final Chrome chrome;

    public BrandFilesPages(Chrome chrome) {
        this.chrome = chrome;
    }

    public void serve(Context ctx) {
        BrandFiles files = chrome.brand();
        if (ctx.path().equals(files.cssUrl())) {
            PageCache.send(ctx, files.css(), FOREVER);
        } else if (files.logoUrl() != null && ctx.path().equals(files.logoUrl())) {
            ctx.header("Content-Security-Policy", LOGO_POLICY);
            ctx.header("Content-Disposition", "inline");
            PageCache.send(ctx, files.logo(), FOREVER);
        } else {
            throw new NotFoundResponse();
        }
    }
}
