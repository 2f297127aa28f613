package broadsheet.wire;

import broadsheet.Core;
import broadsheet.accounts.User;
import broadsheet.newsroom.articles.ArticleDesk;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/** Wire stories in IPTC ninjs: the service that turns items into drafts, and the Admin API's endpoint for it. */
public record WireFeature(WireService service, WireApi api) {

    /** @param caller whose staff token the Admin API's gate admitted for the call */
    public static WireFeature create(Core core, Function<Context, Optional<User>> caller) {
        WireService service = new WireService(core.jdbi(), core.media(), new ArticleDesk(core.jdbi()));
        return new WireFeature(service, new WireApi(service, caller, Pictures.publicOnly()));
    }
}
