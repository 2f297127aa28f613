package broadsheet;

import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticlePages;
import broadsheet.authors.AuthorDao;
import broadsheet.db.ContentChanges;
import broadsheet.db.Database;
import broadsheet.db.StartupException;
import broadsheet.feeds.Discovery;
import broadsheet.fronts.ArchivePages;
import broadsheet.fronts.FrontDao;
import broadsheet.fronts.FrontPages;
import broadsheet.media.MediaFiles;
import broadsheet.media.MediaPages;
import broadsheet.newsletters.NewsletterDao;
import broadsheet.newsletters.NewsletterPages;
import broadsheet.topics.TopicDao;
import broadsheet.web.Assets;
import broadsheet.web.Chrome;
import broadsheet.web.ErrorPages;
import broadsheet.web.PageCache;
import broadsheet.web.Routes;
import broadsheet.web.Views;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import org.jdbi.v3.core.Jdbi;

/** The composition root: config and database in, a running web server out. */
public final class App implements AutoCloseable {

    private final Javalin server;
    private final ContentChanges changes;
    private final Runnable onChange;

    private App(Javalin server, ContentChanges changes, Runnable onChange) {
        this.server = server;
        this.changes = changes;
        this.onChange = onChange;
    }

    /** Builds every part and starts listening on the configured port (0 for any free one). */
    public static App start(Config config, Database db) {
        if (config.port() != 0) requirePortFree(config.port());
        Jdbi jdbi = db.jdbi();
        MediaFiles media = new MediaFiles(config.mediaDir());
        Views views = new Views(config.devTemplates());
        PageCache cache = new PageCache(config.pageCache());
        Assets assets = new Assets();
        Chrome chrome = new Chrome(jdbi, config, assets);

        ArticleDao articles = new ArticleDao(jdbi);
        AuthorDao authors = new AuthorDao(jdbi);
        TopicDao topics = new TopicDao(jdbi);
        NewsletterDao newsletters = new NewsletterDao(jdbi);
        Routes routes = new Routes(
                new FrontPages(articles, new FrontDao(jdbi), authors, topics, chrome, views, cache),
                new ArticlePages(articles, chrome, views, cache),
                new ArchivePages(articles, chrome, views, cache),
                new NewsletterPages(newsletters, chrome, views, cache),
                new MediaPages(media), assets,
                new Discovery(articles, authors, topics, chrome, cache, jdbi),
                new ErrorPages(chrome, views, articles));

        Runnable onChange = () -> {
            chrome.reload();
            cache.clear();
        };
        ContentChanges changes = new ContentChanges(db.dataSource(), onChange);
        Javalin server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.concurrency.useVirtualThreads = true;
            c.http.compressionStrategy = CompressionStrategy.NONE; // pages are stored gzipped already
            c.http.generateEtags = false;
            c.router.ignoreTrailingSlashes = true;
            c.jetty.port = config.port();
            routes.register(c);
        });
        try {
            server.start();
        } catch (RuntimeException e) {
            changes.close();
            throw new StartupException("cannot listen on port " + config.port() + ": " + e.getMessage());
        }
        return new App(server, changes, onChange);
    }

    public int port() {
        return server.port();
    }

    /** Re-reads settings and drops every cached page (after a write in this process). */
    public void contentChanged() {
        onChange.run();
    }

    @Override
    public void close() {
        changes.close();
        server.stop();
    }

    private static void requirePortFree(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            s.setReuseAddress(true);
        } catch (BindException e) {
            throw new StartupException("port " + port + " is already in use; stop what uses it or choose another with --port or PORT");
        } catch (IOException e) {
            throw new StartupException("cannot listen on port " + port + ": " + e.getMessage());
        }
    }
}
