package broadsheet.accounts;

import broadsheet.mail.Mail;
import broadsheet.web.Paths;
import broadsheet.web.Site;
import java.util.function.Supplier;

/** The emails accounts send: the links to confirm an address, reset a password or move to a new address. */
final class AccountMails {

    private final Supplier<Site> site;

    AccountMails(Supplier<Site> site) {
        this.site = site;
    }

    /** To the owner of an address someone tried to register again. */
    Mail alreadyRegistered(String email) {
        Site s = site.get();
        return Mail.text(
                email,
                "Someone tried to register with your address at " + s.name(),
                "Someone, perhaps you, tried to create an account at "
                        + s.name() + " with this address.\n\n"
                        + "You already have one. Sign in: " + s.absolute(Paths.signIn()) + "\n"
                        + "Forgotten your password? " + s.absolute(Paths.forgotPassword()) + "\n\n"
                        + "If it was not you, you can ignore this message.\n");
    }

    /** @param next where the reader was going when they registered; the link leads back there after signing in */
    Mail confirmation(String email, String token, String next) {
        Site s = site.get();
        String link = Paths.confirmAccount(token);
        if (!next.equals(Paths.home())) link = Paths.with(link, "next", next);
        return Mail.text(
                email,
                "Confirm your email address for " + s.name(),
                "Welcome to " + s.name()
                        + ".\n\nConfirm your email address by opening this link within 48 hours:\n\n"
                        + s.absolute(link)
                        + "\n\n"
                        + "If you did not create an account, ignore this message and no account will be kept in use.\n");
    }

    Mail passwordReset(String email, String token) {
        Site s = site.get();
        return Mail.text(
                email,
                "Reset your password for " + s.name(),
                "Someone asked to reset the password of your account at "
                        + s.name() + ".\n\n"
                        + "Choose a new password by opening this link within an hour:\n\n"
                        + s.absolute(Paths.resetPassword(token)) + "\n\n"
                        + "If it was not you, ignore this message; your password has not changed.\n");
    }

    Mail emailChange(String newEmail, String token) {
        Site s = site.get();
        return Mail.text(
                newEmail,
                "Confirm your new email address for " + s.name(),
                "Open this link within 24 hours to use this address for your account at "
                        + s.name() + ":\n\n"
                        + s.absolute(Paths.confirmEmailChange(token)) + "\n\n"
                        + "If you did not ask for this, ignore this message.\n");
    }
}
