package broadsheet.comments;

import broadsheet.mail.Mail;
import broadsheet.mail.Mailer;
import broadsheet.web.Paths;
import broadsheet.web.Site;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
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

    private final ReplyNoticeDao dao;
    private final Mailer mailer;
    private final Supplier<Site> site;

    public ReplyNotices(ReplyNoticeDao dao, Mailer mailer, Supplier<Site> site) {
        this.dao = dao;
        this.mailer = mailer;
        this.site = site;
    }

    /**
     * Records a notice for the author of the comment this visible reply answers (not for replying
     * to oneself), and returns the email to send once the transaction commits, if they want one.
     */
    public Optional<Mail> replied(Handle h, long replyId) {
        Optional<ReplyNoticeDao.Reply> row = dao.reply(h, replyId);
        if (row.isEmpty()) return Optional.empty();
        ReplyNoticeDao.Reply r = row.get();
        if (!dao.add(h, r.parentUserId(), replyId) || !r.wantsMail()) return Optional.empty();
        Site s = site.get();
        String link = s.absolute(Paths.comment(r.articleId(), replyId));
        String text = r.authorName() + " replied to your comment on \"" + r.headline() + "\":\n\n"
                + excerpt(r.body(), 600) + "\n\nRead the conversation: " + link
                + "\n\nYou get these emails because you asked for them. To stop them, untick the box on "
                + s.absolute(Paths.accountComments()) + "\n";
        return Optional.of(Mail.text(r.parentEmail(), "New reply to your comment on " + s.name(), text));
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
        return dao.recent(userId, limit);
    }

    public int unread(long userId) {
        return dao.unread(userId);
    }

    public void markAllRead(long userId) {
        dao.markAllRead(userId);
    }

    public boolean wantsEmail(long userId) {
        return dao.wantsEmail(userId);
    }

    public void setWantsEmail(long userId, boolean wants) {
        dao.setWantsEmail(userId, wants);
    }

    static String excerpt(String s, int max) {
        String one = s.strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
