package broadsheet;

import broadsheet.accounts.AccountPages;
import broadsheet.accounts.AccountService;
import broadsheet.accounts.Housekeeping;
import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticlePages;
import broadsheet.authors.AuthorDao;
import broadsheet.db.ContentChanges;
import broadsheet.db.Database;
import broadsheet.db.StartupException;
import broadsheet.feeds.Discovery;
import broadsheet.following.DigestSender;
import broadsheet.following.Digests;
import broadsheet.following.Feed;
import broadsheet.following.FollowIntent;
import broadsheet.following.FollowingApi;
import broadsheet.following.FollowingPages;
import broadsheet.following.Follows;
import broadsheet.following.Suggestions;
import broadsheet.fronts.ArchivePages;
import broadsheet.fronts.FrontDao;
import broadsheet.fronts.FrontPages;
import broadsheet.mail.DevMailPages;
import broadsheet.mail.FileMailer;
import broadsheet.mail.Mailer;
import broadsheet.mail.SmtpMailer;
import broadsheet.media.MediaFiles;
import broadsheet.media.MediaPages;
import broadsheet.newsletters.Delivery;
import broadsheet.newsletters.Dkim;
import broadsheet.newsletters.IssueDao;
import broadsheet.newsletters.IssueRenderer;
import broadsheet.newsletters.NewsletterDao;
import broadsheet.newsletters.NewsletterLinks;
import broadsheet.newsletters.NewsletterPages;
import broadsheet.newsletters.NewsletterSender;
import broadsheet.newsletters.SignupPages;
import broadsheet.newsletters.Signups;
import broadsheet.newsletters.Suppressions;
import broadsheet.newsroom.Desk;
import broadsheet.newsroom.NewsroomHome;
import broadsheet.newsroom.articles.ArticleDesk;
import broadsheet.newsroom.articles.ArticleDeskPages;
import broadsheet.newsroom.articles.PreviewLinks;
import broadsheet.newsroom.articles.RevisionPages;
import broadsheet.newsroom.articles.ScheduledPublisher;
import broadsheet.newsroom.audit.AuditDesk;
import broadsheet.newsroom.audit.AuditLog;
import broadsheet.newsroom.fronts.FrontDesk;
import broadsheet.newsroom.fronts.FrontEditor;
import broadsheet.newsroom.newsletters.NewsletterDesk;
import broadsheet.newsroom.people.People;
import broadsheet.newsroom.people.PeopleDesk;
import broadsheet.newsroom.photos.GalleryDesk;
import broadsheet.newsroom.photos.GalleryService;
import broadsheet.newsroom.photos.PhotoDesk;
import broadsheet.newsroom.photos.PhotoService;
import broadsheet.newsroom.subscriptions.SubscriptionAdmin;
import broadsheet.newsroom.subscriptions.SubscriptionDesk;
import broadsheet.newsroom.taxonomy.CatalogDesk;
import broadsheet.paywall.GiftPages;
import broadsheet.paywall.Paywall;
import broadsheet.paywall.PaywallDesk;
import broadsheet.subscriptions.Plans;
import broadsheet.subscriptions.ReaderSubscriptions;
import broadsheet.subscriptions.StripeApi;
import broadsheet.subscriptions.StripeEvents;
import broadsheet.subscriptions.SubscribePages;
import broadsheet.topics.TopicDao;
import broadsheet.web.AccessCheck;
import broadsheet.web.Assets;
import broadsheet.web.Chrome;
import broadsheet.web.Csrf;
import broadsheet.web.ErrorPages;
import broadsheet.web.Logo;
import broadsheet.web.PageCache;
import broadsheet.web.Routes;
import broadsheet.web.Sessions;
import broadsheet.web.Uploads;
import broadsheet.web.Views;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.SizeUnit;
import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import org.jdbi.v3.core.Jdbi;

/** The composition root: config and database in, a running web server out. */
public final class App implements AutoCloseable {

    private final Javalin server;
    private final ContentChanges changes;
    private final Runnable onChange;
    private final Housekeeping housekeeping;
    private final java.util.List<AutoCloseable> jobs;

