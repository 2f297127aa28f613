package broadsheet.accounts;

import broadsheet.Core;
import broadsheet.newsroom.people.People;
import broadsheet.newsroom.people.PeopleDesk;
import broadsheet.subscriptions.ReaderSubscriptions;

/** Registering, signing in, the reader's account page, housekeeping of old tokens, and staff roles. */
/**
 * @param service signing in and the rest of the account rules (the Content API's reader tokens sign in through it,
 *     with the site's throttle)
 */
public record AccountsFeature(
        AccountPages pages, PeopleDesk people, Housekeeping housekeeping, AccountService service) {

    public static AccountsFeature create(
            Core core, AccountPages.AfterSignIn afterSignIn, ReaderSubscriptions subscriptions) {
        AccountService accounts = new AccountService(
                core.jdbi(),
                new UserDao(core.jdbi()),
                new AccountExportDao(core.jdbi(), core.config().baseUrl()),
                new SignInThrottle(new SignInFailureDao(core.jdbi())),
                new AccountMails(core.site()),
                core.mailer());
        return new AccountsFeature(
                new AccountPages(
                        accounts,
                        core.sessions(),
                        core.csrf(),
                        core.chrome(),
                        core.views(),
                        afterSignIn,
                        subscriptions),
                new PeopleDesk(core.desk(), new People(core.jdbi())),
                new Housekeeping(core.jdbi()),
                accounts);
    }

    /** Starts the housekeeping job; close what it returns to stop it. */
    public AutoCloseable startJobs() {
        return housekeeping.start();
    }
}
