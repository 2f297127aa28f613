package broadsheet.ops;

import java.util.Map;
import java.util.Optional;

/**
 * The operator's settings (docs/deployment.md).
 *
 * @param metricsToken when set ({@code METRICS_TOKEN}), {@code /metrics} answers only requests bearing it
 *     ({@code Authorization: Bearer ...}); when not, only requests from this machine that no proxy forwarded
 * @param jsonRequestLog one JSON line per request on standard output ({@code REQUEST_LOG=json})
 * @param drain how long a node asked to stop keeps serving while {@code /readyz} says it is shutting down,
 *     so that the load balancer takes it out before it stops accepting connections ({@code SHUTDOWN_DRAIN},
 *     seconds; {@link #DEFAULT_DRAIN} for {@code serve}, none in configurations made in code); skipped when
 *     nothing ever asked this node's {@code /readyz}
 * @param dbPool connections in the node's pool to PostgreSQL ({@code DB_POOL}, {@link #MIN_POOL} to
 *     {@link #MAX_POOL}; {@code broadsheet.db.Database#POOL} by default), two of them held by the listeners
 */
public record OpsConfig(Optional<String> metricsToken, boolean jsonRequestLog, java.time.Duration drain, int dbPool) {

    public static final int MIN_POOL = 4;
    public static final int MAX_POOL = 64;

    /** Longer than HAProxy in deploy/ takes to mark a node down (a check a second, out after 2 failures). */
    public static final java.time.Duration DEFAULT_DRAIN = java.time.Duration.ofSeconds(5);

    public static OpsConfig defaults() {
        return new OpsConfig(Optional.empty(), false, java.time.Duration.ZERO, broadsheet.db.Database.POOL);
    }

    public static OpsConfig fromEnv(Map<String, String> env) {
        String token = env.getOrDefault("METRICS_TOKEN", "").strip();
        if (!token.isEmpty() && token.length() < 16)
            throw new broadsheet.db.StartupException(
                    "METRICS_TOKEN must be at least 16 characters long (it guards /metrics)");
        String log = env.getOrDefault("REQUEST_LOG", "off").strip();
        if (!log.equalsIgnoreCase("json") && !log.equalsIgnoreCase("off") && !log.isEmpty())
            throw new broadsheet.db.StartupException("REQUEST_LOG must be json or off, not '" + log + "'");
        return new OpsConfig(
                Optional.of(token).filter(t -> !t.isEmpty()), log.equalsIgnoreCase("json"), drain(env), pool(env));
    }

    private static int pool(Map<String, String> env) {
        String value = env.getOrDefault("DB_POOL", "").strip();
        if (value.isEmpty()) return broadsheet.db.Database.POOL;
        if (value.matches("[0-9]{1,2}")) {
            int n = Integer.parseInt(value);
            if (n >= MIN_POOL && n <= MAX_POOL) return n;
        }
        throw new broadsheet.db.StartupException("DB_POOL must be a whole number of connections from " + MIN_POOL
                + " to " + MAX_POOL + ", not '" + value + "'");
    }

    private static java.time.Duration drain(Map<String, String> env) {
        String value = env.getOrDefault("SHUTDOWN_DRAIN", "").strip();
        if (value.isEmpty()) return DEFAULT_DRAIN;
        if (value.matches("[0-9]{1,3}") && Integer.parseInt(value) <= 120)
            return java.time.Duration.ofSeconds(Integer.parseInt(value));
        throw new broadsheet.db.StartupException(
                "SHUTDOWN_DRAIN must be a whole number of seconds from 0 to 120, not '" + value + "'");
    }
}
