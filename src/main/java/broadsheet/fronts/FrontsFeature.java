package broadsheet.fronts;

import broadsheet.Core;
import broadsheet.articles.ArticleDao;
import broadsheet.authors.AuthorDao;
import broadsheet.reads.MostRead;
import broadsheet.topics.TopicDao;

/** The home page, section, author and topic fronts, and the archive by date. */
public record FrontsFeature(FrontPages pages, ArchivePages archive) {

    public static FrontsFeature create(Core core, ArticleDao articles, MostRead mostRead) {
        return new FrontsFeature(
                new FrontPages(
                        articles,
                        new FrontDao(core.jdbi()),
                        new AuthorDao(core.jdbi()),
                        new TopicDao(core.jdbi()),
                        core.chrome(),
                        core.views(),
                        core.cache(),
                        mostRead),
                new ArchivePages(articles, core.chrome(), core.views(), core.cache()));
    }
}
