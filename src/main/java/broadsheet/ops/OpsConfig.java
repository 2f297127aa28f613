package broadsheet.ops;

import java.util.Map;
import java.util.Optional;

/**
 * The operator's settings (docs/deployment.md).
 *
 * @param metricsToken when set ({@code METRICS_TOKEN}), {@code /metrics} answers only requests bearing it
 *     ({@code Authorization: Bearer ...}); when not, only requests from this machine that no proxy forwarded
 * @param jsonRequestLog one JSON line per request on standard output ({@code REQUEST_LOG=json})
 */
public record OpsConfig(Optional<String> metricsToken, boolean jsonRequestLog) {

    public static OpsConfig defaults() {
        return new OpsConfig(Optional.empty(), false);
    }

    public static OpsConfig fromEnv(Map<String, String> env) {
        String token = env.getOrDefault("METRICS_TOKEN", "").strip();
        if (!token.isEmpty() && token.length() < 16)
            throw new broadsheet.db.StartupException(
                    "METRICS_TOKEN must be at least 16 characters long (it guards /metrics)");
        String log = env.getOrDefault("REQUEST_LOG", "off").strip();
        if (!log.equalsIgnoreCase("json") && !log.equalsIgnoreCase("off") && !log.isEmpty())
            throw new broadsheet.db.StartupException("REQUEST_LOG must be json or off, not '" + log + "'");
        return new OpsConfig(Optional.of(token).filter(t -> !t.isEmpty()), log.equalsIgnoreCase("json"));
    }
}
