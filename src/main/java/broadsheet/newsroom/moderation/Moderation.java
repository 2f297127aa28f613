package broadsheet.newsroom.moderation;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.comments.CommentSettings;
import broadsheet.comments.ReplyNotices;
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
    private final ReplyNotices notices;

    public Moderation(Jdbi jdbi, ReplyNotices notices) {
        this.jdbi = jdbi;
        this.notices = notices;
    }

    /** Approves or rejects comments in the queue; returns how many changed. */
    public int decide(User editor, List<Long> ids, boolean approve, String note) {
        List<Mail> mails = new ArrayList<>();
        int n = jdbi.inTransaction(h -> {
            int changed = 0;
            for (long id : ids) {
                var row = h.createQuery("""
                        update comments set needs_review = false, moderation_note = :note, version = version + 1,
                               status = case when :approve then case when status = 'pending' then 'visible' else status end else 'rejected' end,
                               report_count = case when :approve then 0 else report_count end,
                               hold_reason = case when :approve then null else hold_reason end
                         where id = :id and needs_review returning reply_to_id, hold_reason""")
                        .bind("note", note)
                        .bind("approve", approve)
                        .bind("id", id)
                        .mapToMap()
                        .findOne();
                if (row.isEmpty()) continue;
                changed++;
                Audit.record(
                        h,
                        editor,
                        approve ? "comment.approve" : "comment.reject",
                        "comment",
                        id,
                        note.isEmpty() ? "" : "Reason: " + note);
                if (approve && row.get().get("reply_to_id") != null)
                    notices.replied(h, id).ifPresent(mails::add);
            }
            return changed;
        });
        notices.send(mails);
        return n;
    }

    public Optional<Long> userByEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("select id from users where email = :e")
                .bind("e", email.strip().toLowerCase())
                .mapTo(Long.class)
                .findOne());
    }

    public Optional<String> emailOf(long userId) {
        return jdbi.withHandle(h -> h.createQuery("select email from users where id = :u")
                .bind("u", userId)
                .mapTo(String.class)
                .findOne());
    }

    public void ban(User editor, long userId, String reason) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("""
                    insert into commenters (user_id, banned_at, ban_reason) values (:u, now(), :r)
                    on conflict (user_id) do update set banned_at = coalesce(commenters.banned_at, now()), ban_reason = excluded.ban_reason""").bind("u", userId).bind("r", reason).execute();
            if (n > 0)
                Audit.record(h, editor, "commenter.ban", "user", userId, reason.isEmpty() ? "" : "Reason: " + reason);
        });
    }

    public void lift(User editor, long userId) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate(
                            "update commenters set banned_at = null, ban_reason = '' where user_id = :u and banned_at is not null")
                    .bind("u", userId)
                    .execute();
            if (n > 0) Audit.record(h, editor, "commenter.unban", "user", userId, "");
        });
    }

    public List<Ban> bans() {
        return jdbi.withHandle(h -> h.createQuery("""
                select u.id, u.email, u.display_name, c.banned_at, c.ban_reason
                  from commenters c join users u on u.id = c.user_id where c.banned_at is not null order by c.banned_at desc""")
                .map((rs, ctx) -> new Ban(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        rs.getString(5)))
                .list());
    }

    /** Sets an article's comment mode and who may comment on it. */
    public void setArticle(User editor, long articleId, String mode, Boolean subscribersOnly) {
        jdbi.useTransaction(h -> {
            h.createUpdate("update articles set comment_mode = :m, comments_subscribers_only = :s where id = :id")
                    .bind("m", mode)
                    .bind("s", subscribersOnly)
                    .bind("id", articleId)
                    .execute();
            Audit.record(
                    h,
                    editor,
                    "article.comments",
                    "article",
                    articleId,
                    "Comments: " + mode
                            + (subscribersOnly == null
                                    ? ""
                                    : subscribersOnly ? ", subscribers only" : ", every signed-in reader"));
        });
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
                h.execute(
                        "insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value",
                        k,
                        v);
            }
            Audit.record(h, editor, "comments.settings", "settings", null, "Comment rules changed");
        });
        return f;
    }
}
