package broadsheet.accounts;

import broadsheet.accounts.AccountTokens.Purpose;
import broadsheet.audit.Audit;
import broadsheet.mail.Mail;
import broadsheet.mail.Mailer;
import broadsheet.web.AccessCheck;
import broadsheet.web.Form;
import broadsheet.web.Site;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The rules of accounts: registering, confirming, signing in, resetting and changing passwords
 * and addresses, exporting and deleting. No answer tells a stranger whether an address has an account.
 */
public final class AccountService {

    /** The outcome of a sign-in attempt. */
    public enum SignInResult {
        OK,
        WRONG,
        THROTTLED,
        UNCONFIRMED
    }

    public record SignIn(SignInResult result, User user) {}

    /** A hash to compare against when the address is unknown, so both paths take as long. */
    private static final String DUMMY_HASH = Passwords.hash("not-a-real-password-for-timing");

    private final Jdbi jdbi;
    private final Mailer mailer;
    private final Supplier<Site> site;
    private final UserDao users;
    private final SignInThrottle throttle;

    public AccountService(Jdbi jdbi, Mailer mailer, Supplier<Site> site) {
        this.jdbi = jdbi;
        this.mailer = mailer;
        this.site = site;
        this.users = new UserDao(jdbi);
        this.throttle = new SignInThrottle(jdbi);
    }

    public static String emailProblem(String email) {
        if (email == null || email.isBlank()) return "Enter your email address.";
        if (email.length() > 254) return "That email address is too long.";
        try {
            InternetAddress a = new InternetAddress(email, true);
            if (!a.getAddress().contains("@")
                    || !a.getAddress().substring(a.getAddress().indexOf('@')).contains(".")) {
                return "Enter an email address like name@example.com.";
            }
        } catch (AddressException e) {
            return "Enter an email address like name@example.com.";
        }
        return null;
    }

    /** Creates an account and mails a confirmation link; for a taken address, mails its owner instead. */
    public Form register(Form form) {
        String email = UserDao.normalize(form.raw("email"));
        String name = form.raw("displayName").strip();
        String password = form.raw("password");
        String problem = emailProblem(email);
        if (problem != null) form.error("email", problem);
        if (name.length() > 120) form.error("displayName", "Use at most 120 characters.");
        String pwProblem = Passwords.problem(password, email);
        if (pwProblem != null) form.error("password", pwProblem);
        if (form.hasErrors()) return form;
        String hash = Passwords.hash(password);
        Mail mail = jdbi.inTransaction(h -> {
            Optional<User> existing = UserDao.byEmail(h, email);
            if (existing.isPresent()) {
                return Mail.text(
                        email,
                        "Someone tried to register with your address at "
                                + site.get().name(),
                        "Someone, perhaps you, tried to create an account at "
                                + site.get().name() + " with this address.\n\n"
                                + "You already have one. Sign in: " + site.get().absolute("/sign-in") + "\n"
                                + "Forgotten your password? " + site.get().absolute("/password/forgot") + "\n\n"
                                + "If it was not you, you can ignore this message.\n");
            }
            long id = h.createUpdate("insert into users (email, password_hash, display_name) values (:e, :p, :n)")
                    .bind("e", email)
                    .bind("p", hash)
                    .bind("n", name)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return confirmationMail(h, id, email, AccessCheck.safeNext(form.raw("next")));
        });
        mailer.send(mail);
        return form;
    }

    private Mail confirmationMail(Handle h, long userId, String email) {
        return confirmationMail(h, userId, email, "/");
    }

    /** @param next where the reader was going when they registered; the link leads back there after signing in */
    private Mail confirmationMail(Handle h, long userId, String email, String next) {
        String token = AccountTokens.issue(h, userId, Purpose.CONFIRM_EMAIL, null);
        return Mail.text(
                email,
                "Confirm your email address for " + site.get().name(),
                "Welcome to " + site.get().name()
                        + ".\n\nConfirm your email address by opening this link within 48 hours:\n\n"
                        + site.get()
                                .absolute("/account/confirm?token=" + token
                                        + (next.equals("/")
                                                ? ""
                                                : "&next="
                                                        + java.net.URLEncoder.encode(
                                                                next, java.nio.charset.StandardCharsets.UTF_8)))
                        + "\n\n"
                        + "If you did not create an account, ignore this message and no account will be kept in use.\n");
    }

    /** Confirms the address the link was sent to; false for an unknown, used or expired link. */
    public boolean confirm(String token) {
        return jdbi.inTransaction(h -> AccountTokens.claim(h, token, Purpose.CONFIRM_EMAIL)
                .map(c -> {
                    h.execute(
                            "update users set email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() where id = ?",
                            c.userId());
                    return true;
                })
                .orElse(false));
    }

