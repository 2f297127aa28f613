package broadsheet.paywall;

import broadsheet.articles.ArticleStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Gift links' SQL, in the caller's handle. */
final class GiftLinkDao {
    private GiftLinkDao() {}

    static boolean published(Handle h, long articleId) {
        return h.createQuery("select count(*) > 0 from articles where id = :a and status = :published")
                .bind("a", articleId)
                .bind("published", ArticleStatus.PUBLISHED)
                .mapTo(Boolean.class)
                .one();
    }

    /** Locks the giver's row, so two gifts at once cannot both take the month's last one. */
    static void lockGiver(Handle h, long userId) {
        h.createQuery("select id from users where id = :u for update")
                .bind("u", userId)
                .mapTo(Long.class)
                .one();
    }

    static Optional<Instant> expiryOf(Handle h, String tokenHash) {
        return h.createQuery("select expires_at from gift_links where token_hash = :h")
                .bind("h", tokenHash)
                .mapTo(Instant.class)
                .findOne();
    }

    static long insert(Handle h, String tokenHash, long articleId, long giverId, Instant expires) {
        return h.createQuery("""
                insert into gift_links (token_hash, article_id, giver_id, expires_at) values (:h, :a, :u, :e) returning id""")
                .bind("h", tokenHash)
                .bind("a", articleId)
                .bind("u", giverId)
                .bind("e", Timestamp.from(expires))
                .mapTo(Long.class)
                .one();
    }

    /** Whether the link is still live; empty when no such link opens this article. */
    static Optional<Boolean> live(Handle h, String tokenHash, long articleId) {
        return h.createQuery("select expires_at > now() from gift_links where token_hash = :h and article_id = :a")
                .bind("h", tokenHash)
                .bind("a", articleId)
                .mapTo(Boolean.class)
                .findOne();
    }

    /** Links the giver made since the start of this calendar month in the paper's time zone. */
    static int madeThisMonth(Handle h, long userId, ZoneId zone) {
        return h.createQuery("""
                select count(*) from gift_links
                 where giver_id = :u and created_at >= date_trunc('month', now() at time zone :z) at time zone :z""")
                .bind("u", userId)
                .bind("z", zone.getId())
                .mapTo(Integer.class)
                .one();
    }
}
