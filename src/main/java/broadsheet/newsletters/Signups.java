package broadsheet.newsletters;

import broadsheet.accounts.AccountService;
import broadsheet.accounts.User;
import broadsheet.mail.Mail;
import broadsheet.mail.Mailer;
import broadsheet.subscriptions.Subscriptions;
import broadsheet.web.Site;
import broadsheet.web.Tokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Who is on which newsletter's list: sign-up with double opt-in, confirmation, preferences and
 * unsubscribing. An address typed into a form gets a confirmation link and is on the list only once
 * it is opened; a signed-in reader's own address was confirmed when the account was, so it joins at once.
 */
public final class Signups {

    /** How long a confirmation link works. */
    static final Duration CONFIRM_LIFETIME = Duration.ofHours(48);
    /** At most one confirmation mail per address in this long, however often the form is sent. */
    static final Duration MAIL_INTERVAL = Duration.ofMinutes(5);

    public enum Outcome {
        CHECK_EMAIL,
        JOINED,
        INVALID,
        SUBSCRIBERS_ONLY
    }

    public record Result(Outcome outcome, String email, String problem) {}

    public enum ConfirmOutcome {
        CONFIRMED,
        EXPIRED,
        UNKNOWN
    }

    public record Confirmation(ConfirmOutcome outcome, String email, List<String> newsletters) {}

    /** One newsletter on a preferences page, and whether this address receives it. */
    public record Preference(Newsletter newsletter, boolean on, boolean pending, boolean allowed) {}

    private final Jdbi jdbi;
    private final Mailer mailer;
    private final Supplier<Site> site;
    private final NewsletterLinks links;

    public Signups(Jdbi jdbi, Mailer mailer, Supplier<Site> site, NewsletterLinks links) {
        this.jdbi = jdbi;
        this.mailer = mailer;
        this.site = site;
        this.links = links;
    }

    public static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Signs an address up. With a signed-in reader and no other address typed, the reader's own
     * (confirmed) address joins at once; any typed address gets a confirmation mail instead. Doing it
     * twice changes nothing and sends no second mail within {@link #MAIL_INTERVAL}.
     */
    public Result signUp(Newsletter n, String typedEmail, User reader) {
        String typed = normalize(typedEmail);
        boolean own = reader != null && (typed.isEmpty() || typed.equals(reader.email()));
        String email = own ? reader.email() : typed;
        if (n.subscribersOnly() && !(own && isSubscriber(reader)))
            return new Result(Outcome.SUBSCRIBERS_ONLY, email, null);
        String problem = AccountService.emailProblem(email);
        if (problem != null) return new Result(Outcome.INVALID, email, problem);
        if (own) {
            jdbi.useTransaction(h -> activate(h, n.id(), email, reader.id()));
            return new Result(Outcome.JOINED, email, null);
        }
        Optional<Mail> mail = jdbi.inTransaction(h -> {
            // serialise sign-ups of one address, so two at once cannot both decide to mail
            h.execute("select pg_advisory_xact_lock(hashtext('newsletter-signup:' || ?))", email);
            String status = h.createQuery("""
                    insert into newsletter_subscribers (newsletter_id, email) values (:n, :e)
                    on conflict (newsletter_id, email) do update
                       set status = case when newsletter_subscribers.status = 'active' then 'active' else 'pending' end,
                           updated_at = now()
                    returning status""")
                    .bind("n", n.id())
                    .bind("e", email)
                    .mapTo(String.class)
                    .one();
            if (status.equals("active")) return Optional.<Mail>empty();
            // a bounced or complaining address is never mailed, not even to confirm (the page looks the same)
            boolean suppressed = h.createQuery("select exists (select 1 from mail_suppressions where email = :e)")
                    .bind("e", email)
                    .mapTo(Boolean.class)
                    .one();
            if (suppressed) return Optional.<Mail>empty();
            boolean mailedRecently = h.createQuery(
                            "select exists (select 1 from newsletter_confirmations where email = :e and created_at > :since)")
                    .bind("e", email)
                    .bind("since", Timestamp.from(Instant.now().minus(MAIL_INTERVAL)))
                    .mapTo(Boolean.class)
                    .one();
            if (mailedRecently) return Optional.<Mail>empty();
            return Optional.of(confirmationMail(h, email));
        });
        mail.ifPresent(mailer::send);
        return new Result(Outcome.CHECK_EMAIL, email, null);
    }

    private Mail confirmationMail(Handle h, String email) {
        String token = Tokens.random();
        h.createUpdate("insert into newsletter_confirmations (hash, email, expires_at) values (:h, :e, :x)")
                .bind("h", Tokens.sha256(token))
                .bind("e", email)
                .bind("x", Timestamp.from(Instant.now().plus(CONFIRM_LIFETIME)))
                .execute();
        List<String> names =
                h.createQuery("""
                select n.name from newsletter_subscribers s join newsletters n on n.id = s.newsletter_id
                 where s.email = :e and s.status = 'pending' order by n.name""").bind("e", email).mapTo(String.class).list();
        Site s = site.get();
        return Mail.text(
                email,
                "Confirm your newsletter sign-up at " + s.name(),
                "Someone, perhaps you, asked to receive " + String.join(", ", names) + " from " + s.name()
                        + " at this address.\n\n"
                        + "To confirm, open this link within 48 hours:\n\n"
                        + s.absolute("/newsletters/confirm/" + token) + "\n\n"
                        + "If it was not you, ignore this message: nothing will be sent to you.\n");
    }

    /** Opens a confirmation link: every pending sign-up of its address becomes active. */
    public Confirmation confirm(String token) {
        if (token == null || token.isBlank() || token.length() > 100)
            return new Confirmation(ConfirmOutcome.UNKNOWN, null, List.of());
        return jdbi.inTransaction(h -> {
            var row = h.createQuery(
                            "select email, expires_at > now() as live, used_at is not null as used from newsletter_confirmations where hash = :h for update")
                    .bind("h", Tokens.sha256(token))
                    .mapToMap()
                    .findOne();
            if (row.isEmpty()) return new Confirmation(ConfirmOutcome.UNKNOWN, null, List.of());
            String email = (String) row.get().get("email");
            if (!(Boolean) row.get().get("live")) return new Confirmation(ConfirmOutcome.EXPIRED, email, List.of());
            h.execute(
                    "update newsletter_confirmations set used_at = coalesce(used_at, now()) where hash = ?",
                    Tokens.sha256(token));
            List<String> names =
                    h.createQuery("""
                    update newsletter_subscribers s set status = 'active', confirmed_at = now(), updated_at = now()
                      from newsletters n
                     where n.id = s.newsletter_id and s.email = :e and s.status = 'pending'
                    returning n.name""").bind("e", email).mapTo(String.class).list();
            if (names.isEmpty()) { // opened twice: say what it is on, without changing anything
                names = h.createQuery("""
                        select n.name from newsletter_subscribers s join newsletters n on n.id = s.newsletter_id
                         where s.email = :e and s.status = 'active' order by n.name""").bind("e", email).mapTo(String.class).list();
            }
            return new Confirmation(ConfirmOutcome.CONFIRMED, email, names);
        });
    }

    /** Every newsletter, and whether this address receives it. */
    public List<Preference> preferences(String email, User reader) {
        return jdbi.withHandle(h -> {
            boolean subscriber = reader != null && Subscriptions.isSubscriber(h, reader.id());
            return h.createQuery("""
                    select n.id, n.slug, n.name, n.description, n.audience, n.schedule, s.status
                      from newsletters n left join newsletter_subscribers s on s.newsletter_id = n.id and s.email = :e
                     order by n.name""")
                    .bind("e", email)
                    .map((rs, ctx) -> {
                        Newsletter n = new Newsletter(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6));
                        String st = rs.getString(7);
                        boolean on = "active".equals(st);
                        return new Preference(n, on, "pending".equals(st), on || !n.subscribersOnly() || subscriber);
                    })
                    .list();
        });
    }

