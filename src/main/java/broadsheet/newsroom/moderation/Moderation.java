package broadsheet.newsroom.moderation;

import broadsheet.accounts.User;
import broadsheet.accounts.UserDao;
import broadsheet.audit.Audit;
import broadsheet.comments.CommentArticle;
import broadsheet.comments.CommentDao;
import broadsheet.comments.CommentMode;
import broadsheet.comments.CommentSettings;
import broadsheet.comments.ReplyNotices;
import broadsheet.db.ContentChanges;
import broadsheet.db.Settings;
import broadsheet.mail.Mail;
import broadsheet.web.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What editors decide about comments and commenters. Each decision is one transaction with its
 * audit entries; deciding again on a comment already decided changes nothing.
 */
public final class Moderation {

    /** A banned reader, for the bans list. */
    public record Ban(long userId, String email, String name, java.time.Instant at, String reason) {}

    private final Jdbi jdbi;
    private final ModerationDao dao;
    private final CommentDao comments;
    private final UserDao users;
    private final Settings settings;
    private final ReplyNotices notices;

    /** @param jdbi for opening each decision's transaction; the SQL is the DAOs' */
    public Moderation(
            Jdbi jdbi, ModerationDao dao, CommentDao comments, UserDao users, Settings settings, ReplyNotices notices) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.comments = comments;
        this.users = users;
        this.settings = settings;
        this.notices = notices;
    }

    /** Approves or rejects comments in the queue; returns how many changed. */
    public int decide(User editor, List<Long> ids, Decision decision, String note) {
        List<Mail> mails = new ArrayList<>();
        int n = jdbi.inTransaction(h -> {
            int changed = 0;
            for (long id : ids) {
                Optional<Boolean> reply = dao.decide(h, id, decision, note);
                if (reply.isEmpty()) continue;
                changed++;
                Audit.record(h, editor, decision.auditAction(), "comment", id, note.isEmpty() ? "" : "Reason: " + note);
                if (decision == Decision.APPROVE && reply.get())
                    notices.replied(h, id).ifPresent(mails::add);
            }
            return changed;
        });
        notices.send(mails);
        return n;
    }

    public Optional<Long> userByEmail(String email) {
        return users.byEmail(email).map(User::id);
    }

    public Optional<String> emailOf(long userId) {
        return users.byId(userId).map(User::email);
    }

    public void ban(User editor, long userId, String reason) {
        jdbi.useTransaction(h -> {
            if (dao.ban(h, userId, reason))
                Audit.record(h, editor, "commenter.ban", "user", userId, reason.isEmpty() ? "" : "Reason: " + reason);
        });
    }

    public void lift(User editor, long userId) {
        jdbi.useTransaction(h -> {
            if (dao.lift(h, userId)) Audit.record(h, editor, "commenter.unban", "user", userId, "");
        });
    }

    public List<Ban> bans() {
        return dao.bans();
    }

    /** A published article, with how it takes comments. */
    public Optional<CommentArticle> article(long id) {
        return comments.article(id);
    }

    /** Sets an article's comment mode and who may comment on it. */
    public void setArticle(User editor, long articleId, CommentMode mode, Boolean subscribersOnly) {
        jdbi.useTransaction(h -> {
            dao.setArticle(h, articleId, mode, subscribersOnly);
            // the article page shows its comments and who may write one
            ContentChanges.announce(h, CommentArticle.cacheKey(articleId));
            Audit.record(
                    h,
                    editor,
                    "article.comments",
                    "article",
                    articleId,
                    "Comments: " + mode.dbValue()
                            + (subscribersOnly == null
                                    ? ""
                                    : subscribersOnly ? ", subscribers only" : ", every signed-in reader"));
        });
    }

    /** The comment rules as they are now. */
    public CommentSettings settings() {
        return CommentSettings.load(settings);
    }

    /** Saves the settings form; returns it with errors, nothing saved, when a number is wrong. */
    public Form saveSettings(User editor, Form f) {
        for (String k : List.of(
                "comments_auto_close_days",
                "comments_report_threshold",
                "comments_max_links",
                "comments_new_account_hold",
                "comments_per_minute",
                "comments_edit_minutes")) {
            String v = f.raw(k).strip();
            int min = k.equals("comments_report_threshold") || k.equals("comments_per_minute") ? 1 : 0;
            if (!v.matches("[0-9]{1,5}") || Integer.parseInt(v) < min)
                f.error(k, "Enter a whole number from " + min + ", e.g. 3.");
        }
        if (f.raw("comments_blocked_words").length() > 20_000
                || f.raw("comments_blocked_links").length() > 20_000) {
            f.error("comments_blocked_words", "The lists may be at most 20,000 characters.");
        }
        if (f.hasErrors()) return f;
        jdbi.useTransaction(h -> {
            for (String k : CommentSettings.KEYS) {
                String v = k.equals("comments_subscribers_only")
                        ? String.valueOf("on".equals(f.raw(k)))
                        : f.raw(k).strip();
                Settings.put(h, k, v);
            }
            Audit.record(h, editor, "comments.settings", "settings", null, "Comment rules changed");
            ContentChanges.announce(h); // every article page says who may comment and until when
        });
        return f;
    }
}