    public SignIn signIn(String rawEmail, String password, String address) {
        String email = UserDao.normalize(rawEmail);
        if (!throttle.allowed(email, address)) return new SignIn(SignInResult.THROTTLED, null);
        Optional<User> user = users.byEmail(email);
        String hash = user.flatMap(u -> users.passwordHash(u.id())).orElse(DUMMY_HASH);
        boolean ok = Passwords.matches(password, hash) && user.isPresent();
        if (!ok) {
            throttle.failed(email, address);
            return new SignIn(SignInResult.WRONG, null);
        }
        throttle.succeeded(email);
        User u = user.get();
        if (!u.confirmed()) {
            Mail mail = jdbi.inTransaction(h -> confirmationMail(h, u.id(), u.email()));
            mailer.send(mail);
            return new SignIn(SignInResult.UNCONFIRMED, u);
        }
        return new SignIn(SignInResult.OK, u);
    }

    /** Mails a reset link if the address has an account; says nothing either way. */
    public void requestPasswordReset(String rawEmail) {
        String email = UserDao.normalize(rawEmail);
        if (emailProblem(email) != null) return;
        Optional<Mail> mail = jdbi.inTransaction(h -> UserDao.byEmail(h, email).map(u -> {
            String token = AccountTokens.issue(h, u.id(), Purpose.RESET_PASSWORD, null);
            return Mail.text(
                    email,
                    "Reset your password for " + site.get().name(),
                    "Someone asked to reset the password of your account at "
                            + site.get().name() + ".\n\n"
                            + "Choose a new password by opening this link within an hour:\n\n"
                            + site.get().absolute("/password/reset?token=" + token) + "\n\n"
                            + "If it was not you, ignore this message; your password has not changed.\n");
        }));
        mail.ifPresent(mailer::send);
    }

    public boolean resetLinkUsable(String token) {
        return jdbi.withHandle(h -> AccountTokens.usable(h, token, Purpose.RESET_PASSWORD));
    }

    public enum ResetResult {
        OK,
        BAD_LINK,
        INVALID
    }

    /** Sets a new password from a reset link and signs the account out everywhere. */
    public ResetResult resetPassword(String token, Form form) {
        String password = form.raw("password");
        String problem = Passwords.problem(password, null);
        if (problem != null) {
            form.error("password", problem);
            return ResetResult.INVALID;
        }
        String hash = Passwords.hash(password);
        return jdbi.inTransaction(h -> {
            var claimed = AccountTokens.claim(h, token, Purpose.RESET_PASSWORD);
            if (claimed.isEmpty()) return ResetResult.BAD_LINK;
            long id = claimed.get().userId();
            h.execute(
                    "update users set password_hash = ?, email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() where id = ?",
                    hash,
                    id);
            h.execute("delete from sessions where user_id = ?", id);
            User u = h.createQuery(UserDao.COLUMNS + " where id = :id")
                    .bind("id", id)
                    .map(UserDao.ROW_MAPPER)
                    .one();
            Audit.record(h, u, "reset password", "user", id, "");
            return ResetResult.OK;
        });
    }

    public Form changePassword(User user, Form form) {
        String current = form.raw("currentPassword");
        String next = form.raw("newPassword");
        if (!Passwords.matches(current, users.passwordHash(user.id()).orElse(DUMMY_HASH))) {
            form.error("currentPassword", "That is not your current password.");
        }
        String problem = Passwords.problem(next, user.email());
        if (problem != null) form.error("newPassword", problem);
        if (form.hasErrors()) return form;
        jdbi.useTransaction(h -> {
            h.execute(
                    "update users set password_hash = ?, updated_at = now() where id = ?",
                    Passwords.hash(next),
                    user.id());
            Audit.record(h, user, "changed password", "user", user.id(), "");
        });
        return form;
    }

    /** Mails a link to the new address; the change happens when it is opened. */
    public Form requestEmailChange(User user, Form form) {
        String email = UserDao.normalize(form.raw("newEmail"));
        String problem = emailProblem(email);
        if (problem != null) form.error("newEmail", problem);
        else if (email.equals(user.email())) form.error("newEmail", "That is already your address.");
        if (!Passwords.matches(
                form.raw("password"), users.passwordHash(user.id()).orElse(DUMMY_HASH))) {
            form.error("password", "That is not your password.");
        }
        if (form.hasErrors()) return form;
        String token = jdbi.inTransaction(h -> AccountTokens.issue(h, user.id(), Purpose.CHANGE_EMAIL, email));
        mailer.send(Mail.text(
                email,
                "Confirm your new email address for " + site.get().name(),
                "Open this link within 24 hours to use this address for your account at "
                        + site.get().name() + ":\n\n"
                        + site.get().absolute("/account/email/confirm?token=" + token) + "\n\n"
                        + "If you did not ask for this, ignore this message.\n"));
        return form;
    }

