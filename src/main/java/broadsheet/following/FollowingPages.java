package broadsheet.following;

import broadsheet.accounts.User;
import broadsheet.db.Cursor;
import broadsheet.web.AccessCheck;
import broadsheet.web.Chrome;
import broadsheet.web.Csrf;
import broadsheet.web.Layout;
import broadsheet.web.Meta;
import broadsheet.web.Paths;
import broadsheet.web.Personal;
import broadsheet.web.Sessions;
import broadsheet.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Optional;

/** The reader's Following feed, the page to manage follows, and the plain-form follow and unfollow. */
public final class FollowingPages {

    public record FeedPage(
            Layout layout,
            String csrf,
            List<Feed.Item> items,
            String morePath,
            boolean first,
            List<Followable> suggestions) {}

    public record ManagePage(
            Layout layout,
            String csrf,
            List<Followable> follows,
            List<Followable> suggestions,
            int limit,
            boolean digest,
            String notice) {}

    public record UnsubscribePage(Layout layout, String token, boolean known, boolean done) {}

    /** @param problem why it cannot be done, or null */
    public record ConfirmPage(
            Layout layout, String csrf, Followable target, boolean following, String next, String problem) {}

    private final Follows follows;
    private final Feed feed;
    private final Suggestions suggestions;
    private final Digests digests;
    private final Sessions sessions;
    private final Csrf csrf;
    private final Chrome chrome;
    private final Views views;

    public FollowingPages(
            Follows follows,
            Feed feed,
            Suggestions suggestions,
            Digests digests,
            Sessions sessions,
            Csrf csrf,
            Chrome chrome,
            Views views) {
        this.follows = follows;
        this.digests = digests;
        this.feed = feed;
        this.suggestions = suggestions;
        this.sessions = sessions;
        this.csrf = csrf;
        this.chrome = chrome;
        this.views = views;
    }

    public void feed(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        Cursor after = Cursor.parse(ctx.queryParam("before")).orElseThrow(NotFoundResponse::new);
        java.util.Set<String> followed = feed.followed(user.id()); // read once, for the feed and the suggestions
        Feed.Page page = feed.page(user.id(), followed, after, Feed.PAGE_SIZE);
        boolean first = after.equals(Cursor.first());
        if (!first && page.items().isEmpty()) throw new NotFoundResponse();
        List<Followable> suggested = !first
                ? List.of()
                : suggestions.forReader(user.id(), page.items().isEmpty() ? 12 : 5, followed);
        String more = page.next() == null ? null : Paths.following(page.next().toString());
        Meta meta = Meta.page(
                        first ? "Following" : "Following (older articles)",
                        "Your personal news feed",
                        Paths.following())
                .hidden();
        Personal.html(
                ctx,
                views.render(
                        "following/feed.jte",
                        new FeedPage(chrome.layout(meta), csrf.token(ctx), page.items(), more, first, suggested)));
    }

    public void manage(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        Meta meta = Meta.page(
                        "Manage what you follow", "Authors, topics and sections you follow", Paths.followingManage())
                .hidden();
        String notice = switch (String.valueOf(ctx.queryParam("digest"))) {
            case "on" -> "Done: a daily email with new articles from what you follow will come each morning.";
            case "off" -> "Done: no more daily emails.";
            default -> null;
        };
        Personal.html(
                ctx,
                views.render(
                        "following/manage.jte",
                        new ManagePage(
                                chrome.layout(meta),
                                csrf.token(ctx),
                                follows.list(user.id()),
                                suggestions.forReader(user.id(), 12),
                                Follows.LIMIT,
                                digests.wanted(user.id()),
                                notice)));
    }

    /** POST /following/digest: the daily email, on or off. */
    public void digest(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        boolean on = "on".equals(ctx.formParam("digest"));
        if (on) digests.optIn(user.id(), chrome.site().zone());
        else digests.optOut(user.id());
        ctx.redirect(Paths.with(Paths.followingManage(), "digest", on ? "on" : "off"), HttpStatus.SEE_OTHER);
    }

    /** GET: a page with a button (mail scanners open links; only a POST unsubscribes). */
    public void unsubscribeForm(Context ctx) {
        String token = ctx.pathParam("token");
        unsubscribePage(ctx.status(digests.knownToken(token) ? 200 : 404), token, digests.knownToken(token), false);
    }

    /** POST: by the button, or one click from the mail client (RFC 8058); the token is the permission. */
    public void unsubscribe(Context ctx) {
        String token = ctx.pathParam("token");
        boolean done = digests.unsubscribe(token).isPresent();
        unsubscribePage(ctx.status(done ? 200 : 404), token, done, done);
    }

    private void unsubscribePage(Context ctx, String token, boolean known, boolean done) {
        Meta meta = Meta.page("Stop the Following email", "Stop the daily Following email", Paths.followingDigest())
                .hidden();
        Personal.html(
                ctx,
                views.render(
                        "following/unsubscribe.jte", new UnsubscribePage(chrome.layout(meta), token, known, done)));
    }

    /** GET /follow: what a Follow button leads to without JavaScript; asks to confirm (a GET changes nothing). */
    public void confirm(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        FollowKind kind = kind(ctx.queryParam("kind"));
        Followable target = follows.find(kind, ctx.queryParam("slug")).orElseThrow(NotFoundResponse::new);
        List<Followable> mine = follows.list(user.id());
        boolean following = mine.stream().anyMatch(f -> f.key().equals(target.key()));
        String problem = !following && mine.size() >= Follows.LIMIT ? limitMessage() : null;
        confirmPage(ctx, target, following, AccessCheck.safeNext(ctx.queryParam("next")), problem);
    }

    public void follow(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        FollowKind kind = kind(ctx.formParam("kind"));
        String next = AccessCheck.safeNext(ctx.formParam("next"));
        Follows.Outcome o = follows.follow(user.id(), kind, ctx.formParam("slug"));
        switch (o.result()) {
            case NOT_FOUND -> throw new NotFoundResponse();
            case LIMIT_REACHED -> {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                confirmPage(ctx, o.target(), false, next, limitMessage());
            }
            default -> ctx.redirect(next, HttpStatus.SEE_OTHER);
        }
    }

    public void unfollow(Context ctx) {
        User user = sessions.current(ctx).orElseThrow();
        FollowKind kind = kind(ctx.formParam("kind"));
        Optional<Followable> gone = follows.unfollow(user.id(), kind, ctx.formParam("slug"));
        if (gone.isEmpty()) throw new NotFoundResponse();
        ctx.redirect(AccessCheck.safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    /** A follow of something that is not an author, a topic or a section: answered 422. */
    public static final class NotFollowable extends RuntimeException {
        NotFollowable(String kind) {
            super("You can follow an author, a topic or a section; \"" + (kind == null ? "" : kind)
                    + "\" is none of those.");
        }
    }

    static String limitMessage() {
        return "You already follow " + Follows.LIMIT
                + " authors, topics and sections, the most one account can follow. "
                + "Unfollow some on the Following page to make room.";
    }

    private void confirmPage(Context ctx, Followable target, boolean following, String next, String problem) {
        Meta meta = Meta.page(
                        (following ? "Unfollow " : "Follow ") + target.name(),
                        "Follow " + target.name(),
                        Paths.follow())
                .hidden();
        Personal.html(
                ctx,
                views.render(
                        "following/confirm.jte",
                        new ConfirmPage(chrome.layout(meta), csrf.token(ctx), target, following, next, problem)));
    }

    private static FollowKind kind(String key) {
        return FollowKind.of(key).orElseThrow(() -> new NotFollowable(key));
    }
}
