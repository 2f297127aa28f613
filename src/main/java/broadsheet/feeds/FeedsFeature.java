package broadsheet.feeds;

import broadsheet.Core;
import broadsheet.articles.ArticleDao;
import broadsheet.authors.AuthorDao;
import broadsheet.topics.TopicDao;

/** RSS, Atom and JSON feeds, sitemaps, and robots.txt (the health checks are in broadsheet.ops). */
public record FeedsFeature(Discovery discovery) {

    public static FeedsFeature create(Core core, ArticleDao articles) {
        return new FeedsFeature(new Discovery(
                articles, new AuthorDao(core.jdbi()), new TopicDao(core.jdbi()), core.chrome(), core.cache()));
    }
}