    /**
     * Sets which newsletters an address receives. The caller has proved the address is theirs (a
     * signed-in account's confirmed address, or the signed link mailed to it), so no confirmation is
     * needed; a subscribers-only newsletter is only switched on for a signed-in subscriber.
     */
    public void setPreferences(String email, User reader, Set<Long> wanted) {
        jdbi.useTransaction(h -> {
            boolean subscriber = reader != null && Subscriptions.isSubscriber(h, reader.id());
            for (Preference p : preferences(h, email)) {
                long id = p.newsletter().id();
                if (wanted.contains(id) && !p.on() && (!p.newsletter().subscribersOnly() || subscriber)) {
                    activate(h, id, email, reader == null ? null : reader.id());
                } else if (!wanted.contains(id) && (p.on() || p.pending())) {
                    h.execute(
                            "update newsletter_subscribers set status = 'unsubscribed', updated_at = now() where newsletter_id = ? and email = ?",
                            id,
                            email);
                }
            }
        });
    }

    private List<Preference> preferences(Handle h, String email) {
        return h.createQuery("""
                select n.id, n.slug, n.name, n.description, n.audience, n.schedule, s.status
                  from newsletters n left join newsletter_subscribers s on s.newsletter_id = n.id and s.email = :e""")
                .bind("e", email)
                .map((rs, ctx) -> {
                    String st = rs.getString(7);
                    return new Preference(
                            new Newsletter(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6)),
                            "active".equals(st),
                            "pending".equals(st),
                            true);
                })
                .list();
    }

    /** What an unsubscribe link names: the newsletter and address, if the row still exists. */
    public record Listing(long subscriberId, Newsletter newsletter, String email, String status) {}

    public Optional<Listing> listing(String unsubscribeToken) {
        return links.subscriberOf(unsubscribeToken)
                .flatMap(id -> jdbi.withHandle(h -> h.createQuery("""
                select s.id, n.id, n.slug, n.name, n.description, n.audience, n.schedule, s.email, s.status
                  from newsletter_subscribers s join newsletters n on n.id = s.newsletter_id where s.id = :id""")
                        .bind("id", id)
                        .map((rs, ctx) -> new Listing(
                                rs.getLong(1),
                                new Newsletter(
                                        rs.getLong(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        rs.getString(6),
                                        rs.getString(7)),
                                rs.getString(8),
                                rs.getString(9)))
                        .findOne()));
    }

    /** Takes the address off that newsletter; doing it again changes nothing. */
    public void unsubscribe(long subscriberId) {
        jdbi.useHandle(h -> h.execute(
                "update newsletter_subscribers set status = 'unsubscribed', updated_at = now() where id = ? and status <> 'unsubscribed'",
                subscriberId));
    }

    public boolean isSubscriber(User reader) {
        return reader != null && jdbi.withHandle(h -> Subscriptions.isSubscriber(h, reader.id()));
    }

    private static void activate(Handle h, long newsletterId, String email, Long userId) {
        h.createUpdate("""
                insert into newsletter_subscribers (newsletter_id, email, user_id, status, confirmed_at) values (:n, :e, :u, 'active', now())
                on conflict (newsletter_id, email) do update
                   set status = 'active', user_id = coalesce(excluded.user_id, newsletter_subscribers.user_id),
                       confirmed_at = coalesce(newsletter_subscribers.confirmed_at, now()), updated_at = now()""")
                .bind("n", newsletterId)
                .bind("e", email)
                .bind("u", userId)
                .execute();
    }

    public NewsletterLinks links() {
        return links;
    }
}
