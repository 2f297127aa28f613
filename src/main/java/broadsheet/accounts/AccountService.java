package broadsheet.accounts;

import broadsheet.accounts.TokenDao.Purpose;
import broadsheet.audit.Audit;
import broadsheet.mail.Mail;
import broadsheet.mail.Mailer;
import broadsheet.subscriptions.Subscription;
import broadsheet.web.AccessCheck;
import broadsheet.web.Form;
import broadsheet.web.Paths;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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

    /**
     * A hash to compare against when the address is unknown, so both paths take as long. Made on first
     * use, not at start-up, where one Argon2id hash was a tenth of the time to the first page.
     */
    private static final class Dummy {
        static final String HASH = Passwords.hash("not-a-real-password-for-timing");
    }

    private final Jdbi jdbi;
    private final UserDao users;
    private final AccountExportDao export;
    private final SignInThrottle throttle;
    private final AccountMails mails;
    private final Mailer mailer;

    /** @param jdbi for opening each change's transaction; the SQL is the DAOs' */
    AccountService(
            Jdbi jdbi,
            UserDao users,
            AccountExportDao export,
            SignInThrottle throttle,
            AccountMails mails,
            Mailer mailer) {
        this.jdbi = jdbi;
        this.users = users;
        this.export = export;
        this.throttle = throttle;
        this.mails = mails;
        this.mailer = mailer;
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
            if (existing.isPresent()) return mails.alreadyRegistered(email);
            long id = UserDao.insert(h, email, hash, name);
            return confirmationMail(h, id, email, AccessCheck.safeNext(form.raw("next")));
        });
        mailer.send(mail);
        return form;
    }

    private Mail confirmationMail(Handle h, long userId, String email) {
        return confirmationMail(h, userId, email, Paths.home());
    }

    /** @param next where the reader was going when they registered; the link leads back there after signing in */
    private Mail confirmationMail(Handle h, long userId, String email, String next) {
        return mails.confirmation(email, TokenDao.issue(h, userId, Purpose.CONFIRM_EMAIL, null), next);
    }

    /** Confirms the address the link was sent to; false for an unknown, used or expired link. */
    public boolean confirm(String token) {
        return jdbi.inTransaction(h -> TokenDao.claim(h, token, Purpose.CONFIRM_EMAIL)
                .map(c -> {
                    UserDao.confirmEmail(h, c.userId());
                    return true;
                })
                .orElse(false));
    }

    public SignIn signIn(String rawEmail, String password, String address) {
        String email = UserDao.normalize(rawEmail);
        if (!throttle.allowed(email, address)) return new SignIn(SignInResult.THROTTLED, null);
        Optional<User> user = users.byEmail(email);
        String hash = user.flatMap(u -> users.passwordHash(u.id())).orElse(Dummy.HASH);
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
        Optional<Mail> mail = jdbi.inTransaction(h -> UserDao.byEmail(h, email)
                .map(u -> mails.passwordReset(email, TokenDao.issue(h, u.id(), Purpose.RESET_PASSWORD, null))));
        mail.ifPresent(mailer::send);
    }

    public boolean resetLinkUsable(String token) {
        return jdbi.withHandle(h -> TokenDao.usable(h, token, Purpose.RESET_PASSWORD));
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
            var claimed = TokenDao.claim(h, token, Purpose.RESET_PASSWORD);
            if (claimed.isEmpty()) return ResetResult.BAD_LINK;
            long id = claimed.get().userId();
            UserDao.setPassword(h, id, hash, true);
            UserDao.endSessions(h, id);
            User u = UserDao.byId(h, id);
            Audit.record(h, u, "reset password", "user", id, "");
            return ResetResult.OK;
        });
    }

    public Form changePassword(User user, Form form) {
        String current = form.raw("currentPassword");
        String next = form.raw("newPassword");
        if (!Passwords.matches(current, users.passwordHash(user.id()).orElse(Dummy.HASH))) {
            form.error("currentPassword", "That is not your current password.");
        }
        String problem = Passwords.problem(next, user.email());
        if (problem != null) form.error("newPassword", problem);
        if (form.hasErrors()) return form;
        jdbi.useTransaction(h -> {
            UserDao.setPassword(h, user.id(), Passwords.hash(next), false);
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
                form.raw("password"), users.passwordHash(user.id()).orElse(Dummy.HASH))) {
            form.error("password", "That is not your password.");
        }
        if (form.hasErrors()) return form;
        String token = jdbi.inTransaction(h -> TokenDao.issue(h, user.id(), Purpose.CHANGE_EMAIL, email));
        mailer.send(mails.emailChange(email, token));
        return form;
    }

    /** Moves the account to the address the link was sent to; false if the link is bad or the address was taken meanwhile. */
    public java.util.Optional<Long> confirmEmailChange(String token) {
        return jdbi.inTransaction(h -> TokenDao.claim(h, token, Purpose.CHANGE_EMAIL)
                .flatMap(c -> {
                    if (UserDao.byEmail(h, c.newEmail()).isPresent()) return java.util.Optional.<Long>empty();
                    UserDao.changeEmail(h, c.userId(), c.newEmail());
                    return java.util.Optional.of(c.userId());
                }));
    }

    /** Everything we hold about the account, as a JSON-ready map. */
    public Map<String, Object> export(User user) {
        return export.export(user);
    }

    /** Deletes the account after checking the password; the audit log keeps the label of what it did. */
    public Form delete(User user, Form form) {
        if (!Passwords.matches(
                form.raw("confirmPassword"), users.passwordHash(user.id()).orElse(Dummy.HASH))) {
            form.error("confirmPassword", "That is not your password.");
            return form;
        }
        String kept = jdbi.inTransaction(h -> {
            // Stripe would go on charging a card for an account that no longer exists. The row stays locked
            // until the account is gone, so a webhook cannot start a subscription between check and delete.
            Optional<Subscription> s = Subscription.lockForUser(h, user.id());
            if (s.isPresent() && s.get().stripeMayCharge(Instant.now())) return keptBecause(s.get());
            if (Subscription.checkoutOpen(h, user.id())) {
                return "You have a Stripe payment page open for a subscription, which could still be paid. It closes "
                        + "an hour after it was opened; delete your account after that (or, if you pay, cancel the "
                        + "subscription first).";
            }
            Audit.record(h, user, "deleted account", "user", user.id(), "");
            // newsletter lists hold the address itself (they also take readers without accounts): forget it too
            UserDao.delete(h, user);
            return null;
        });
        if (kept != null) form.error("confirmPassword", kept);
        return form;
    }

    private static String keptBecause(Subscription s) {
        if (s.waitingForPayment()) {
            return "Stripe is still confirming the first payment of your subscription, so your card may yet be "
                    + "charged. Once it is confirmed, cancel the subscription (under Your subscription), then delete "
                    + "your account; if the payment does not go through, Stripe ends the subscription within a day "
                    + "and you can delete your account then.";
        }
        return "Your subscription still renews through Stripe. Cancel it first (under Your subscription), "
                + "then delete your account.";
    }
}
