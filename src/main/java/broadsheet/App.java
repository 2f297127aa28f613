package broadsheet;

import broadsheet.accounts.AccountsFeature;
import broadsheet.adminapi.AdminApiFeature;
import broadsheet.articles.ArticlesFeature;
import broadsheet.brand.BrandFeature;
import broadsheet.comments.CommentArticle;
import broadsheet.comments.CommentsFeature;
import broadsheet.contentapi.ContentApiFeature;
import broadsheet.db.ContentChanges;
import broadsheet.db.Database;
import broadsheet.db.StartupException;
import broadsheet.feeds.FeedsFeature;
import broadsheet.following.FollowingFeature;
import broadsheet.fronts.FrontsFeature;
import broadsheet.newsletters.NewslettersFeature;
import broadsheet.newsroom.NewsroomFeature;
import broadsheet.ops.OpsFeature;
import broadsheet.paywall.PaywallFeature;
import broadsheet.reads.ReadsFeature;
import broadsheet.search.SearchFeature;
import broadsheet.subscriptions.SubscriptionsFeature;
import broadsheet.web.FrontDoor;
import broadsheet.web.Routes;
import broadsheet.web.SitePages;
import broadsheet.web.Uploads;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.SizeUnit;
import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: config and database in, the features built on shared core services, a running web server out. */
public final class App implements AutoCloseable {

    /** A change announced for one article (ContentChanges.announceArticles): its paywall level is read again. */
    private static final java.util.regex.Pattern ARTICLE_KEY = java.util.regex.Pattern.compile("article-[0-9]{1,18}");

    /** A change to one article's comments (CommentArticle.cacheKey). */
    private static final java.util.regex.Pattern COMMENTS_KEY =
            java.util.regex.Pattern.compile(CommentArticle.KEY_PREFIX + "[0-9]{1,18}");

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Javalin server;
    private final Runnable onChange;
    private final ReadsFeature reads;
    /** Closed in reverse order of starting: background jobs first, the server last. */
    private final List<AutoCloseable> running;

    private final broadsheet.search.SearchEngine searchEngine;
    private final broadsheet.web.PageCache pageCache;

    private App(
            Javalin server,
            Runnable onChange,
            ReadsFeature reads,
            List<AutoCloseable> running,
            broadsheet.search.SearchEngine searchEngine,
            broadsheet.web.PageCache pageCache) {
        this.searchEngine = searchEngine;
        this.pageCache = pageCache;
        this.server = server;
        this.onChange = onChange;
        this.reads = reads;
        this.running = running;
    }