    /** @param jobs background work (scheduled publishing, digests...), stopped first on close */
    private App(
            Javalin server,
            ContentChanges changes,
            Runnable onChange,
            Housekeeping housekeeping,
            java.util.List<AutoCloseable> jobs) {
        this.server = server;
        this.changes = changes;
        this.onChange = onChange;
        this.housekeeping = housekeeping;
        this.jobs = jobs;
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
        FileMailer fileMailer = config.mail().smtp()
                ? null
                : new FileMailer(config.dataDir().resolve("mail"), config.mail().from());
        Mailer mailer = fileMailer == null ? new SmtpMailer(config.mail()) : fileMailer;
        Sessions sessions = new Sessions(jdbi, config.baseUrl());
        Csrf csrf = new Csrf(config.baseUrl());
        AccountService accounts = new AccountService(jdbi, mailer, chrome::site);
        Suggestions suggestions = new Suggestions(jdbi);
        Follows follows = new Follows(jdbi, suggestions::forget);
        Feed feed = new Feed(jdbi, articles);
        Desk desk = new Desk(sessions, csrf, chrome, views);
        Paywall paywall = new Paywall(jdbi, sessions, config.baseUrl());
        ArticlePages articlePages = new ArticlePages(articles, chrome, views, cache, paywall);
        PhotoService photos = new PhotoService(jdbi, media);
        ArticleDesk articleDesk = new ArticleDesk(jdbi);
        broadsheet.comments.ReplyNotices replyNotices =
                new broadsheet.comments.ReplyNotices(jdbi, mailer, chrome::site);
        broadsheet.comments.CommentService commentService = new broadsheet.comments.CommentService(jdbi, replyNotices);
        StripeApi stripe = config.stripe().payments() ? new StripeApi(config.stripe()) : null;
        StripeEvents stripeEvents = config.stripe().webhooks()
                ? new StripeEvents(jdbi, config.stripe().webhookSecret())
                : null;
        Plans plans = new Plans(jdbi);
        ReaderSubscriptions readerSubscriptions = new ReaderSubscriptions(jdbi, stripe);
        IssueRenderer issueRenderer = new IssueRenderer(articles, views, chrome::site);
        NewsletterLinks newsletterLinks = new NewsletterLinks(jdbi);
        Delivery delivery = config.mail().smtp()
                ? Delivery.smtp(config.mail())
                : Delivery.files(config.dataDir().resolve("mail"));
        NewsletterSender newsletterSender = new NewsletterSender(
                jdbi,
                delivery,
                issueRenderer,
                newsletters,
                newsletterLinks,
                chrome::site,
                config.mail().from(),
                Dkim.fromEnv(System.getenv()),
                NewsletterSender.BATCH,
                1);
        Routes routes = new Routes(
                new FrontPages(articles, new FrontDao(jdbi), authors, topics, chrome, views, cache),
                articlePages,
                new ArchivePages(articles, chrome, views, cache),
                new NewsletterPages(newsletters, new IssueDao(jdbi), issueRenderer, chrome, views, cache),
                new AccountPages(
                        accounts,
                        sessions,
                        csrf,
                        chrome,
                        views,
                        (userId, next) -> FollowIntent.complete(follows, userId, next),
                        readerSubscriptions),
                new DevMailPages(fileMailer, chrome, views),
                new AccessCheck(sessions, csrf),
                new NewsroomHome(desk, jdbi),
                new MediaPages(media),
                assets,
                new Logo(chrome),
                new Discovery(articles, authors, topics, chrome, cache, jdbi),
                new ErrorPages(chrome, views, articles),
                new ArticleDeskPages(desk, articleDesk, new PreviewLinks(jdbi), articlePages, articles, jdbi),
                new RevisionPages(desk, articleDesk, jdbi),
                new PhotoDesk(desk, photos),
                new GalleryDesk(desk, new GalleryService(jdbi), photos),
                new FrontDesk(desk, new FrontEditor(jdbi)),
                CatalogDesk.sections(desk, jdbi),
                CatalogDesk.authors(desk, jdbi),
                CatalogDesk.topics(desk, jdbi),
                new PeopleDesk(desk, new People(jdbi)),
                new AuditDesk(desk, new AuditLog(jdbi)),
                new FollowingPages(follows, feed, suggestions, new Digests(jdbi), sessions, csrf, chrome, views),
                new FollowingApi(follows, feed, suggestions, sessions, csrf, chrome),
                new GiftPages(paywall, sessions, csrf, chrome, views, jdbi),
                new PaywallDesk(desk, paywall, jdbi),
                new broadsheet.comments.CommentPages(
                        jdbi,
                        commentService,
                        new broadsheet.comments.CommentThreads(jdbi),
                        replyNotices,
                        sessions,
                        csrf,
                        chrome,
                        views),
                new broadsheet.newsroom.moderation.ModerationDesk(
                        desk,
                        new broadsheet.newsroom.moderation.ModerationQueue(jdbi),
                        new broadsheet.newsroom.moderation.Moderation(jdbi, replyNotices),
                        jdbi),
                new SubscribePages(
                        jdbi, plans, readerSubscriptions, stripe, stripeEvents, sessions, csrf, chrome, views),
                new SubscriptionDesk(desk, new SubscriptionAdmin(jdbi), plans),
                new SignupPages(
                        new Signups(jdbi, mailer, chrome::site, newsletterLinks),
                        newsletters,
                        sessions,
                        csrf,
                        chrome,
                        views),
                new NewsletterDesk(desk, jdbi, newsletters, issueRenderer, newsletterSender, new Suppressions(jdbi)));

        Runnable onChange = () -> {
            chrome.reload();
            paywall.reload();
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
            // Uploads: files spill to disk past 1 MB. The hard limit is well above the photo form's own
            // (PhotoService.MAX_UPLOAD_BYTES), so a somewhat larger file still gets the form back with a
            // message next to the file field instead of a connection cut off mid-upload.
            c.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            c.jetty.multipartConfig.maxFileSize(Uploads.MAX_REQUEST_MB, SizeUnit.MB);
            c.jetty.multipartConfig.maxTotalRequestSize(Uploads.MAX_REQUEST_MB, SizeUnit.MB);
            routes.register(c);
        });
        try {
            server.start();
        } catch (RuntimeException e) {
            changes.close();
            throw new StartupException("cannot listen on port " + config.port() + ": " + e.getMessage());
        }
        ScheduledPublisher publisher = new ScheduledPublisher(jdbi).start(java.time.Duration.ofSeconds(10));
        newsletterSender.start(java.time.Duration.ofSeconds(5));
        DigestSender digestSender =
                new DigestSender(jdbi, feed, mailer, views, chrome::site).start(java.time.Duration.ofMinutes(1));
        return new App(
                server,
                changes,
                onChange,
                new Housekeeping(jdbi).start(),
                java.util.List.of(publisher, newsletterSender, digestSender));
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
        for (AutoCloseable job : jobs) {
            try {
                job.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        housekeeping.close();
        changes.close();
        server.stop();
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
