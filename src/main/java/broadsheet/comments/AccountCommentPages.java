package broadsheet.comments;

import broadsheet.accounts.User;
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
import java.util.List;

/** The reader's own comments area in their account: replies to them, their comments, the email choice. */
public final class AccountCommentPages {

    public record AccountCommentsPage(
            Layout layout,
            String csrf,
            List<ReplyNotices.Notice> notices,
            int unread,
            List<ThreadDao.Own> own,
            boolean emailReplies,
            String notice) {}

    private final CommentService comments;
    private final ThreadDao threads;
    private final ReplyNotices notices;
    private final Sessions sessions;
    private final Csrf csrf;
    private final Chrome chrome;
    private final Views views;

    public AccountCommentPages(
            CommentService comments,
            ThreadDao threads,
            ReplyNotices notices,
            Sessions sessions,
            Csrf csrf,
            Chrome chrome,
            Views views) {
        this.comments = comments;
        this.threads = threads;
        this.notices = notices;
        this.sessions = sessions;
        this.csrf = csrf;
        this.chrome = chrome;
        this.views = views;
    }

    public void account(Context ctx) {
        User u = user(ctx);
        String done = ctx.queryParam("done");
        String notice = done == null
                ? null
                : switch (done) {
                    case "email" -> "Your email choice has been saved.";
                    case "read" -> "All replies are marked as read.";
                    default -> null;
                };
        Meta meta = Meta.page("Your comments and replies", "Replies to your comments", Paths.accountComments())
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

    public void emailChoice(Context ctx) {
        User u = user(ctx);
        notices.setWantsEmail(u.id(), "on".equals(ctx.formParam("emailReplies")));
        ctx.redirect(Paths.with(Paths.accountComments(), "done", "email"), HttpStatus.SEE_OTHER);
    }

    public void markRead(Context ctx) {
        notices.markAllRead(user(ctx).id());
        ctx.redirect(Paths.with(Paths.accountComments(), "done", "read"), HttpStatus.SEE_OTHER);
    }

    private User user(Context ctx) {
        return sessions.current(ctx).orElseThrow();
    }
}
