package broadsheet.comments;

import broadsheet.accounts.AccountPages.MessagePage;
import broadsheet.accounts.User;
import broadsheet.web.Chrome;
import broadsheet.web.Csrf;
import broadsheet.web.Json;
import broadsheet.web.Layout;
import broadsheet.web.Meta;
import broadsheet.web.PageCache;
import broadsheet.web.Personal;
import broadsheet.web.Sessions;
import broadsheet.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Comments as readers meet them. The conversation page is the same bytes for every reader (it
 * can be cached like an article); everything about one reader comes from {@code me.json} or from
 * the small personal pages that hold the forms (write, reply, edit, delete, like, report), so the
 * whole feature works without JavaScript.
 */
public final class CommentPages {

    public record ThreadPage(
            Layout layout,
            CommentArticle article,
            String articlePath,
            String state,
            boolean closed,
            int count,
            CommentThreads.Sort sort,
            List<CommentThreads.Sort> sorts,
            List<CommentThreads.Thread> threads,
            int page,
            boolean more) {
        public String base() {
            return "/articles/" + article.id() + "/comments";
        }
    }

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

    public record AccountCommentsPage(
            Layout layout,
            String csrf,
            List<ReplyNotices.Notice> notices,
            int unread,
            List<CommentThreads.Own> own,
            boolean emailReplies,
            String notice) {}

    private final Jdbi jdbi;
    private final CommentService comments;
    private final CommentThreads threads;
    private final ReplyNotices notices;
    private final Sessions sessions;
    private final Csrf csrf;
    private final Chrome chrome;
    private final Views views;

    public CommentPages(
            Jdbi jdbi,
            CommentService comments,
            CommentThreads threads,
            ReplyNotices notices,
            Sessions sessions,
            Csrf csrf,
            Chrome chrome,
            Views views) {
        this.jdbi = jdbi;
        this.comments = comments;
        this.threads = threads;
        this.notices = notices;
        this.sessions = sessions;
        this.csrf = csrf;
        this.chrome = chrome;
        this.views = views;
    }

    // --- the public conversation page and the counts

    public void thread(Context ctx) {
        CommentArticle a = article(ctx.pathParam("id"));
        CommentThreads.Sort sort = CommentThreads.Sort.of(ctx.queryParam("sort"));
        if (sort == null) throw new io.javalin.http.BadRequestResponse("Sort by newest, oldest or liked.");
        int page = pageParam(ctx.queryParam("page"));
        CommentSettings s = comments.settings();
        String mode = a.effectiveMode(s, Instant.now());
        String state = switch (mode) {
            case "closed" ->
                a.closedBySetting(s, Instant.now())
                        ? "Comments closed automatically " + s.autoCloseDays() + " days after publication."
                        : "Comments on this article are closed.";
            case "premoderated" -> "Comments on this article are checked by an editor before they appear.";
            default -> "";
        };
        if (a.subscribersOnly(s) && !mode.equals("closed"))
            state = (state + " Only subscribers may comment here.").strip();
        List<CommentThreads.Thread> list = threads.page(a.id(), sort, page);
        boolean more = threads.threadCount(a.id()) > page * CommentThreads.PAGE_SIZE;
        String path = chrome.site().articlePath(a.slug(), a.publishedAt());
        Meta meta = new Meta(
                "Comments: " + a.headline(),
                "Readers' comments on " + a.headline(),
                "/articles/" + a.id() + "/comments",
                "website",
                null,
                null,
                List.of(),
                sort != CommentThreads.Sort.NEWEST || page > 1);
        byte[] body = views.render(
                "comments/thread.jte",
                new ThreadPage(
                        chrome.layout(meta),
                        a,
                        path,
                        state,
                        mode.equals("closed"),
                        threads.count(a.id()),
                        sort,
                        List.of(CommentThreads.Sort.values()),
                        list,
                        page,
                        more));
        // The same for everyone, so shared caches may keep it; they must ask again each time (no-cache)
        // so a reader who has just posted sees the comment.
        PageCache.send(
                ctx,
                PageCache.Page.html(body, Instant.now(), "comments-" + a.id() + " article-" + a.id()),
                "public, no-cache");
    }

