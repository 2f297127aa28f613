package broadsheet.search;

import broadsheet.Core;
import broadsheet.articles.ArticleDao;

/**
 * Search: this node's Lucene index (kept right by the change log), the reader's results page,
 * suggestions while typing, the browser's search description, and related stories for articles.
 *
 * <p>The engine follows the change log in every app, tests included, not only when background jobs
 * run: it is part of reading (search must show a change within a second), not a job. Close it (the
 * app does) to stop following.
 *
 * @param engine this node's index and its follower; started here, closed by the app
 * @param search queries for the reader's page and the newsroom's lists
 * @param related the related stories shown at the end of every article
 */
public record SearchFeature(
        SearchEngine engine, Search search, Related related, SearchPages pages, SearchSuggest suggest) {

    /** What search pages and suggestions carry in Surrogate-Key: purged whenever the index takes in changes. */
    public static final String SURROGATE_KEY = "search";

    /** Starts the background work that keeps every published article's related stories worked out ({@link RelatedJob}). */
    public AutoCloseable startJobs(org.jdbi.v3.core.Jdbi jdbi) {
        return new RelatedJob(related, jdbi).start(java.time.Duration.ofSeconds(10));
    }

    /** @param indexed told each time the index took in changes (the pages made from it are out of date) */
    public static SearchFeature create(Core core, Runnable indexed) {
        SearchDao dao = new SearchDao(core.jdbi());
        ArticleDao articles = new ArticleDao(core.jdbi());
        SearchEngine engine = new SearchEngine(
                core.db().dataSource(), dao, core.config().dataDir().resolve("search"), indexed);
        Search search = new Search(engine);
        return new SearchFeature(
                engine,
                search,
                new Related(engine, core.jdbi()),
                new SearchPages(search, dao, articles, core.chrome(), core.views(), core.cache()),
                new SearchSuggest(search, dao, articles, core.chrome(), core.cache()));
    }
}
