package broadsheet.comments;

import broadsheet.comments.ReplyNotices.Notice;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The SQL of reply notices and of each reader's choice to have them mailed. */
public final class ReplyNoticeDao {

    /** A visible reply to someone else's comment, with who should hear of it. */
    record Reply(
            long parentUserId,
            String parentEmail,
            boolean wantsMail,
            String authorName,
            String body,
            String headline,
            long articleId) {}

    private final Jdbi jdbi;

    public ReplyNoticeDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The reply, if it is visible and answers a comment by another reader. */
    Optional<Reply> reply(Handle h, long replyId) {
        return h.createQuery("""
                select p.user_id, u.email, coalesce(cm.email_replies, false) as wants_mail, r.author_name, r.body, a.headline, a.id as article_id
                  from comments r
                  join comments p on p.id = r.reply_to_id
                  join users u on u.id = p.user_id
                  join articles a on a.id = r.article_id
                  left join commenters cm on cm.user_id = p.user_id
                 where r.id = :id and r.status = :visible and (r.user_id is null or r.user_id <> p.user_id)""")
                .bind("id", replyId)
                .bind("visible", CommentStatus.VISIBLE)
                .map((rs, ctx) -> new Reply(
                        rs.getLong("user_id"),
                        rs.getString("email"),
                        rs.getBoolean("wants_mail"),
                        rs.getString("author_name"),
                        rs.getString("body"),
                        rs.getString("headline"),
                        rs.getLong("article_id")))
                .findOne();
    }

    /** Records the notice; returns whether it is new. */
    boolean add(Handle h, long userId, long commentId) {
        return h.createUpdate(
                                "insert into comment_notifications (user_id, comment_id) values (:u, :c) on conflict do nothing")
                        .bind("u", userId)
                        .bind("c", commentId)
                        .execute()
                > 0;
    }

    List<Notice> recent(long userId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                select n.id, n.comment_id, c.article_id, c.author_name, a.headline, c.body, n.created_at, n.read_at is null as unread
                  from comment_notifications n
                  join comments c on c.id = n.comment_id and c.status = :visible
                  join articles a on a.id = c.article_id
                 where n.user_id = :u
                 order by n.created_at desc, n.id desc limit :limit""")
                .bind("u", userId)
                .bind("limit", limit)
                .bind("visible", CommentStatus.VISIBLE)
                .map((rs, ctx) -> new Notice(
                        rs.getLong("id"),
                        rs.getLong("comment_id"),
                        rs.getLong("article_id"),
                        rs.getString("author_name"),
                        rs.getString("headline"),
                        ReplyNotices.excerpt(rs.getString("body"), 200),
                        CommentDao.seconds(rs.getTimestamp("created_at")),
                        rs.getBoolean("unread")))
                .list());
    }

    int unread(long userId) {
        return jdbi.withHandle(h -> h.createQuery("""
                select count(*) from comment_notifications n join comments c on c.id = n.comment_id and c.status = :visible
                 where n.user_id = :u and n.read_at is null""")
                .bind("u", userId)
                .bind("visible", CommentStatus.VISIBLE)
                .mapTo(Integer.class)
                .one());
    }

    void markAllRead(long userId) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update comment_notifications set read_at = now() where user_id = :u and read_at is null")
                .bind("u", userId)
                .execute());
    }

    boolean wantsEmail(long userId) {
        return jdbi.withHandle(h -> h.createQuery("select email_replies from commenters where user_id = :u")
                .bind("u", userId)
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false));
    }

    void setWantsEmail(long userId, boolean wants) {
        jdbi.useHandle(
                h -> h.createUpdate("""
                insert into commenters (user_id, email_replies) values (:u, :w)
                on conflict (user_id) do update set email_replies = excluded.email_replies""").bind("u", userId).bind("w", wants).execute());
    }
}
