package broadsheet.ops;

import broadsheet.web.PageCache;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * What {@code /metrics} shows, in Prometheus's text format: requests by route pattern (never the raw
 * path, so the number of series stays that of the route table), the page cache, the connection pool,
 * and the figures {@link DatabaseWatch} reads in the background. A scrape reads counters in memory only.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DatabaseWatch watch;
    private final Set<String> outboxes = ConcurrentHashMap.newKeySet();

    public Metrics(PageCache cache, DataSource pool, DatabaseWatch watch) {
        this.watch = watch;
        FunctionCounter.builder("broadsheet_page_cache_hits", cache, PageCache::hits)
                .description("pages served from this node's page cache")
                .register(registry);
        FunctionCounter.builder("broadsheet_page_cache_misses", cache, PageCache::misses)
                .description("pages rendered because the cache did not hold them")
                .register(registry);
        if (pool instanceof HikariDataSource hikari) {
            Gauge.builder("broadsheet_db_pool_active", hikari, h -> poolFigure(h, 0))
                    .description("connections in use")
                    .register(registry);
            Gauge.builder("broadsheet_db_pool_idle", hikari, h -> poolFigure(h, 1))
                    .description("connections open and free")
                    .register(registry);
            Gauge.builder("broadsheet_db_pool_pending", hikari, h -> poolFigure(h, 2))
                    .description("requests waiting for a connection")
                    .register(registry);
            Gauge.builder("broadsheet_db_pool_max", hikari, HikariDataSource::getMaximumPoolSize)
                    .description("the pool's size")
                    .register(registry);
        }
        Gauge.builder("broadsheet_db_up", watch, w -> w.databaseUp() ? 1 : 0)
                .description("1 while the database answers")
                .register(registry);
        Gauge.builder("broadsheet_job_lag_seconds", watch, DatabaseWatch::jobLagSeconds)
                .description("how long the oldest due scheduled article or newsletter issue has waited")
                .register(registry);
        Gauge.builder("broadsheet_search_lag_changes", watch, DatabaseWatch::searchLagChanges)
                .description("logged content changes this node's search index has not applied")
                .register(registry);
        Gauge.builder("broadsheet_migrations_pending", watch, DatabaseWatch::pendingMigrations)
                .description("migrations in this jar the database has not applied")
                .register(registry);
        outboxGauges();
    }

    private static double poolFigure(HikariDataSource h, int which) {
        var bean = h.getHikariPoolMXBean();
        if (bean == null) return 0;
        return switch (which) {
            case 0 -> bean.getActiveConnections();
            case 1 -> bean.getIdleConnections();
            default -> bean.getThreadsAwaitingConnection();
        };
    }

    /** One gauge per outbox the watch counts (newsletter mail, and any added with {@link DatabaseWatch#outbox}). */
    private void outboxGauges() {
        for (String name : watch.outboxDepth().keySet()) {
            if (outboxes.add(name))
                Gauge.builder(
                                "broadsheet_outbox_depth",
                                watch,
                                w -> w.outboxDepth().getOrDefault(name, 0L))
                        .tag("outbox", name)
                        .description("messages waiting to be sent")
                        .register(registry);
        }
    }

    /** Counts one answered request under its route pattern. */
    public void request(String method, String route, int status, Duration took) {
        Timer.builder("broadsheet_http_requests")
                .description("answered requests by route pattern and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", String.valueOf(status))
                .serviceLevelObjectives(
                        Duration.ofMillis(10),
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5))
                .register(registry)
                .record(took.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The text a Prometheus server scrapes. */
    public String scrape() {
        outboxGauges();
        return registry.scrape();
    }
}