    /** Moves the account to the address the link was sent to; false if the link is bad or the address was taken meanwhile. */
    public boolean confirmEmailChange(String token) {
        return jdbi.inTransaction(h -> AccountTokens.claim(h, token, Purpose.CHANGE_EMAIL)
                .map(c -> {
                    if (UserDao.byEmail(h, c.newEmail()).isPresent()) return false;
                    h.execute(
                            "update users set email = ?, email_confirmed_at = now(), updated_at = now() where id = ?",
                            c.newEmail(),
                            c.userId());
                    return true;
                })
                .orElse(false));
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
                                    rs.getTimestamp(1).toInstant().toString(),
                                    "lastSeenAt",
                                    rs.getTimestamp(2).toInstant().toString(),
                                    "expiresAt",
                                    rs.getTimestamp(3).toInstant().toString()))
                            .list());
            out.put(
                    "activity",
                    h.createQuery(
                                    "select at, action, subject_type, subject_id, detail from audit_log where actor_id = :u order by at")
                            .bind("u", user.id())
                            .map((rs, ctx) -> Map.of(
                                    "at",
                                    rs.getTimestamp(1).toInstant().toString(),
                                    "action",
                                    rs.getString(2),
                                    "subject",
                                    rs.getString(3) + (rs.getObject(4) == null ? "" : " " + rs.getLong(4)),
                                    "detail",
                                    rs.getString(5)))
                            .list());
            out.put(
                    "author",
                    h.createQuery("select slug, name from authors where user_id = :u")
                            .bind("u", user.id())
                            .map((rs, ctx) -> Map.of("slug", rs.getString(1), "name", rs.getString(2)))
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
                                    rs.getString(1),
                                    "readAt",
                                    rs.getTimestamp(2).toInstant().toString()))
                            .list());
            out.put(
                    "giftLinks",
                    h.createQuery("""
                    select a.slug, g.created_at, g.expires_at from gift_links g join articles a on a.id = g.article_id
                     where g.giver_id = :u order by g.created_at""")
                            .bind("u", user.id())
                            .map((rs, ctx) -> Map.of(
                                    "article",
                                    rs.getString(1),
                                    "createdAt",
                                    rs.getTimestamp(2).toInstant().toString(),
                                    "expiresAt",
                                    rs.getTimestamp(3).toInstant().toString()))
                            .list());
            out.put("comments", broadsheet.comments.CommentExport.of(h, user.id()));
            out.put(
                    "newsletters",
                    h.createQuery("""
                    select n.slug, s.status, s.created_at from newsletter_subscribers s join newsletters n on n.id = s.newsletter_id
                     where s.user_id = :u or s.email = :e order by n.slug""")
                            .bind("u", user.id())
                            .bind("e", user.email())
                            .map((rs, ctx) -> Map.of(
                                    "newsletter",
                                    rs.getString(1),
                                    "status",
                                    rs.getString(2),
                                    "since",
                                    rs.getTimestamp(3).toInstant().toString()))
                            .list());
            out.put(
                    "following",
                    h.createQuery(
                                    "select kind, target_id, created_at from follows where user_id = :u order by created_at")
                            .bind("u", user.id())
                            .map((rs, ctx) -> Map.of(
                                    "kind",
                                    rs.getString(1),
                                    "id",
                                    rs.getLong(2),
                                    "since",
                                    rs.getTimestamp(3).toInstant().toString()))
                            .list());
            out.put(
                    "followingDigest",
                    h.createQuery("select exists (select 1 from following_digests where user_id = :u)")
                            .bind("u", user.id())
                            .mapTo(Boolean.class)
                            .one());
            out.put(
                    "subscription",
                    broadsheet.subscriptions.Subscription.forUser(h, user.id())
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

    /** Deletes the account after checking the password; the audit log keeps the label of what it did. */
    public Form delete(User user, Form form) {
        if (!Passwords.matches(
                form.raw("confirmPassword"), users.passwordHash(user.id()).orElse(DUMMY_HASH))) {
            form.error("confirmPassword", "That is not your password.");
            return form;
        }
        // Stripe would go on charging a card for an account that no longer exists
        if (jdbi.withHandle(h -> broadsheet.subscriptions.Subscription.forUser(h, user.id()))
                .filter(s -> s.stripe() && s.givesAccess(java.time.Instant.now()) && !s.cancelAtPeriodEnd())
                .isPresent()) {
            form.error(
                    "confirmPassword",
                    "Your subscription still renews through Stripe. Cancel it first (under Your subscription), "
                            + "then delete your account.");
            return form;
        }
        jdbi.useTransaction(h -> {
            Audit.record(h, user, "deleted account", "user", user.id(), "");
            // newsletter lists hold the address itself (they also take readers without accounts): forget it too
            h.execute("delete from newsletter_subscribers where user_id = ? or email = ?", user.id(), user.email());
            h.execute("delete from users where id = ?", user.id());
        });
        return form;
    }
}
