package broadsheet.accounts;

import broadsheet.comments.CommentDao;
import broadsheet.following.FollowKind;
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
    private final String baseUrl;

    /** @param baseUrl the public origin, for the addresses of what the reader follows */
    public AccountExportDao(Jdbi jdbi, String baseUrl) {
        this.jdbi = jdbi;
        this.baseUrl = baseUrl;
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
            // each follow by the name and public address of what is followed, not by its row number
            out.put(
                    "following",
                    h.createQuery("""
                            select f.kind, f.created_at,
                                   coalesce(a.slug, t.slug, s.slug) as slug, coalesce(a.name, t.name, s.name) as name
                              from follows f
                              left join authors a on f.kind = 'author' and a.id = f.target_id
                              left join topics t on f.kind = 'topic' and t.id = f.target_id
                              left join sections s on f.kind = 'section' and s.id = f.target_id
                             where f.user_id = :u
                             order by f.created_at, f.kind, f.target_id""")
                            .bind("u", user.id())
                            .map((rs, ctx) -> {
                                Map<String, Object> follow = new LinkedHashMap<>();
                                String kind = rs.getString("kind");
                                String slug = rs.getString("slug");
                                follow.put("kind", kind);
                                follow.put("name", rs.getString("name"));
                                follow.put(
                                        "url",
                                        FollowKind.of(kind)
                                                .filter(k -> slug != null)
                                                .map(k -> baseUrl + k.path(slug))
                                                .orElse(null));
                                follow.put(
                                        "since",
                                        rs.getTimestamp("created_at")
                                                .toInstant()
                                                .toString());
                                return follow;
                            })
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
