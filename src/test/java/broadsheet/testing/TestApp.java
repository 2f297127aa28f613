package broadsheet.testing;

import broadsheet.App;
import broadsheet.Config;
import broadsheet.db.Database;
import broadsheet.mail.MailConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real app on a free port, over a fresh database, spoken to over real HTTP. */
public final class TestApp implements AutoCloseable {

    public final Database db;
    public final App app;
    public final Path dataDir;
    public final Fixtures fixtures;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * How a test app is made. The background jobs are off unless asked for: a test of a job drives it
     * directly or asks for {@link #withJobs()}.
     */
    public record Options(
            boolean pageCache,
            MailConfig mail,
            String baseUrl,
            broadsheet.subscriptions.StripeConfig stripe,
            boolean jobs,
            boolean devMail,
            java.util.List<String> webhookAllowHosts,
            java.util.List<java.net.URI> purgeUrls) {

        /** Page cache on, mail to files, served as https://news.example (cookies are Secure). */
        public static Options defaults() {
            return new Options(
                    true,
                    MailConfig.fromEnv(java.util.Map.of()),
                    "https://news.example",
                    broadsheet.subscriptions.StripeConfig.none(),
                    false,
                    false,
                    java.util.List.of(),
                    java.util.List.of());
        }

        /**
         * With mail going to the given SMTP server (GreenMail in tests), served as plain http so
         * that cookies (Secure only under https) reach the test client.
         */
        public Options withMail(MailConfig m) {
            return new Options(
                    pageCache, m, "http://news.example", stripe, jobs, devMail, webhookAllowHosts, purgeUrls);
        }

        /** Served as plain http, so that the session cookie reaches the test client. */
        public Options plainHttp() {
            return withBaseUrl("http://news.example");
        }

        public Options withBaseUrl(String url) {
            return new Options(pageCache, mail, url, stripe, jobs, devMail, webhookAllowHosts, purgeUrls);
        }

        public Options withPageCache(boolean on) {
            return new Options(on, mail, baseUrl, stripe, jobs, devMail, webhookAllowHosts, purgeUrls);
        }

        /** With Stripe settings (a webhook secret; an API base pointing at a local stand-in for Stripe), served as plain http. */
        public Options withStripe(broadsheet.subscriptions.StripeConfig s) {
            return new Options(pageCache, mail, "http://news.example", s, jobs, devMail, webhookAllowHosts, purgeUrls);
        }

        /** With the background jobs running as under {@code serve}. */
        public Options withJobs() {
            return new Options(pageCache, mail, baseUrl, stripe, true, devMail, webhookAllowHosts, purgeUrls);
        }

        /** With webhooks allowed to reach these hosts although they are on this machine (a local receiver). */
        public Options withWebhookAllowHosts(String... hosts) {
            return new Options(pageCache, mail, baseUrl, stripe, jobs, devMail, java.util.List.of(hosts), purgeUrls);
        }

        /** With the shared caches' purge endpoints (PURGE_URLS). */
        public Options withPurgeUrls(java.net.URI... urls) {
            return new Options(
                    pageCache, mail, baseUrl, stripe, jobs, devMail, webhookAllowHosts, java.util.List.of(urls));
        }

        /** With /dev/mail on (DEV_MAIL=on), served as http://localhost: the one kind of base URL it allows. */
        public Options withDevMail() {
            return new Options(pageCache, mail, "http://localhost", stripe, jobs, true, webhookAllowHosts, purgeUrls);
        }
    }

    public TestApp() {
        this(Options.defaults());
    }

    public TestApp(boolean pageCache) {
        this(Options.defaults().withPageCache(pageCache));
    }

    /**
     * With mail going to the given SMTP server (GreenMail in tests), served as plain http so
     * that cookies (Secure only under https) reach the test client.
     */
    public TestApp(MailConfig mail) {
        this(Options.defaults().withMail(mail));
    }

    public TestApp(boolean pageCache, MailConfig mail, String baseUrl) {
        this(Options.defaults().withMail(mail).withBaseUrl(baseUrl).withPageCache(pageCache));
    }

    /** With Stripe settings (a webhook secret; an API base pointing at a local stand-in for Stripe), served as plain http. */
    public TestApp(broadsheet.subscriptions.StripeConfig stripe) {
        this(Options.defaults().withStripe(stripe));
    }

    public TestApp(Options o) {
        this(o, dir -> {});
    }

    /** @param beforeStart prepares the data folder (a theme in it, say) before the app starts */
    public TestApp(Options o, java.util.function.Consumer<Path> beforeStart) {
        this(o, beforeStart, TestDb.fresh());
    }

    /**
     * Another node of this app's cluster: the same database through its own connection pool, its own
     * data folder (so its own derivative cache), page cache, change listener and port.
     */
    public TestApp node(Options o) {
        return new TestApp(o, dir -> {}, TestDb.another(db));
    }

    private TestApp(Options o, java.util.function.Consumer<Path> beforeStart, Database database) {
        try {
            dataDir = Files.createTempDirectory("broadsheet-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        beforeStart.accept(dataDir);
        db = database;
        Config config = new Config(
                0,
                dataDir,
                "jdbc:test",
                o.baseUrl(),
                o.pageCache(),
                false,
                o.mail(),
                o.stripe(),
                o.jobs(),
                o.devMail(),
                o.webhookAllowHosts(),
                o.purgeUrls(),
                broadsheet.ops.OpsConfig.defaults());
        fixtures = new Fixtures(db.jdbi(), config.mediaDir(), this::contentChanged);
        app = App.start(config, db);
    }

    public WebClient client() {
        return new WebClient("http://localhost:" + app.port());
    }

    /** A client signed in as a new account with the given role. */
    public WebClient signedIn(String email, broadsheet.web.Role role) {
        fixtures.user(email, role, "password for " + email);
        WebClient c = client();
        c.get("/sign-in");
        var r = c.post("/sign-in", java.util.Map.of("email", email, "password", "password for " + email, "next", "/"));
        if (r.statusCode() != 303)
            throw new IllegalStateException("could not sign in " + email + ": " + r.statusCode());
        return c;
    }

    public String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) b.headers(headers);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) b.headers(headers);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until this node's search index has applied every change logged so far. */
    public void awaitSearch() {
        if (!app.searchEngine().awaitCaughtUp(java.time.Duration.ofSeconds(20)))
            throw new IllegalStateException("the search index did not catch up within 20 s");
    }

    /** After writing content straight to the database, drop cached pages as a real write would. */
    public void contentChanged() {
        if (app != null) app.contentChanged(); // (a setting written before the app starts is read at start)
    }

    @Override
    public void close() {
        app.close();
        db.close();
    }
}
