package broadsheet.newsletters;

import broadsheet.web.Chrome;
import broadsheet.web.Layout;
import broadsheet.web.Meta;
import broadsheet.web.PageCache;
import broadsheet.web.Views;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;

/** Public pages describing the paper's newsletters: what each is, who it is for, when it comes. */
public final class NewsletterPages {

    public record NewsletterPage(Layout layout, Newsletter newsletter, List<Newsletter> others) {}

    private final NewsletterDao newsletters;
    private final Chrome chrome;
    private final Views views;
    private final PageCache cache;

    public NewsletterPages(NewsletterDao newsletters, Chrome chrome, Views views, PageCache cache) {
        this.newsletters = newsletters;
        this.chrome = chrome;
        this.views = views;
        this.cache = cache;
    }

    public void index(Context ctx) {
        cache.serve(ctx, () -> {
            Meta meta = Meta.page("Newsletters", "The newsletters of " + chrome.site().name() + ".", "/newsletters");
            return PageCache.Page.html(views.render("newsletters/index.jte",
                    new NewsletterPage(chrome.layout(meta), null, newsletters.all())), null, "newsletters");
        });
    }

    public void show(Context ctx) {
        cache.serve(ctx, () -> {
            Newsletter n = newsletters.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
            Meta meta = Meta.page(n.name(), n.description(), n.path());
            List<Newsletter> others = newsletters.all().stream().filter(x -> x.id() != n.id()).toList();
            return PageCache.Page.html(views.render("newsletters/show.jte", new NewsletterPage(chrome.layout(meta), n, others)),
                    null, "newsletters");
        });
    }
}
