package broadsheet.wire;

import broadsheet.Core;
import broadsheet.newsroom.articles.ArticleDesk;

/** Wire stories in IPTC ninjs: the service that turns items into drafts, and the Admin API's endpoint for it. */
public record WireFeature(WireService service, WireApi api) {

    public static WireFeature create(Core core) {
        WireService service = new WireService(core.jdbi(), core.media(), new ArticleDesk(core.jdbi()));
        return new WireFeature(service, new WireApi(service, core.sessions()::current, Pictures.publicOnly()));
    }
}
