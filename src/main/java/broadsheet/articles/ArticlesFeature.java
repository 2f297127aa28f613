package broadsheet.articles;

import broadsheet.Core;
import broadsheet.paywall.Paywall;
import broadsheet.reads.MostRead;

/** Article pages and the queries every list of articles is built from. */
public record ArticlesFeature(ArticleDao dao, ArticlePages pages) {

    public static ArticlesFeature create(Core core, Paywall paywall, MostRead mostRead) {
        ArticleDao dao = new ArticleDao(core.jdbi());
        return new ArticlesFeature(
                dao, new ArticlePages(dao, core.chrome(), core.views(), core.cache(), paywall, mostRead));
    }
}
