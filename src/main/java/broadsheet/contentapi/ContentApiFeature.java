package broadsheet.contentapi;

import broadsheet.Core;
import broadsheet.accounts.AccountService;
import broadsheet.paywall.Paywall;

/** The read-only Content API, its integration keys (and their newsroom page), and reader tokens for apps. */
public record ContentApiFeature(
        ContentApi api,
        ApiKeys keys,
        IntegrationsDesk integrations,
        ReaderTokens tokens,
        ApiHousekeeping housekeeping) {

    public static ContentApiFeature create(Core core, Paywall paywall, AccountService accounts) {
        ApiKeyDao keyDao = new ApiKeyDao(core.jdbi());
        ApiKeys keys = new ApiKeys(keyDao);
        ContentDao content = new ContentDao(core.jdbi());
        return new ContentApiFeature(
                new ContentApi(content, keys, core.sessions(), paywall, core.site()),
                keys,
                new IntegrationsDesk(core.desk(), keys),
                new ReaderTokens(
                        accounts,
                        new AppSessionDao(core.jdbi()),
                        core.sessions(),
                        core.csrf(),
                        core.chrome(),
                        core.views()),
                new ApiHousekeeping(content, keyDao, java.time.Clock.systemUTC()));
    }

    /**
     * Starts adding this node's rate limit counts to PostgreSQL every second (on every node, with or without
     * the jobs: the limit across nodes depends on it); close what it returns to stop, adding what is left.
     */
    public AutoCloseable startCounting() {
        return keys.start();
    }

    /** Prunes the changes feed and the rate limit's counts; close what it returns to stop. */
    public AutoCloseable startJobs() {
        return housekeeping.start();
    }
}
