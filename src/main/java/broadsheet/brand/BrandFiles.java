package broadsheet.brand;

import broadsheet.web.PageCache;
import broadsheet.web.Paths;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A brand made ready to serve: its stylesheet and logo as files whose URLs carry a hash of their
 * content, so a change reaches every reader at once while browsers keep each version forever.
 *
 * @param logoUrl null when the paper has no uploaded logo
 */
public record BrandFiles(Brand brand, String cssUrl, PageCache.Page css, String logoUrl, PageCache.Page logo) {

    public static BrandFiles of(Brand brand) {
        byte[] css = brand.css().getBytes(StandardCharsets.UTF_8);
        String cssUrl = Paths.brandCss(PageCache.hash(css).substring(0, 12));
        PageCache.Page cssPage = PageCache.Page.of(css, "text/css; charset=utf-8", Instant.EPOCH, "brand");
        if (!brand.hasLogo()) return new BrandFiles(brand, cssUrl, cssPage, null, null);
        String logoUrl = Paths.brandLogo(PageCache.hash(brand.logo()).substring(0, 12), brand.logoExtension());
        return new BrandFiles(
                brand,
                cssUrl,
                cssPage,
                logoUrl,
                PageCache.Page.of(brand.logo(), brand.logoType(), Instant.EPOCH, "brand"));
    }
}
