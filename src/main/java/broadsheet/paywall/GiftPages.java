package broadsheet.paywall;

import broadsheet.accounts.User;
import broadsheet.web.Chrome;
import broadsheet.web.Csrf;
import broadsheet.web.Layout;
import broadsheet.web.Meta;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Personal;
import broadsheet.web.Sessions;
import broadsheet.web.Site;
import broadsheet.web.Tokens;
import broadsheet.web.Views;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pages behind "Gift this article": the form (which tells anyone who is not a subscriber what
 * they need), the link once made, and the page for a gift link that has expired or never existed.
 */
public final class GiftPages {

    private static final Pattern NONCE = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    /** The article being given. */
    public record Gifted(long id, String headline, String path) {}

    /**
     * @param state "anonymous", "reader" (signed in, no subscription), "subscriber"
     * @param problem why the last attempt did not make a link, or null
     * @param url the gift link just made, or null
     */
    public record GiftPage(
            Layout layout,
            Gifted article,
            String state,
            int left,
            int perMonth,
            String nonce,
            String csrf,
            String problem,
            String url,
            String expires,
            String signInHref) {}

    /** @param expired false when the link is not one of ours at all */
    public record RefusedPage(Layout layout, Gifted article, boolean expired) {}

    private final Paywall paywall;
    private final Sessions sessions;
    private final Csrf csrf;
    private final Chrome chrome;
    private final Views views;
    private final PaywallDao dao;

    public GiftPages(Paywall paywall, Sessions sessions, Csrf csrf, Chrome chrome, Views views, PaywallDao dao) {
        this.paywall = paywall;
        this.sessions = sessions;
        this.csrf = csrf;
        this.chrome = chrome;
        this.views = views;
        this.dao = dao;
    }

    /** GET /gifts/new?article=ID: anyone may ask; only a subscriber gets a form that makes a link. */
    public void form(Context ctx) {
        Gifted a = article(ctx.queryParam("article")).orElseThrow(NotFoundResponse::new);
        render(ctx, a, null, null, null);
    }

    /** POST /gifts: makes the link (the same one again if this form was sent before). */
    public void make(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        Gifted a = article(ctx.formParam("article")).orElseThrow(NotFoundResponse::new);
        String nonce = ctx.formParam("nonce");
        if (nonce == null || !NONCE.matcher(nonce).matches()) {
            ctx.status(422);
            render(ctx, a, "This form was not complete. Try again from the button below.", null, null);
            return;
        }
        Site site = chrome.site();
        switch (paywall.gifts().make(user, a.id(), nonce, paywall.settings().giftsPerMonth(), site.zone())) {
            case GiftLinks.Made m -> render(ctx, a, null, site.absolute(a.path() + "?gift=" + m.token()), m.expires());
            case GiftLinks.LimitReached l -> {
                ctx.status(422);
                render(
                        ctx,
                        a,
                        "You have made all " + l.limit()
                                + " gift links you can this month. You can make more from the first day of next month.",
                        null,
                        null);
            }
            case GiftLinks.NotSubscriber n -> {
                ctx.status(403);
                render(ctx, a, "Gift links are for subscribers, and this account has no subscription now.", null, null);
            }
            case GiftLinks.NoArticle n -> throw new NotFoundResponse();
        }
    }

    /** The page for an article address with a gift token that does not open it. */
    public void refused(Paywall.GiftRefused e, Context ctx) {
        Gifted a = article(String.valueOf(e.articleId)).orElseThrow(NotFoundResponse::new);
        ctx.status(e.expired ? 410 : 404);
        ctx.header("X-Robots-Tag", "noindex");
        Layout layout = chrome.layout(Meta.page(
                        e.expired ? "This gift link has expired" : "This gift link does not work",
                        "A gift link for " + a.headline(),
                        a.path())
                .hidden());
        Personal.html(ctx, views.render("paywall/gift-refused.jte", new RefusedPage(layout, a, e.expired)));
    }

    private void render(Context ctx, Gifted a, String problem, String url, Instant expires) {
        Optional<User> user = sessions.current(ctx);
        boolean subscriber = user.isPresent() && dao.isSubscriber(user.get().id());
        String state = user.isEmpty() ? "anonymous" : subscriber ? "subscriber" : "reader";
        int perMonth = paywall.settings().giftsPerMonth();
        int left = subscriber
                ? Math.max(
                        0,
                        perMonth
                                - paywall.gifts()
                                        .usedThisMonth(
                                                user.get().id(), chrome.site().zone()))
                : 0;
        String back = Paths.newGift(a.id());
        Layout layout = chrome.layout(Meta.page("Gift this article", "Give “" + a.headline() + "” to someone", back)
                .hidden());
        Personal.html(
                ctx,
                views.render(
                        "paywall/gift.jte",
                        new GiftPage(
                                layout,
                                a,
                                state,
                                left,
                                perMonth,
                                Tokens.random(),
                                csrf.token(ctx),
                                problem,
                                url,
                                expires == null ? null : chrome.site().readable(expires),
                                Paths.signIn(back))));
    }

    private Optional<Gifted> article(String id) {
        Optional<Long> typed = Params.typedLong(id);
        if (typed.isEmpty()) return Optional.empty();
        long n = typed.get();
        Site site = chrome.site();
        return dao.publishedById(n)
                .map(p -> new Gifted(p.id(), p.headline(), site.articlePath(p.slug(), p.publishedAt())));
    }
}