    /** Comment counts for up to 100 articles: {"12": 3, ...}. The same for everyone. */
    public void counts(Context ctx) {
        List<Long> ids = new ArrayList<>();
        String raw = ctx.queryParam("ids");
        if (raw != null) {
            for (String p : raw.split(",")) {
                if (p.isBlank()) continue;
                try {
                    ids.add(Long.parseLong(p.strip()));
                } catch (NumberFormatException e) {
                    throw new io.javalin.http.BadRequestResponse(
                            "ids must be article numbers separated by commas, e.g. 12,15.");
                }
                if (ids.size() > 100)
                    throw new io.javalin.http.BadRequestResponse("Ask for at most 100 articles at a time.");
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        threads.counts(ids).forEach((k, v) -> out.put(Long.toString(k), v));
        ctx.header("Cache-Control", "public, max-age=30");
        ctx.contentType("application/json; charset=utf-8").result(Json.forScript(out));
    }

    /** What this reader may do on this article's comments; never cached. */
    public void me(Context ctx) {
        CommentArticle a = article(ctx.pathParam("id"));
        ctx.header("Cache-Control", "private, no-store");
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<User> user = sessions.current(ctx);
        out.put("signedIn", user.isPresent());
        if (user.isPresent()) {
            CommentSettings s = comments.settings();
            Optional<CommentRefused> no = jdbi.withHandle(h -> comments.refusal(h, user.get(), a, s));
            out.put("name", CommentService.displayName(user.get()));
            out.put("canComment", no.isEmpty());
            out.put("refusal", no.map(Throwable::getMessage).orElse(null));
            CommentThreads.Mine mine = threads.mine(a.id(), user.get().id(), s.editMinutes());
            out.put("own", mine.own());
            out.put("editable", mine.editable());
            out.put("liked", mine.liked());
            out.put("csrf", csrf.token(ctx));
        }
        ctx.contentType("application/json; charset=utf-8").result(Json.forScript(out));
    }

    // --- writing

    public void newForm(Context ctx) {
        User u = user(ctx);
        CommentArticle a = article(ctx.pathParam("id"));
        if (refuseOnForm(ctx, u, a)) return;
        form(ctx, "new", a, null, "", 0, null);
    }

    public void create(Context ctx) {
        User u = user(ctx);
        CommentArticle a = article(ctx.pathParam("id"));
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
        CommentArticle a = article(Long.toString(target.articleId()));
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
        CommentArticle a = article(Long.toString(target.articleId()));
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
        CommentArticle a = article(Long.toString(c.articleId()));
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
        CommentArticle a = article(Long.toString(c.articleId()));
        String text = ctx.formParam("text");
        int version = pageParam(ctx.formParam("version"));
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
            ctx.redirect("/articles/" + articleId + "/comments", HttpStatus.SEE_OTHER);
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
                ctx.redirect("/articles/" + c.articleId() + "/comments#c" + c.id(), HttpStatus.SEE_OTHER);
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
                    article(Long.toString(c.articleId())));
        } catch (CommentRefused e) {
            action(ctx.status(e.status()), "report", e.getMessage(), reason, detail);
        }
    }

    // --- the reader's account area: replies to them, their comments, email choice

    public void account(Context ctx) {
        accountPage(ctx, ctx.queryParam("done"));
    }

    public void emailChoice(Context ctx) {
        User u = user(ctx);
        notices.setWantsEmail(u.id(), "on".equals(ctx.formParam("emailReplies")));
        ctx.redirect("/account/comments?done=email", HttpStatus.SEE_OTHER);
    }

    public void markRead(Context ctx) {
        notices.markAllRead(user(ctx).id());
        ctx.redirect("/account/comments?done=read", HttpStatus.SEE_OTHER);
    }

    private void accountPage(Context ctx, String done) {
        User u = user(ctx);
        String notice = done == null
                ? null
                : switch (done) {
                    case "email" -> "Your email choice has been saved.";
                    case "read" -> "All replies are marked as read.";
                    default -> null;
                };
        Meta meta = Meta.page("Your comments and replies", "Replies to your comments", "/account/comments")
                .hidden();
        Personal.html(
                ctx,
                views.render(
                        "comments/account.jte",
                        new AccountCommentsPage(
                                chrome.layout(meta),
                                csrf.token(ctx),
                                notices.recent(u.id(), 50),
                                notices.unread(u.id()),
                                threads.byUser(u.id(), comments.settings().editMinutes(), 50),
                                notices.wantsEmail(u.id()),
                                notice)));
    }

    // --- helpers

    private void posted(Context ctx, CommentService.Posted p) {
        CommentArticle a = article(Long.toString(p.articleId()));
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
        ctx.redirect("/articles/" + p.articleId() + "/comments#c" + p.id(), HttpStatus.SEE_OTHER);
    }

    private void action(Context ctx, String kind, String error, String reason, String detail) {
        User u = user(ctx);
        Comment c = comment(ctx);
        CommentArticle a = article(Long.toString(c.articleId()));
        if (error == null) {
            if (refuseBanned(ctx, u, a)) return;
            if (!c.visible() && !(kind.equals("delete") && c.status().equals("pending"))) {
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
        boolean liked = kind.equals("like")
                && jdbi.withHandle(h -> h.createQuery(
                                "select exists (select 1 from comment_likes where comment_id = :c and user_id = :u)")
                        .bind("c", c.id())
                        .bind("u", u.id())
                        .mapTo(Boolean.class)
                        .one());
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
        Optional<CommentRefused> no = jdbi.withHandle(h -> comments.refusal(h, u, a, s));
        if (no.isEmpty()) return false;
        message(
                ctx.status(no.get().status()),
                "You cannot comment here",
                no.get().getMessage(),
                a);
        return true;
    }

    private boolean refuseBanned(Context ctx, User u, CommentArticle a) {
        Optional<CommentRefused> no = jdbi.withHandle(h -> comments.banned(h, u));
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
            case "reply" -> "/comments/" + target.id() + "/reply";
            case "edit" -> "/comments/" + target.id() + "/edit";
            default -> "/articles/" + a.id() + "/comments";
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
                                chrome.layout(meta),
                                heading,
                                text,
                                "Back to the comments",
                                "/articles/" + a.id() + "/comments")));
    }

    private User user(Context ctx) {
        return sessions.current(ctx).orElseThrow();
    }

    private CommentArticle article(String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        return jdbi.withHandle(h -> CommentArticle.find(h, n)).orElseThrow(NotFoundResponse::new);
    }

    private Comment comment(Context ctx) {
        long n;
        try {
            n = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        return comments.find(n).orElseThrow(NotFoundResponse::new);
    }

    private static int pageParam(String s) {
        if (s == null || s.isBlank()) return 1;
        try {
            int p = Integer.parseInt(s.strip());
            if (p < 1 || p > 100_000) throw new io.javalin.http.BadRequestResponse("page must be a number from 1.");
            return p;
        } catch (NumberFormatException e) {
            throw new io.javalin.http.BadRequestResponse("page must be a number from 1.");
        }
    }
}
