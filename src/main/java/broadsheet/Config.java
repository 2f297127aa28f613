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
 * @param devMail     whether /dev/mail shows locally kept mail to a browser on this machine (env DEV_MAIL=on,
 *                    {@code serve --dev-mail}); off by default, and refused at start unless the base URL is a
 *                    loopback address ({@link #devMailProblem()})
 * @param webhookAllowHosts host names that webhook deliveries may reach even though they resolve to a loopback,
 *                    private or otherwise internal address (env WEBHOOK_ALLOW_HOSTS, comma-separated;
 *                    {@code serve --webhook-allow-hosts}); empty by default: every such address is refused
 * @param purgeUrls   the purge endpoints of the shared caches in front (Varnish, a CDN) that are told which
 *                    pages changed (env PURGE_URLS, comma-separated; docs/deployment.md "Cluster"); empty for none
 * @param ops         the operator's settings: metrics token, request log (docs/deployment.md)
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
        boolean jobs,
        boolean devMail,
        java.util.List<String> webhookAllowHosts,
        java.util.List<java.net.URI> purgeUrls,
        broadsheet.ops.OpsConfig ops) {

    public static final int DEFAULT_PORT = 8080;

    public Config {
        webhookAllowHosts = java.util.List.copyOf(webhookAllowHosts);
        purgeUrls = java.util.List.copyOf(purgeUrls);
    }

    /** With no host allowed past the webhook address check. */
    public Config(
            int port,
            Path dataDir,
            String databaseUrl,
            String baseUrl,
            boolean pageCache,
            boolean devTemplates,
            MailConfig mail,
            StripeConfig stripe,
            boolean jobs,
            boolean devMail) {
        this(
                port,
                dataDir,
                databaseUrl,
                baseUrl,
                pageCache,
                devTemplates,
                mail,
                stripe,
                jobs,
                devMail,
                java.util.List.of(),
                java.util.List.of(),
                broadsheet.ops.OpsConfig.defaults());
    }

    /** With /dev/mail off. */
    public Config(
            int port,
            Path dataDir,
            String databaseUrl,
            String baseUrl,
            boolean pageCache,
            boolean devTemplates,
            MailConfig mail,
            StripeConfig stripe,
            boolean jobs) {
        this(port, dataDir, databaseUrl, baseUrl, pageCache, devTemplates, mail, stripe, jobs, false);
    }

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
                StripeConfig.fromEnv(env),
                true,
                onOff("DEV_MAIL", env.getOrDefault("DEV_MAIL", "off")),
                hostList(env.getOrDefault("WEBHOOK_ALLOW_HOSTS", "")),
                urls("PURGE_URLS", env.getOrDefault("PURGE_URLS", "")),
                broadsheet.ops.OpsConfig.fromEnv(env));
    }

    /** A comma-separated list of http(s) URLs; a clear start-up error naming the variable for anything else. */
    static java.util.List<java.net.URI> urls(String name, String value) {
        java.util.List<java.net.URI> out = new java.util.ArrayList<>();
        for (String part : value.split(",")) {
            String u = part.strip();
            if (u.isEmpty()) continue;
            java.net.URI uri;
            try {
                uri = new java.net.URI(u);
            } catch (java.net.URISyntaxException e) {
                throw new broadsheet.db.StartupException(name + ": '" + u + "' is not a URL (" + e.getReason() + ")");
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null)
                throw new broadsheet.db.StartupException(
                        name + ": '" + u + "' is not an http:// or https:// URL with a host");
            out.add(uri);
        }
        return java.util.List.copyOf(out);
    }

    /** Host names from a comma-separated list, lower-cased, blanks dropped. */
    public static java.util.List<String> hostList(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split(","))
                .map(h -> h.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .toList();
    }

    private static boolean onOff(String name, String value) {
        if (value.equalsIgnoreCase("on")) return true;
        if (value.equalsIgnoreCase("off") || value.isEmpty()) return false;
        throw new broadsheet.db.StartupException(name + " must be on or off, not '" + value + "'");
    }

    public Config withPort(int p) {
        return new Config(
                p,
                dataDir,
                databaseUrl,
                baseUrl,
                pageCache,
                devTemplates,
                mail,
                stripe,
                jobs,
                devMail,
                webhookAllowHosts,
                purgeUrls,
                ops);
    }

    public Config withDataDir(Path d) {
        return new Config(
                port,
                d,
                databaseUrl,
                baseUrl,
                pageCache,
                devTemplates,
                mail,
                stripe,
                jobs,
                devMail,
                webhookAllowHosts,
                purgeUrls,
                ops);
    }

    public Config withDatabaseUrl(String url) {
        return new Config(
                port,
                dataDir,
                url,
                baseUrl,
                pageCache,
                devTemplates,
                mail,
                stripe,
                jobs,
                devMail,
                webhookAllowHosts,
                purgeUrls,
                ops);
    }

    public Config withBaseUrl(String url) {
        return new Config(
                port,
                dataDir,
                databaseUrl,
                stripSlash(url),
                pageCache,
                devTemplates,
                mail,
                stripe,
                jobs,
                devMail,
                webhookAllowHosts,
                purgeUrls,
                ops);
    }

    public Config withPageCache(boolean on) {
        return new Config(
                port,
                dataDir,
                databaseUrl,
                baseUrl,
                on,
                devTemplates,
                mail,
                stripe,
                jobs,
                devMail,
                webhookAllowHosts,
                purgeUrls,
                ops);
    }

    public Config withMail(MailConfig m) {
        return new Config(
                port,
                dataDir,
                databaseUrl,
                baseUrl,
                pageCache,
                devTemplates,
                m,
                stripe,
                jobs,
                devMail,
                webhookAllowHosts,
                purgeUrls,
                ops);
    }

    public Config withStripe(StripeConfig s) {
        return new Config(
                port,
                dataDir,
                databaseUrl,
                baseUrl,
                pageCache,
                devTemplates,
                mail,
                s,
                jobs,
                devMail,
                webhookAllowHosts,
                purgeUrls,
                ops);
    }

    public Config withJobs(boolean on) {
        return new Config(
                port,
                dataDir,
                databaseUrl,
                baseUrl,
                pageCache,
                devTemplates,
                mail,
                stripe,
                on,
                devMail,
                webhookAllowHosts,
                purgeUrls,
                ops);
    }

    public Config withDevMail(boolean on) {
        return new Config(
                port,
                dataDir,
                databaseUrl,
                baseUrl,
                pageCache,
                devTemplates,
                mail,
                stripe,
                jobs,
                on,
                webhookAllowHosts,
                purgeUrls,
                ops);
    }

    public Config withPurgeUrls(java.util.List<java.net.URI> urls) {
        return new Config(
                port,
                dataDir,
                databaseUrl,
                baseUrl,
                pageCache,
                devTemplates,
                mail,
                stripe,
                jobs,
                devMail,
                webhookAllowHosts,
                urls,
                ops);
    }

    public Config withWebhookAllowHosts(java.util.List<String> hosts) {
        return new Config(
                port,
                dataDir,
                databaseUrl,
                baseUrl,
                pageCache,
                devTemplates,
                mail,
                stripe,
                jobs,
                devMail,
                hosts,
                purgeUrls,
                ops);
    }

    /**
     * Why /dev/mail may not be on, if it may not: it trusts requests from this machine, which is only
     * safe when the site is not public (behind a reverse proxy on the same host every public request
     * comes from loopback), so the base URL must name a loopback host.
     */
    public java.util.Optional<String> devMailProblem() {
        if (!devMail || broadsheet.web.Loopback.isLoopbackUrl(baseUrl())) return java.util.Optional.empty();
        return java.util.Optional.of("DEV_MAIL=on (--dev-mail) shows mail only to this machine, but BASE_URL "
                + baseUrl() + " is not a loopback address (localhost, 127.0.0.1, [::1]); turn DEV_MAIL off"
                + " or set SMTP_HOST to send mail");
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
