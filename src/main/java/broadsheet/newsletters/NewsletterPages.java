package broadsheet.newsletters;

import broadsheet.paywall.Offer;
import broadsheet.paywall.Paywall;
import broadsheet.web.Chrome;
import broadsheet.web.Layout;
import broadsheet.web.Meta;
import broadsheet.web.PageCache;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Views;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;

/** Public pages of the paper's newsletters: what each is, who it is for, and its archive of sent issues. */
public final class NewsletterPages {

    public record NewsletterPage(Layout layout, Newsletter newsletter, List<Newsletter> others, List<Issue> archive) {}

    /**
     * @param offer what a reader who may not read the issue is offered instead of it, or null when they may
     *     (the page is shared by every reader at one level, like a locked article's)
     */
    public record IssuePage(Layout layout, IssueRenderer.Content content, Offer offer) {}

    static final int ARCHIVE_LIMIT = 100;

    private final NewsletterDao newsletters;
    private final IssueDao issues;
    private final IssueRenderer renderer;
    private final Chrome chrome;
    private final Views views;
    private final PageCache cache;
    private final Paywall paywall;

    public NewsletterPages(
            NewsletterDao newsletters,
            IssueDao issues,
            IssueRenderer renderer,
            Chrome chrome,
            Views views,
            PageCache cache,
            Paywall paywall) {
        this.newsletters = newsletters;
        this.issues = issues;
        this.renderer = renderer;
        this.chrome = chrome;
        this.views = views;
        this.cache = cache;
        this.paywall = paywall;
    }

    public void index(Context ctx) {
        cache.serve(ctx, () -> {
            Meta meta = Meta.page(
                    "Newsletters", "The newsletters of " + chrome.site().name() + ".", Paths.newsletters());
            return PageCache.Page.html(
                    views.render(
                            "newsletters/index.jte",
                            new NewsletterPage(chrome.layout(meta), null, newsletters.all(), List.of())),
                    null,
                    "newsletters");
        });
    }

    public void show(Context ctx) {
        cache.serve(ctx, () -> {
            Newsletter n = newsletters.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
            Meta meta = Meta.page(n.name(), n.description(), n.path());
            List<Newsletter> others =
                    newsletters.all().stream().filter(x -> x.id() != n.id()).toList();
            return PageCache.Page.html(
                    views.render(
                            "newsletters/show.jte",
                            new NewsletterPage(chrome.layout(meta), n, others, issues.archive(n.id(), ARCHIVE_LIMIT))),
                    null,
                    "newsletters");
        });
    }

    /**
     * A sent issue as a web page; drafts and issues still sending are not public. The issues of a
     * subscribers-only newsletter are locked by the paywall's rule: cached per reader level, the locked
     * variant shows the subject and an offer, never the issue.
     */
    public void issue(Context ctx) {
        Newsletter n = newsletters.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        Paywall.Decision d = paywall.decide(ctx, n.access());
        cache.serve(ctx, d.variant(), d.cacheControl(), d.vary(), () -> {
            long id = Params.pathId(ctx, "id");
            Issue issue = issues.find(id)
                    .filter(i -> i.newsletterId() == n.id() && i.status() == IssueStatus.SENT)
                    .orElseThrow(NotFoundResponse::new);
            Meta meta = Meta.page(issue.subject() + " — " + n.name(), n.description(), issue.path(n));
            Offer offer = d.locked() ? new Offer(n.access(), d.shown(), 0, issue.path(n)) : null;
            return PageCache.Page.html(
                    views.render(
                            "newsletters/issue.jte",
                            new IssuePage(chrome.layout(meta), renderer.content(n, issue), offer)),
                    issue.sentAt(),
                    "newsletters");
        });
    }
}
