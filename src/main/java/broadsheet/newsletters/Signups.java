package broadsheet.newsletters;

import broadsheet.accounts.AccountService;
import broadsheet.accounts.User;
import broadsheet.mail.Mail;
import broadsheet.mail.Mailer;
import broadsheet.subscriptions.Subscriptions;
import broadsheet.web.Paths;
import broadsheet.web.Site;
import broadsheet.web.Tokens;
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
            SignupDao.lockAddress(h, email);
            if (SignupDao.addPending(h, n.id(), email) == SubscriberStatus.ACTIVE) return Optional.<Mail>empty();
            // a bounced or complaining address is never mailed, not even to confirm (the page looks the same)
            if (SignupDao.suppressed(h, email)) return Optional.<Mail>empty();
            if (SignupDao.mailedSince(h, email, Instant.now().minus(MAIL_INTERVAL))) return Optional.<Mail>empty();
            return Optional.of(confirmationMail(h, email));
        });
        mail.ifPresent(mailer::send);
        return new Result(Outcome.CHECK_EMAIL, email, null);
    }

    private Mail confirmationMail(Handle h, String email) {
        String token = Tokens.random();
        SignupDao.insertConfirmation(
                h, Tokens.sha256(token), email, Instant.now().plus(CONFIRM_LIFETIME));
        List<String> names = SignupDao.newsletterNames(h, email, SubscriberStatus.PENDING);
        Site s = site.get();
        return Mail.text(
                email,
                "Confirm your newsletter sign-up at " + s.name(),
                "Someone, perhaps you, asked to receive " + String.join(", ", names) + " from " + s.name()
                        + " at this address.\n\n"
                        + "To confirm, open this link within 48 hours:\n\n"
                        + s.absolute(Paths.newsletterConfirm(token)) + "\n\n"
                        + "If it was not you, ignore this message: nothing will be sent to you.\n");
    }

    /** Opens a confirmation link: every pending sign-up of its address becomes active. */
    public Confirmation confirm(String token) {
        if (token == null || token.isBlank() || token.length() > 100)
            return new Confirmation(ConfirmOutcome.UNKNOWN, null, List.of());
        return jdbi.inTransaction(h -> {
            String hash = Tokens.sha256(token);
            var row = SignupDao.confirmation(h, hash);
            if (row.isEmpty()) return new Confirmation(ConfirmOutcome.UNKNOWN, null, List.of());
            String email = row.get().email();
            if (!row.get().live()) return new Confirmation(ConfirmOutcome.EXPIRED, email, List.of());
            SignupDao.markUsed(h, hash);
            List<String> names = SignupDao.confirmPending(h, email);
            if (names.isEmpty()) { // opened twice: say what it is on, without changing anything
                names = SignupDao.newsletterNames(h, email, SubscriberStatus.ACTIVE);
            }
            return new Confirmation(ConfirmOutcome.CONFIRMED, email, names);
        });
    }

    /** Every newsletter, and whether this address receives it. */
    public List<Preference> preferences(String email, User reader) {
        return jdbi.withHandle(h -> {
            boolean subscriber = reader != null && Subscriptions.isSubscriber(h, reader.id());
            return SignupDao.preferences(h, email, subscriber);
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
            for (Preference p : SignupDao.preferences(h, email, true)) {
                long id = p.newsletter().id();
                if (wanted.contains(id) && !p.on() && (!p.newsletter().subscribersOnly() || subscriber)) {
                    activate(h, id, email, reader == null ? null : reader.id());
                } else if (!wanted.contains(id) && (p.on() || p.pending())) {
                    SignupDao.unsubscribe(h, id, email);
                }
            }
        });
    }

    /** What an unsubscribe link names: the newsletter and address, if the row still exists. */
    public record Listing(long subscriberId, Newsletter newsletter, String email, SubscriberStatus status) {}

    public Optional<Listing> listing(String unsubscribeToken) {
        return links.subscriberOf(unsubscribeToken).flatMap(id -> jdbi.withHandle(h -> SignupDao.listing(h, id)));
    }

    /** Takes the address off that newsletter; doing it again changes nothing. */
    public void unsubscribe(long subscriberId) {
        jdbi.useHandle(h -> SignupDao.unsubscribe(h, subscriberId));
    }

    public boolean isSubscriber(User reader) {
        return reader != null && jdbi.withHandle(h -> Subscriptions.isSubscriber(h, reader.id()));
    }

    private static void activate(Handle h, long newsletterId, String email, Long userId) {
        SignupDao.activate(h, newsletterId, email, userId);
    }

    public NewsletterLinks links() {
        return links;
    }
}
