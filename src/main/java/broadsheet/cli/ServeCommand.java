package broadsheet.cli;

import broadsheet.App;
import broadsheet.Config;
import broadsheet.db.Database;
import broadsheet.db.StartupException;
import broadsheet.web.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Start the website (migrates the database first).")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    CommonOptions common;

    @Option(names = "--port", description = "HTTP port (env PORT, default 8080).")
    Integer port;

    @Option(
            names = "--base-url",
            description =
                    "Public origin for canonical links, feeds and sitemaps (env BASE_URL, default http://localhost:PORT).")
    String baseUrl;

    @Option(
            names = "--no-page-cache",
            description = "Render every page afresh (env PAGE_CACHE=off); for benchmarks and debugging.")
    boolean noPageCache;

    @Option(
            names = "--dev-mail",
            description =
                    "Show mail kept on this machine (no SMTP_HOST) at /dev/mail to a browser on this machine (env DEV_MAIL=on); only with a loopback base URL.")
    boolean devMail;

    @Option(
            names = "--webhook-allow-hosts",
            description =
                    "Comma-separated host names webhooks may deliver to although they resolve to loopback or private addresses (env WEBHOOK_ALLOW_HOSTS).")
    String webhookAllowHosts;

    /** Changes to the configuration before anything starts; broadsheet-tools.jar's {@code --demo} is one. */
    final List<java.util.function.UnaryOperator<Config>> configure = new ArrayList<>();

    /**
     * The JVM options the site is measured with (docs/benchmarks.md): a 128 MB heap (a server touches all of
     * it under load, and it is four or five times what is live without the page cache), a quarter of it for the
     * page cache, and the serial collector, which on two cores and a heap this small costs less memory than
     * G1 for the same throughput. A jar cannot choose its own JVM's options, so README's commands and
     * {@code mvn exec:exec} pass them, and a start without a heap limit says so. The last hands the C heap's
     * freed memory (the JIT compilers' scratch space, mostly) back to the system every 5 s, where glibc would
     * keep it. They also pass a class archive ({@code -XX:+AutoCreateSharedArchive}), which only shortens
     * the start-up.
     */
    static final String JVM_OPTIONS = "-Xmx128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000";

    /** Work on the migrated database before the site starts; broadsheet-tools.jar's demo loader is one. */
    final List<BiConsumer<Database, Config>> beforeServing = new ArrayList<>();

    static boolean keepsRunning(String[] args) {
        return Arrays.asList(args).contains("serve");
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        warnWithoutHeapLimit();
        Config config = common.config();
        if (port != null) config = config.withPort(port);
        if (baseUrl != null) config = config.withBaseUrl(baseUrl);
        if (noPageCache) config = config.withPageCache(false);
        if (devMail) config = config.withDevMail(true);
        if (webhookAllowHosts != null) config = config.withWebhookAllowHosts(Config.hostList(webhookAllowHosts));
        for (var change : configure) config = change.apply(config);
        config.devMailProblem().ifPresent(problem -> {
            throw new StartupException(problem);
        });
        if (config.devMail() && !config.mail().smtp())
            LOG.info(
                    "Dev mail is on: mail is kept on this machine, readable at {}{} from this machine only",
                    config.baseUrl(),
                    Paths.devMail());
        if (config.port() != 0) App.requirePortFree(config.port());
        config.mail().clusterProblem(!config.embeddedDatabase()).ifPresent(problem -> {
            throw new StartupException(problem);
        });
        if (!config.embeddedDatabase() && !config.mail().smtp())
            LOG.warn(
                    "{}=on: mail is kept on this node's disk only; other nodes cannot reach it",
                    broadsheet.mail.MailConfig.KEEP_LOCALLY);
        Database db = openWhileWarming(config);
        try {
            for (var step : beforeServing) step.accept(db, config);
            App app = App.start(config, db);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(app, db), "shutdown"));
            // Ctrl+C and SIGTERM are how a server is asked to stop: after a clean stop, exit 0 (not 130 or 143),
            // so that neither Maven's exec:exec nor a service manager reports a failure.
            for (String signal : List.of("INT", "TERM")) {
                try {
                    sun.misc.Signal.handle(
                            new sun.misc.Signal(signal),
                            s -> Thread.ofPlatform().name("stop").start(() -> System.exit(0)));
                } catch (IllegalArgumentException e) {
                    LOG.debug("signal {} cannot be handled here: {}", signal, e.getMessage());
                }
            }
            LOG.info(
                    "Broadsheet is serving {} (port {}) in {} ms",
                    config.baseUrl(),
                    app.port(),
                    (System.nanoTime() - started) / 1_000_000);
            return 0;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Opens the database (starting the embedded PostgreSQL and checking the schema: a few tenths of a
     * second, mostly spent waiting for PostgreSQL) on a thread of its own, while this one loads what the
     * site needs besides ({@link Warmup}); the database's own start-up problems come out as before.
     */
    private static Database openWhileWarming(Config config) {
        java.util.concurrent.FutureTask<Database> opening =
                new java.util.concurrent.FutureTask<>(() -> Database.open(config));
        Thread.ofPlatform().name("database-open").start(opening);
        Warmup.run();
        try {
            return opening.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while the database started");
        }
    }

    /** The JVM's own default heap limit is a quarter of the machine's memory: gigabytes a paper never needs. */
    private static void warnWithoutHeapLimit() {
        boolean limited = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize") || a.startsWith("-XX:MaxRAM"));
        if (!limited)
            LOG.warn(
                    "no heap limit was given, so this JVM may grow to {} MB; start it with java {} -jar ...",
                    Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    JVM_OPTIONS);
    }

    private static void stop(App app, Database db) {
        long started = System.nanoTime();
        try {
            app.close();
            db.close();
            LOG.info("Broadsheet stopped cleanly in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("Broadsheet did not stop cleanly: {}", e.getMessage());
            Runtime.getRuntime().halt(1);
        }
    }
}
