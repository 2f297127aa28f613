package broadsheet.comments;

import broadsheet.mail.Mail;
import broadsheet.mail.Mailer;
import broadsheet.web.Site;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells readers when someone replies to them: a notice in their account area, written in the
 * transaction that makes the reply visible, and an email after it commits for those who asked.
 */
public final class ReplyNotices {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyNotices.class);

    /** One notice in the reader's list. */
    public record Notice(
            long id,
            long commentId,
            long articleId,
            String replierName,
            String headline,
            String excerpt,
            Instant at,
            boolean unread) {}

    private final Jdbi jdbi;
    private final Mailer mailer;
    private final Supplier<Site> site;

    public ReplyNotices(Jdbi jdbi, Mailer mailer, Supplier<Site> site) {
        this.jdbi = jdbi;
        this.mailer = mailer;
        this.site = site;
    }

    /**
     * Records a notice for the author of the comment this visible reply answers (not for replying
     * to oneself), and returns the email to send once the transaction commits, if they want one.
     */
    public Optional<Mail> replied(Handle h, long replyId) {
        var row = h.createQuery("""
                select p.user_id, u.email, coalesce(cm.email_replies, false) as wants_mail, r.author_name, r.body, a.headline, a.id as article_id
                  from comments r
                  join comments p on p.id = r.reply_to_id
                  join users u on u.id = p.user_id
                  join articles a on a.id = r.article_id
                  left join commenters cm on cm.user_id = p.user_id
                 where r.id = :id and r.status = 'visible' and (r.user_id is null or r.user_id <> p.user_id)""").bind("id", replyId).mapToMap().findOne();
        if (row.isEmpty()) return Optional.empty();
        var m = row.get();
        int added = h.createUpdate(
                        "insert into comment_notifications (user_id, comment_id) values (:u, :c) on conflict do nothing")
                .bind("u", (Long) m.get("user_id"))
                .bind("c", replyId)
                .execute();
        if (added == 0 || !(Boolean) m.get("wants_mail")) return Optional.empty();
        Site s = site.get();
        String link = s.absolute("/articles/" + m.get("article_id") + "/comments#c" + replyId);
        String text = m.get("author_name") + " replied to your comment on \"" + m.get("headline") + "\":\n\n"
                + excerpt((String) m.get("body"), 600) + "\n\nRead the conversation: " + link
                + "\n\nYou get these emails because you asked for them. To stop them, untick the box on "
                + s.absolute("/account/comments") + "\n";
        return Optional.of(Mail.text((String) m.get("email"), "New reply to your comment on " + s.name(), text));
    }

    /** Sends mail after the change committed; a mail server's trouble never undoes a comment. */
    public void send(List<Mail> mails) {
        for (Mail m : mails) {
            try {
                mailer.send(m);
            } catch (RuntimeException e) {
                LOG.warn("could not send reply notice to {}: {}", m.to(), e.getMessage());
            }
        }
    }

    public List<Notice> recent(long userId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                select n.id, n.comment_id, c.article_id, c.author_name, a.headline, c.body, n.created_at, n.read_at is null as unread
                  from comment_notifications n
                  join comments c on c.id = n.comment_id and c.status = 'visible'
                  join articles a on a.id = c.article_id
                 where n.user_id = :u
                 order by n.created_at desc, n.id desc limit :limit""")
                .bind("u", userId)
                .bind("limit", limit)
                .map((rs, ctx) -> new Notice(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        excerpt(rs.getString(6), 200),
                        Comment.seconds(rs.getTimestamp(7)),
                        rs.getBoolean(8)))
                .list());
    }

    public int unread(long userId) {
        return jdbi.withHandle(
                h -> h.createQuery("""
                select count(*) from comment_notifications n join comments c on c.id = n.comment_id and c.status = 'visible'
                 where n.user_id = :u and n.read_at is null""").bind("u", userId).mapTo(Integer.class).one());
    }

    public void markAllRead(long userId) {
        jdbi.useHandle(h -> h.execute(
                "update comment_notifications set read_at = now() where user_id = ? and read_at is null", userId));
    }

    public boolean wantsEmail(long userId) {
        return jdbi.withHandle(h -> h.createQuery("select email_replies from commenters where user_id = :u")
                .bind("u", userId)
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false));
    }

    public void setWantsEmail(long userId, boolean wants) {
        jdbi.useHandle(h -> h.execute("""
                insert into commenters (user_id, email_replies) values (?, ?)
                on conflict (user_id) do update set email_replies = excluded.email_replies""", userId, wants));
    }

    static String excerpt(String s, int max) {
        String one = s.strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
