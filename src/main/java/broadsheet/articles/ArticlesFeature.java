package broadsheet.articles;

import broadsheet.Core;
import broadsheet.comments.CommentPreviews;
import broadsheet.paywall.Paywall;
import broadsheet.reads.MostRead;
import broadsheet.search.Related;

/** Article pages and the queries every list of articles is built from. */
public record ArticlesFeature(ArticleDao dao, ArticlePages pages) {

    /**
     * @param related search's related stories, shown at the end of every article
     * @param comments the first comments, shown on the article page
     */
    public static ArticlesFeature create(
            Core core, Paywall paywall, MostRead mostRead, Related related, CommentPreviews comments) {
        ArticleDao dao = new ArticleDao(core.jdbi());
        return new ArticlesFeature(
                dao,
                new ArticlePages(dao, core.chrome(), core.views(), core.cache(), paywall, mostRead, related, comments));
    }
}
