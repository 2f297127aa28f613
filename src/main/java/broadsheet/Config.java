package broadsheet;

import broadsheet.mail.MailConfig;
import broadsheet.subscriptions.StripeConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the app needs to know about where it runs. Read from environment
 * variables; the command line overrides them.
 *
 * @param databaseUrl empty for the embedded PostgreSQL under {@code dataDir/postgres}
 * @param baseUrl     the public origin, used for canonical URLs, feeds and sitemaps (no trailing slash);
 *                    empty for http://localhost:PORT
 * @param jobs        whether the background jobs run (scheduled publishing, newsletter and digest sending,
 *                    housekeeping): always for {@code serve}; tests turn them off and drive a job directly
 */
public record Config(
        int port,
        Path dataDir,
        String databaseUrl,
        String baseUrl,
        boolean pageCache,
        boolean devTemplates,
        MailConfig mail,
        StripeConfig stripe,
        boolean jobs) {

    public static final int DEFAULT_PORT = 8080;

    /** With the background jobs running. */
    public Config(
            int port,
            Path dataDir,
            String databaseUrl,
            String baseUrl,
            boolean pageCache,
            boolean devTemplates,
            MailConfig mail,
            StripeConfig stripe) {
        this(port, dataDir, databaseUrl, baseUrl, pageCache, devTemplates, mail, stripe, true);
    }

    /** Without Stripe: online payment off. */
    public Config(
            int port,
            Path dataDir,
            String databaseUrl,
            String baseUrl,
            boolean pageCache,
            boolean devTemplates,
            MailConfig mail) {
        this(port, dataDir, databaseUrl, baseUrl, pageCache, devTemplates, mail, StripeConfig.none());
    }

    public static Config fromEnv(Map<String, String> env) {
        int port = Integer.parseInt(env.getOrDefault("PORT", String.valueOf(DEFAULT_PORT)));
        return new Config(
                port,
                Path.of(env.getOrDefault("DATA_DIR", "data")),
                env.getOrDefault("DATABASE_URL", ""),
                stripSlash(env.getOrDefault("BASE_URL", "")),
                !"off".equalsIgnoreCase(env.getOrDefault("PAGE_CACHE", "on")),
                "1".equals(env.get("DEV_TEMPLATES")),
                MailConfig.fromEnv(env),
                StripeConfig.fromEnv(env));
    }

    public Config withPort(int p) {
        return new Config(p, dataDir, databaseUrl, baseUrl, pageCache, devTemplates, mail, stripe, jobs);
    }

    public Config withDataDir(Path d) {
        return new Config(port, d, databaseUrl, baseUrl, pageCache, devTemplates, mail, stripe, jobs);
    }

    public Config withDatabaseUrl(String url) {
        return new Config(port, dataDir, url, baseUrl, pageCache, devTemplates, mail, stripe, jobs);
    }

    public Config withBaseUrl(String url) {
        return new Config(port, dataDir, databaseUrl, stripSlash(url), pageCache, devTemplates, mail, stripe, jobs);
    }

    public Config withPageCache(boolean on) {
        return new Config(port, dataDir, databaseUrl, baseUrl, on, devTemplates, mail, stripe, jobs);
    }

    public Config withMail(MailConfig m) {
        return new Config(port, dataDir, databaseUrl, baseUrl, pageCache, devTemplates, m, stripe, jobs);
    }

    public Config withStripe(StripeConfig s) {
        return new Config(port, dataDir, databaseUrl, baseUrl, pageCache, devTemplates, mail, s, jobs);
    }

    public Config withJobs(boolean on) {
        return new Config(port, dataDir, databaseUrl, baseUrl, pageCache, devTemplates, mail, stripe, on);
    }

    /** The public origin: BASE_URL or --base-url when given, otherwise this machine at the port served. */
    @Override
    public String baseUrl() {
        return baseUrl == null || baseUrl.isEmpty() ? "http://localhost:" + port : baseUrl;
    }

    public boolean embeddedDatabase() {
        return databaseUrl == null || databaseUrl.isBlank();
    }

    public Path mediaDir() {
        return dataDir.resolve("media");
    }

    /** A theme folder that overrides built-in templates and adds CSS, read at startup (docs/themes.md). */
    public Path themeDir() {
        return dataDir.resolve("theme");
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
