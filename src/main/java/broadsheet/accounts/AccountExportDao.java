package broadsheet.accounts;

import broadsheet.comments.CommentDao;
import broadsheet.subscriptions.Subscription;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * "Download everything we hold about you": the SQL that gathers a reader's rows from every feature
 * (sessions, activity, authorship, the paywall, comments, newsletters, follows, the subscription).
 */
public final class AccountExportDao {

    private final Jdbi jdbi;

    public AccountExportDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Everything we hold about the account, as a JSON-ready map. */
    public Map<String, Object> export(User user) {
        return jdbi.withHandle(h -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put(
                    "account",
                    Map.of(
                            "email",
                            user.email(),
                            "displayName",
                            user.displayName(),
                            "role",
                            user.role().dbValue(),
                            "createdAt",
                            user.createdAt().toString(),
                            "emailConfirmedAt",
                            user.emailConfirmedAt() == null
                                    ? ""
                                    : user.emailConfirmedAt().toString()));
            out.put(
                    "sessions",
                    h.createQuery(
                                    "select created_at, last_seen_at, expires_at from sessions where user_id = :u order by created_at")
                            .bind("u", user.id())
                            .map((rs, ctx) -> Map.of(
                                    "createdAt",
                                    rs.getTimestamp("created_at").toInstant().toString(),
                                    "lastSeenAt",
                                    rs.getTimestamp("last_seen_at").toInstant().toString(),
                                    "expiresAt",
                                    rs.getTimestamp("expires_at").toInstant().toString()))
                            .list());
            out.put(
                    "activity",
                    h.createQuery(
                                    "select at, action, subject_type, subject_id, detail from audit_log where actor_id = :u order by at")
                            .bind("u", user.id())
                            .map((rs, ctx) -> Map.of(
                                    "at",
                                    rs.getTimestamp("at").toInstant().toString(),
                                    "action",
                                    rs.getString("action"),
                                    "subject",
                                    rs.getString("subject_type")
                                            + (rs.getObject("subject_id") == null
                                                    ? ""
                                                    : " " + rs.getLong("subject_id")),
                                    "detail",
                                    rs.getString("detail")))
                            .list());
            out.put(
                    "author",
                    h.createQuery("select slug, name from authors where user_id = :u")
                            .bind("u", user.id())
                            .map((rs, ctx) -> Map.of("slug", rs.getString("slug"), "name", rs.getString("name")))
                            .list());
            // the paywall's records of this reader: subscriber articles read on the meter, gift links made
            out.put(
                    "meteredReads",
                    h.createQuery("""
                            select a.slug, r.read_at from paywall_reads r join articles a on a.id = r.article_id
                             where r.user_id = :u order by r.read_at""")
                            .bind("u", user.id())
                            .map((rs, ctx) -> Map.of(
                                    "article",
                                    rs.getString("slug"),
                                    "readAt",
                                    rs.getTimestamp("read_at").toInstant().toString()))
                            .list());
            out.put(
                    "giftLinks",
                    h.createQuery("""
                            select a.slug, g.created_at, g.expires_at from gift_links g join articles a on a.id = g.article_id
                             where g.giver_id = :u order by g.created_at""")
                            .bind("u", user.id())
                            .map((rs, ctx) -> Map.of(
                                    "article",
                                    rs.getString("slug"),
                                    "createdAt",
                                    rs.getTimestamp("created_at").toInstant().toString(),
                                    "expiresAt",
                                    rs.getTimestamp("expires_at").toInstant().toString()))
                            .list());
            out.put("comments", CommentDao.export(h, user.id()));
            out.put(
                    "newsletters",
                    h.createQuery("""
                            select n.slug, s.status, s.created_at from newsletter_subscribers s join newsletters n on n.id = s.newsletter_id
                             where s.user_id = :u or s.email = :e order by n.slug""")
                            .bind("u", user.id())
                            .bind("e", user.email())
                            .map((rs, ctx) -> Map.of(
                                    "newsletter",
                                    rs.getString("slug"),
                                    "status",
                                    rs.getString("status"),
                                    "since",
                                    rs.getTimestamp("created_at").toInstant().toString()))
                            .list());
            out.put(
                    "following",
                    h.createQuery(
                                    "select kind, target_id, created_at from follows where user_id = :u order by created_at")
                            .bind("u", user.id())
                            .map((rs, ctx) -> Map.of(
                                    "kind",
                                    rs.getString("kind"),
                                    "id",
                                    rs.getLong("target_id"),
                                    "since",
                                    rs.getTimestamp("created_at").toInstant().toString()))
                            .list());
            out.put(
                    "followingDigest",
                    h.createQuery("select exists (select 1 from following_digests where user_id = :u)")
                            .bind("u", user.id())
                            .mapTo(Boolean.class)
                            .one());
            out.put(
                    "subscription",
                    Subscription.forUser(h, user.id())
                            .map(s -> Map.of(
                                    "plan",
                                    s.planLabel(),
                                    "status",
                                    s.status(),
                                    "currentPeriodEnd",
                                    s.currentPeriodEnd().toString(),
                                    "cancelAtPeriodEnd",
                                    s.cancelAtPeriodEnd(),
                                    "paidThrough",
                                    s.source()))
                            .orElse(null));
            return out;
        });
    }
}
