package broadsheet.paywall;

import broadsheet.accounts.User;
import broadsheet.articles.ArticleStatus;
import broadsheet.audit.Audit;
import broadsheet.db.ContentChanges;
import broadsheet.db.Settings;
import broadsheet.subscriptions.Subscriptions;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** What the paywall and the gift pages read: a published article's access level and headline, and who subscribes. */
public final class PaywallDao {

    /** A published article as the paywall sees it. */
    record Gated(long id, Access access, int version) {}

    /** A published article as the gift page names it. */
    record Published(long id, String headline, String slug, Instant publishedAt) {}

    private final Jdbi jdbi;

    public PaywallDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Gated> publishedBySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select id, access, version from articles where slug = :s and status = :published")
                .bind("s", slug)
                .bind("published", ArticleStatus.PUBLISHED)
                .map((rs, c) -> new Gated(rs.getLong("id"), Access.of(rs.getString("access")), rs.getInt("version")))
                .findOne());
    }

    Optional<Published> publishedById(long id) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select id, headline, slug, published_at from articles where id = :id and status = :published")
                .bind("id", id)
                .bind("published", ArticleStatus.PUBLISHED)
                .map((rs, c) -> new Published(
                        rs.getLong("id"),
                        rs.getString("headline"),
                        rs.getString("slug"),
                        rs.getTimestamp("published_at").toInstant()))
                .findOne());
    }

    /**
     * Stores the paywall's settings, with an audit entry when they differ from {@code before}, and
     * announces a content change so every node drops its cached pages (locked pages name the meter).
     */
    void saveSettings(User user, Paywall.Settings before, Paywall.Settings after) {
        jdbi.useTransaction(h -> {
            Settings.put(h, Paywall.METER, String.valueOf(after.meter()));
            Settings.put(h, Paywall.GIFTS, String.valueOf(after.giftsPerMonth()));
            if (!before.equals(after)) {
                Audit.record(
                        h,
                        user,
                        "changed paywall settings",
                        "settings",
                        null,
                        "meter " + before.meter() + " → " + after.meter() + ", gift links a month "
                                + before.giftsPerMonth() + " → " + after.giftsPerMonth());
            }
            ContentChanges.announce(h);
        });
    }

    boolean isSubscriber(long userId) {
        return jdbi.withHandle(h -> Subscriptions.isSubscriber(h, userId));
    }
}
