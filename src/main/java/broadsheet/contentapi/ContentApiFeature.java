package broadsheet.contentapi;

import broadsheet.Core;
import broadsheet.accounts.AccountService;
import broadsheet.paywall.Paywall;
import java.time.Clock;

/** The read-only Content API, its integration keys (and their newsroom page), and reader tokens for apps. */
public record ContentApiFeature(ContentApi api, IntegrationsDesk integrations, ReaderTokens tokens) {

    public static ContentApiFeature create(Core core, Paywall paywall, AccountService accounts) {
        ApiKeys keys = new ApiKeys(new ApiKeyDao(core.jdbi()), Clock.systemUTC());
        return new ContentApiFeature(
                new ContentApi(new ContentDao(core.jdbi()), keys, core.sessions(), paywall, core.site()),
                new IntegrationsDesk(core.desk(), keys),
                new ReaderTokens(
                        accounts,
                        new AppSessionDao(core.jdbi()),
                        core.sessions(),
                        core.csrf(),
                        core.chrome(),
                        core.views()));
    }
}
