package broadsheet.newsletters;

import broadsheet.articles.ArticleDao;
import broadsheet.mail.MailConfig;
import broadsheet.web.Site;
import broadsheet.web.Views;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** Newsletters, readers and issues written straight into the real schema, and senders built as App builds them. */
final class NewsletterData {

    static final Views VIEWS = new Views(false);
    static final Supplier<Site> SITE =
            () -> new Site("The Ledger", "News", "http://news.example", ZoneId.of("Europe/London"), "en");

    private final Jdbi jdbi;

    NewsletterData(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long newsletter(String slug, String audience) {
        return jdbi.withHandle(h -> h.createQuery("""
                insert into newsletters (slug, name, description, audience, schedule)
                values (:s, :n, 'The day in brief.', :a, 'Weekdays') returning id""")
                .bind("s", slug)
                .bind("n", "Newsletter " + slug)
                .bind("a", audience)
                .mapTo(Long.class)
                .one());
    }

    long article(String slug, String headline) {
        return jdbi.withHandle(h -> {
            long section = h.createQuery(
                            "insert into sections (slug, name, position) values (:s, 'Politics', 0) on conflict (slug) do update set name = excluded.name returning id")
                    .bind("s", "politics")
                    .mapTo(Long.class)
                    .one();
            return h.createQuery("""
                    insert into articles (slug, headline, deck, body, section_id, status, published_at)
                    values (:s, :h, 'A deck.', 'Body.', :sec, 'published', :p) returning id""")
                    .bind("s", slug)
                    .bind("h", headline)
                    .bind("sec", section)
                    .bind("p", Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)))
                    .mapTo(Long.class)
                    .one();
        });
    }

    /** {@code n} confirmed readers r0@example.org ... on the newsletter. */
    void readers(long newsletterId, int n) {
        jdbi.useHandle(h ->
                h.createUpdate("""
                insert into newsletter_subscribers (newsletter_id, email, status, confirmed_at)
                select :n, 'r' || g || '@example.org', 'active', now() from generate_series(0, :count - 1) g""").bind("n", newsletterId).bind("count", n).execute());
    }

    long issue(long newsletterId, String subject, long... articles) {
        return jdbi.inTransaction(h -> {
            long id = h.createQuery(
                            "insert into newsletter_issues (newsletter_id, subject, intro) values (:n, :s, 'Good *morning*.') returning id")
                    .bind("n", newsletterId)
                    .bind("s", subject)
                    .mapTo(Long.class)
                    .one();
            int pos = 0;
            for (long a : articles)
                h.execute(
                        "insert into newsletter_issue_articles (issue_id, article_id, position) values (?, ?, ?)",
                        id,
                        a,
                        pos++);
            return id;
        });
    }

    /** Starts the send as "send now" does: the outbox filled in one transaction. */
    int start(long issueId) {
        return jdbi.inTransaction(h -> Outbox.fill(h, issueId));
    }

    NewsletterSender sender(int smtpPort, int batch, Optional<Dkim> dkim) {
        MailConfig mail = new MailConfig("localhost", smtpPort, "", "", false, "The Ledger <news@ledger.example>");
        return new NewsletterSender(
                jdbi,
                new broadsheet.mail.SmtpTransport(mail),
                new IssueRenderer(new ArticleDao(jdbi), VIEWS, SITE),
                new NewsletterDao(jdbi),
                new IssueDao(jdbi),
                new NewsletterLinks(new broadsheet.db.Secrets(new broadsheet.db.Settings(jdbi))),
                SITE,
                mail.from(),
                dkim,
                batch,
                1);
    }

    String state(String email) {
        return jdbi.withHandle(h -> h.createQuery("select state from newsletter_outbox where email = :e")
                .bind("e", email)
                .mapTo(String.class)
                .one());
    }
}