    /** Builds every part and starts listening on the configured port (0 for any free one). */
    public static App start(Config config, Database db) {
        if (config.port() != 0) requirePortFree(config.port());
        config.devMailProblem().ifPresent(problem -> {
            throw new StartupException(problem);
        });
        Core core = Core.create(config, db);
        PaywallFeature paywall = PaywallFeature.create(core);
        ReadsFeature reads = ReadsFeature.create(core);
        // --- cluster (issue 15): shared caches in front are told what changed, as this node's cache is
        broadsheet.cluster.CachePurge purge = new broadsheet.cluster.CachePurge(config.purgeUrls());
        // search follows the change log in every app (not only with jobs): results must be right within a second,
        // here and in a cache in front, which kept a result made before the index had the change for minutes
        // (only the pages that show search results: no other page reads the index when it is rendered)
        SearchFeature search = SearchFeature.create(core, () -> {
            core.cache().dropPages(SearchFeature.SURROGATE_KEY); // not content: kept reads stay
            purge.keyTwice(SearchFeature.SURROGATE_KEY, java.time.Duration.ofSeconds(1));
        });
        CommentsFeature comments = CommentsFeature.create(core);
        ArticlesFeature articles = ArticlesFeature.create(
                core, paywall.paywall(), reads.mostRead(), search.related(), comments.previews());
        FollowingFeature following = FollowingFeature.create(core);
        SubscriptionsFeature subscriptions = SubscriptionsFeature.create(core);
        AccountsFeature accounts = AccountsFeature.create(core, following.afterSignIn(), subscriptions.readers());
        NewslettersFeature newsletters = NewslettersFeature.create(core, articles.dao(), paywall.paywall());
        ContentApiFeature contentApi = ContentApiFeature.create(core, paywall.paywall(), accounts.service());
        NewsroomFeature newsroom = NewsroomFeature.create(core, articles, reads.dao(), search.search());
        broadsheet.webhooks.WebhooksFeature webhooks = broadsheet.webhooks.WebhooksFeature.create(core);
        AdminApiFeature adminApi = AdminApiFeature.create(core);
        OpsFeature ops = OpsFeature.create(core, search.engine());
        Routes routes = new Routes(
                core,
                SitePages.create(core, articles.dao(), adminApi.tokens()),
                FrontsFeature.create(core, articles.dao(), reads.mostRead()),
                articles,
                FeedsFeature.create(core, articles.dao()),
                accounts,
                following,
                paywall,
                comments,
                subscriptions,
                newsletters,
                newsroom,
                reads,
                search,
                BrandFeature.create(core),
                webhooks,
                broadsheet.wire.WireFeature.create(core, adminApi.tokens()::caller),
                adminApi,
                contentApi,
                ops);

        Runnable onChange = () -> {
            core.chrome().reload();
            paywall.paywall().reload();
            comments.previews().reload();
            core.cache().clear();
            contentApi.api().clear();
        };
        List<AutoCloseable> running = new ArrayList<>();
        running.add(search.engine());
        running.add(purge);
        running.add(new ContentChanges(
                db.dataSource(),
                () -> {
                    onChange.run();
                    purge.everything();
                },
                key -> {
                    if (ARTICLE_KEY.matcher(key).matches())
                        paywall.paywall().forgetArticle(Long.parseLong(key.substring("article-".length())));
                    core.cache().drop(key);
                    // the first comments article pages keep (what else pages read and keep goes with core.cache())
                    if (COMMENTS_KEY.matcher(key).matches())
                        comments.previews().forget(Long.parseLong(key.substring(CommentArticle.KEY_PREFIX.length())));
                    contentApi.api().clear(); // the API's answers carry no surrogate keys: any change drops them all
                    purge.key(key);
                }));
        running.add(ops.watch());
        Javalin server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.concurrency.useVirtualThreads = true;
            c.jetty.threadPool = broadsheet.web.ServerThreads.create();
            c.http.compressionStrategy = CompressionStrategy.NONE; // pages are stored gzipped already
            c.http.generateEtags = false;
            c.router.ignoreTrailingSlashes = true;
            c.jetty.port = config.port();
            // Uploads: files spill to disk past 1 MB. The hard limit is well above the photo form's own
            // (PhotoService.MAX_UPLOAD_BYTES), so a somewhat larger file still gets the form back with a
            // message next to the file field instead of a connection cut off mid-upload.
            c.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            c.jetty.multipartConfig.maxFileSize(Uploads.MAX_REQUEST_MB, SizeUnit.MB);
            c.jetty.multipartConfig.maxTotalRequestSize(Uploads.MAX_REQUEST_MB, SizeUnit.MB);
            ops.configure(c);
            // cached pages for requests without cookies, before routing (inside ops' graceful handler)
            FrontDoor.install(
                    c,
                    core.cache(),
                    ops.watch()::databaseUp,
                    (in, out) -> out.put(
                            broadsheet.ops.RequestLog.HEADER,
                            broadsheet.ops.RequestLog.idFor(in.get(broadsheet.ops.RequestLog.HEADER))),
                    reads.api()::count);
            routes.register(c);
        });
        try {
            server.start();
        } catch (RuntimeException e) {
            closeAll(running);
            throw new StartupException("cannot listen on port " + config.port() + ": " + e.getMessage());
        }
        // closed after the jobs (the list is closed last first): its HTTP client, started by the first delivery
        running.add(webhooks.deliverer());
        running.add(contentApi.startCounting()); // the Content API's rate limit counts, closed after the server
        if (config.jobs()) {
            running.add(newsroom.startJobs());
            running.add(newsletters.startJobs());
            running.add(following.startJobs());
            running.add(accounts.startJobs());
            running.add(reads.startJobs());
            running.add(webhooks.startJobs());
            running.add(contentApi.startJobs());
            running.add(search.startJobs(core.jdbi()));
        } else {
            running.add(newsletters.sender()); // not started, but woken by "send now" on the newsletter desk
            running.add(reads.counter()); // not started, but writes what the beacon counted when the app stops
        }
        // Stopped first: /readyz says so while the node serves on for the drain (the load balancer takes it
        // out), then the server stops accepting and finishes the requests in flight (up to
        // OpsFeature.STOP_TIMEOUT); then the jobs stop and release what they claimed.
        running.add(server::stop);
        running.add(ops.pages()::drain);
        running.add(ops.pages()::stopping);
        return new App(server, onChange, reads, running, search.engine(), core.cache());
    }

    /** This node's cache of rendered pages. */
    public broadsheet.web.PageCache pageCache() {
        return pageCache;
    }

    /** This node's search index (tests wait on it to catch up with the change log). */
    public broadsheet.search.SearchEngine searchEngine() {
        return searchEngine;
    }

    /**
     * What Jetty was told about this server's handlers: {@code NON_BLOCKING} lets it answer cached pages
     * on the thread that read the request (see {@link broadsheet.web.FrontDoor}).
     */
    public org.eclipse.jetty.util.thread.Invocable.InvocationType invocationType() {
        return server.jettyServer().server().getInvocationType();
    }

    /** Jetty's threads (see {@link broadsheet.web.ServerThreads}). */
    public org.eclipse.jetty.util.thread.ThreadPool threadPool() {
        return server.jettyServer().server().getThreadPool();
    }

    public int port() {
        return server.port();
    }

    /** The pattern of the first route that answers {@code method path}, by the router's own matching (for checking links). */
    public java.util.Optional<String> route(io.javalin.http.HandlerType method, String path) {
        return server.unsafe.internalRouter.findHttpHandlerEntries(method, path).stream()
                .findFirst()
                .map(e -> e.endpoint.path);
    }

    /** Writes the read counts buffered so far and works the most-read lists out now (for tests). */
    public void flushReads() {
        reads.flushNow();
    }

    /** Re-reads settings and drops every cached page (after a write in this process). */
    public void contentChanged() {
        onChange.run();
    }

    /** Stops everything, each part even when another fails, and reports every failure. */
    @Override
    public void close() {
        closeAll(running);
    }

    private static void closeAll(List<AutoCloseable> parts) {
        IllegalStateException failed = null;
        for (AutoCloseable part : parts.reversed()) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.error("stopping {} failed: {}", part, e.toString());
                if (failed == null) failed = new IllegalStateException("the app did not stop cleanly");
                failed.addSuppressed(e);
            }
        }
        if (failed != null) throw failed;
    }

    /** Fails fast, before the database starts, when another program holds the port. */
    public static void requirePortFree(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            s.setReuseAddress(true);
        } catch (BindException e) {
            throw new StartupException(
                    "port " + port + " is already in use; stop what uses it or choose another with --port or PORT");
        } catch (IOException e) {
            throw new StartupException("cannot listen on port " + port + ": " + e.getMessage());
        }
    }
}
