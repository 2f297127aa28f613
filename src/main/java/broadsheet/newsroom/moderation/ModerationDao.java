package broadsheet.newsroom.moderation;

import broadsheet.comments.CommentMode;
import broadsheet.comments.CommentStatus;
import broadsheet.newsroom.moderation.Moderation.Ban;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The SQL of editors' decisions: comments in the queue, commenters' bans, an article's comment mode. */
public final class ModerationDao {

    private final Jdbi jdbi;

    public ModerationDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Decides on a comment still waiting for review; empty when it was not (decided already). Present
     * with whether it is a reply, which matters to the reader it answers once it is shown.
     */
    Optional<Boolean> decide(Handle h, long id, Decision decision, String note) {
        return h.createQuery("""
                update comments set needs_review = false, moderation_note = :note, version = version + 1,
                       status = case when :approve then case when status = :pending then :visible else status end else :rejected end,
                       report_count = case when :approve then 0 else report_count end,
                       hold_reason = case when :approve then null else hold_reason end
                 where id = :id and needs_review returning reply_to_id""")
                .bind("note", note)
                .bind("approve", decision == Decision.APPROVE)
                .bind("pending", CommentStatus.PENDING)
                .bind("visible", CommentStatus.VISIBLE)
                .bind("rejected", CommentStatus.REJECTED)
                .bind("id", id)
                .map((rs, ctx) -> rs.getObject("reply_to_id") != null)
                .findOne();
    }

    /** Bans the reader from commenting (or changes the reason); returns whether a row changed. */
    boolean ban(Handle h, long userId, String reason) {
        return h.createUpdate("""
                        insert into commenters (user_id, banned_at, ban_reason) values (:u, now(), :r)
                        on conflict (user_id) do update set banned_at = coalesce(commenters.banned_at, now()), ban_reason = excluded.ban_reason""").bind("u", userId).bind("r", reason).execute() > 0;
    }

    /** Lifts the reader's ban; returns whether there was one. */
    boolean lift(Handle h, long userId) {
        return h.createUpdate(
                                "update commenters set banned_at = null, ban_reason = '' where user_id = :u and banned_at is not null")
                        .bind("u", userId)
                        .execute()
                > 0;
    }

    List<Ban> bans() {
        return jdbi.withHandle(h -> h.createQuery("""
                select u.id, u.email, u.display_name, c.banned_at, c.ban_reason
                  from commenters c join users u on u.id = c.user_id where c.banned_at is not null order by c.banned_at desc""")
                .map((rs, ctx) -> new Ban(
                        rs.getLong("id"),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        rs.getTimestamp("banned_at").toInstant().truncatedTo(ChronoUnit.SECONDS),
                        rs.getString("ban_reason")))
                .list());
    }

    void setArticle(Handle h, long articleId, CommentMode mode, Boolean subscribersOnly) {
        h.createUpdate("update articles set comment_mode = :m, comments_subscribers_only = :s where id = :id")
                .bind("m", mode)
                .bind("s", subscribersOnly)
                .bind("id", articleId)
                .execute();
    }
}
