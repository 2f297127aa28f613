package broadsheet.comments;

import broadsheet.accounts.AccountPages.MessagePage;
import broadsheet.accounts.User;
import broadsheet.web.Chrome;
import broadsheet.web.Csrf;
import broadsheet.web.Json;
import broadsheet.web.Layout;
import broadsheet.web.Meta;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Personal;
import broadsheet.web.Sessions;
import broadsheet.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The small personal pages that hold a reader's comment forms (write, reply, edit, delete, like,
 * report) and take what they send, so the whole feature works without JavaScript. The shared
 * conversation page is {@link ThreadPages}'.
 */
public final class CommentPages {

    /** @param kind "new", "reply" or "edit" */
    public record FormPage(
            Layout layout,
            String csrf,
            String kind,
            String action,
            CommentArticle article,
            String articlePath,
            Comment target,
            String text,
            int version,
            String error,
            CommentSettings settings) {}

    /** @param kind "delete", "like" or "report" */
    public record ActionPage(
            Layout layout,
            String csrf,
            String kind,
            Comment comment,
            CommentArticle article,
            String error,
            String reason,
            String detail,
            boolean liked,
            List<String> reasons) {}

    private final CommentService comments;
    private final Sessions sessions;
    private final Csrf csrf;
    private final Chrome chrome;
    private final Views views;

    public CommentPages(CommentService comments, Sessions sessions, Csrf csrf, Chrome chrome, Views views) {
        this.comments = comments;
        this.sessions = sessions;
        this.csrf = csrf;
        this.chrome = chrome;
        this.views = views;
    }

    // --- writing

    public void newForm(Context ctx) {
        User u = user(ctx);
        CommentArticle a = article(Params.pathId(ctx, "id"));
        if (refuseOnForm(ctx, u, a)) return;
        form(ctx, "new", a, null, "", 0, null);
    }

    public void create(Context ctx) {
        User u = user(ctx);
        CommentArticle a = article(Params.pathId(ctx, "id"));
        String text = ctx.formParam("text");
        try {
            posted(ctx, comments.post(u, a.id(), null, text));
        } catch (CommentRefused e) {
            form(ctx.status(e.status()), "new", a, null, text, 0, e.getMessage());
        }
    }

    public void replyForm(Context ctx) {
        User u = user(ctx);
        Comment target = comment(ctx);
        CommentArticle a = article(target.articleId());
        if (refuseOnForm(ctx, u, a)) return;
        if (!target.visible()) {
            message(
                    ctx.status(409),
                    "This comment cannot take replies",
                    "The comment you want to reply to has been deleted or removed.",
                    a);
            return;
        }
        form(ctx, "reply", a, target, "", 0, null);
    }

    public void reply(Context ctx) {
        User u = user(ctx);
        Comment target = comment(ctx);
        CommentArticle a = article(target.articleId());
        String text = ctx.formParam("text");
        try {
            posted(ctx, comments.post(u, a.id(), target.id(), text));
        } catch (CommentRefused e) {
            form(ctx.status(e.status()), "reply", a, target, text, 0, e.getMessage());
        }
    }

    public void editForm(Context ctx) {
        User u = user(ctx);
        Comment c = comment(ctx);
        CommentArticle a = article(c.articleId());
        if (refuseBanned(ctx, u, a)) return;
        if (c.userId() == null || c.userId() != u.id()) {
            message(ctx.status(403), "You cannot edit this comment", "You can only change your own comments.", a);
            return;
        }
        form(ctx, "edit", a, c, c.body(), c.version(), null);
    }

    public void edit(Context ctx) {
        User u = user(ctx);
        Comment c = comment(ctx);
        CommentArticle a = article(c.articleId());
        String text = ctx.formParam("text");
        int version = Params.formInt(ctx, "version", 1, Integer.MAX_VALUE);
        try {
            posted(ctx, comments.edit(u, c.id(), version, text));
        } catch (CommentRefused e) {
            form(ctx.status(e.status()), "edit", a, c, text, version, e.getMessage());
        }
    }

    public void deleteForm(Context ctx) {
        action(ctx, "delete", null, null, null);
    }

    public void delete(Context ctx) {
        User u = user(ctx);
        Comment c = comment(ctx);
        try {
            long articleId = comments.delete(u, c.id());
            ctx.redirect(Paths.comments(articleId), HttpStatus.SEE_OTHER);
        } catch (CommentRefused e) {
            action(ctx.status(e.status()), "delete", e.getMessage(), null, null);
        }
    }

    public void likeForm(Context ctx) {
        action(ctx, "like", null, null, null);
    }

    public void like(Context ctx) {
        likeOrNot(ctx, true);
    }

    public void unlike(Context ctx) {
        likeOrNot(ctx, false);
    }

    private void likeOrNot(Context ctx, boolean like) {
        User u = user(ctx);
        Comment c = comment(ctx);
        boolean wantsJson = String.valueOf(ctx.header("Accept")).contains("application/json");
        try {
            int count = comments.like(u, c.id(), like);
            if (wantsJson) {
                ctx.header("Cache-Control", "private, no-store");
                ctx.contentType("application/json; charset=utf-8")
                        .result(Json.forScript(Map.of("likes", count, "liked", like)));
            } else {
                ctx.redirect(Paths.comment(c.articleId(), c.id()), HttpStatus.SEE_OTHER);
            }
        } catch (CommentRefused e) {
            if (wantsJson) {
                ctx.status(e.status())
                        .contentType("application/json; charset=utf-8")
                        .result(Json.forScript(Map.of("error", e.getMessage())));
            } else {
                action(ctx.status(e.status()), "like", e.getMessage(), null, null);
            }
        }
    }

    public void reportForm(Context ctx) {
        action(ctx, "report", null, null, null);
    }

    public void report(Context ctx) {
        User u = user(ctx);
        Comment c = comment(ctx);
        String reason = ctx.formParam("reason");
        String detail = ctx.formParam("detail");
        try {
            comments.report(u, c.id(), reason, detail);
            message(
                    ctx,
                    "Thank you for your report",
                    "The editors will look at this comment. Reports are anonymous: the writer "
                            + "is not told who reported it.",
                    article(c.articleId()));
        } catch (CommentRefused e) {
            action(ctx.status(e.status()), "report", e.getMessage(), reason, detail);
        }
    }

    // --- helpers

    private void posted(Context ctx, CommentService.Posted p) {
        CommentArticle a = article(p.articleId());
        if (p.held()) {
            message(
                    ctx.status(202),
                    "Your comment is waiting for review",
                    switch (String.valueOf(p.holdReason())) {
                                case "premoderation" ->
                                    "An editor checks every comment on this article before it appears.";
                                case "new_account" ->
                                    "A new account's first comments are checked by an editor before they appear.";
                                default -> "Something in it needs an editor's look before it appears.";
                            }
                            + " You can see where it stands under Your comments in your account.",
                    a);
            return;
        }
        ctx.redirect(Paths.comment(p.articleId(), p.id()), HttpStatus.SEE_OTHER);
    }

    private void action(Context ctx, String kind, String error, String reason, String detail) {
        User u = user(ctx);
        Comment c = comment(ctx);
        CommentArticle a = article(c.articleId());
        if (error == null) {
            if (refuseBanned(ctx, u, a)) return;
            if (!c.visible() && !(kind.equals("delete") && c.status() == CommentStatus.PENDING)) {
                message(
                        ctx.status(409),
                        "This comment is not shown",
                        "It has been deleted or is waiting for review.",
                        a);
                return;
            }
            if (kind.equals("delete") && (c.userId() == null || c.userId() != u.id())) {
                message(ctx.status(403), "You cannot delete this comment", "You can only delete your own comments.", a);
                return;
            }
        }
        boolean liked = kind.equals("like") && comments.liked(c.id(), u);
        String title = switch (kind) {
            case "delete" -> "Delete your comment";
            case "like" -> "Like a comment";
            default -> "Report a comment";
        };
        Meta meta = Meta.page(title, title, ctx.path()).hidden();
        Personal.html(
                ctx,
                views.render(
                        "comments/action.jte",
                        new ActionPage(
                                chrome.layout(meta),
                                csrf.token(ctx),
                                kind,
                                c.shownTo(u.id()),
                                a,
                                error,
                                reason == null ? "" : reason,
                                detail == null ? "" : detail,
                                liked,
                                CommentService.REPORT_REASONS)));
    }

    private boolean refuseOnForm(Context ctx, User u, CommentArticle a) {
        CommentSettings s = comments.settings();
        Optional<CommentRefused> no = comments.refusal(u, a, s);
        if (no.isEmpty()) return false;
        message(
                ctx.status(no.get().status()),
                "You cannot comment here",
                no.get().getMessage(),
                a);
        return true;
    }

    private boolean refuseBanned(Context ctx, User u, CommentArticle a) {
        Optional<CommentRefused> no = comments.banned(u);
        if (no.isEmpty()) return false;
        message(ctx.status(403), "You cannot comment here", no.get().getMessage(), a);
        return true;
    }

    private void form(
            Context ctx, String kind, CommentArticle a, Comment target, String text, int version, String error) {
        String title = switch (kind) {
            case "reply" -> "Reply to " + target.authorName();
            case "edit" -> "Edit your comment";
            default -> "Write a comment";
        };
        String action = switch (kind) {
            case "reply" -> Paths.commentAction(target.id(), "reply");
            case "edit" -> Paths.commentAction(target.id(), "edit");
            default -> Paths.comments(a.id());
        };
        Meta meta = Meta.page(title, title + " on " + a.headline(), ctx.path()).hidden();
        long viewer = user(ctx).id();
        if (target != null && target.shownTo(viewer) != target) {
            if (kind.equals("edit")) text = ""; // never put someone else's hidden text in a form
            target = target.shownTo(viewer);
        }
        Personal.html(
                ctx,
                views.render(
                        "comments/form.jte",
                        new FormPage(
                                chrome.layout(meta),
                                csrf.token(ctx),
                                kind,
                                action,
                                a,
                                chrome.site().articlePath(a.slug(), a.publishedAt()),
                                target,
                                text == null ? "" : text,
                                version,
                                error,
                                comments.settings())));
    }

    private void message(Context ctx, String heading, String text, CommentArticle a) {
        Meta meta = Meta.page(heading, text, ctx.path()).hidden();
        Personal.html(
                ctx,
                views.render(
                        "accounts/message.jte",
                        new MessagePage(
                                chrome.layout(meta), heading, text, "Back to the comments", Paths.comments(a.id()))));
    }

    private User user(Context ctx) {
        return sessions.current(ctx).orElseThrow();
    }

    private CommentArticle article(long id) {
        return comments.article(id).orElseThrow(NotFoundResponse::new);
    }

    private Comment comment(Context ctx) {
        return comments.find(Params.pathId(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }
}
