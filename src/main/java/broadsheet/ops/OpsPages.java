package broadsheet.ops;

import broadsheet.web.Loopback;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The operator's three addresses. {@code /healthz} (liveness) says the process serves requests and
 * asks nothing else; {@code /readyz} (readiness, for a load balancer) names every reason this node
 * should get no traffic now; {@code /metrics} is for Prometheus, from this machine or with the token.
 * None of them touches the database: they read what {@link DatabaseWatch} last saw, so they answer at
 * once even while the database hangs.
 */
public final class OpsPages {

    private final DatabaseWatch watch;
    private final RequestHealth requests;
    private final BooleanSupplier templatesLoaded;
    private final BooleanSupplier searchReady;
    private final Metrics metrics;
    private final OpsConfig config;
    private volatile boolean stopping;
    private volatile boolean readinessAsked;

    public OpsPages(
            DatabaseWatch watch,
            RequestHealth requests,
            BooleanSupplier templatesLoaded,
            BooleanSupplier searchReady,
            Metrics metrics,
            OpsConfig config) {
        this.watch = watch;
        this.requests = requests;
        this.templatesLoaded = templatesLoaded;
        this.searchReady = searchReady;
        this.metrics = metrics;
        this.config = config;
    }

    /** From now on {@code /readyz} says this node is stopping (it finishes what it has, takes nothing new). */
    public void stopping() {
        stopping = true;
    }

    /**
     * After {@link #stopping()}: keeps serving for the configured drain while a load balancer, having seen
     * {@code /readyz} fail, takes this node out of its rotation; at once when nothing ever asked {@code /readyz}
     * (no load balancer watches: a developer's Ctrl+C).
     */
    public void drain() {
        if (!readinessAsked || config.drain().isZero()) return;
        try {
            Thread.sleep(config.drain());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void liveness(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; charset=utf-8").result("ok\n");
    }

    public void readiness(Context ctx) {
        readinessAsked = true;
        List<String> problems = problems();
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; charset=utf-8");
        if (problems.isEmpty()) {
            ctx.result("ready\n");
        } else {
            ctx.status(503).result("not ready:\n- " + String.join("\n- ", problems) + "\n");
        }
    }

    /** Every reason not to send this node traffic; empty when it is ready. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (stopping) problems.add("this node is shutting down");
        watch.databaseProblem().ifPresent(problems::add);
        if (watch.pendingMigrations() > 0)
            problems.add(watch.pendingMigrations() + " migration(s) not applied to the database");
        if (!templatesLoaded.getAsBoolean()) problems.add("the page templates cannot be loaded");
        if (!searchReady.getAsBoolean()) problems.add("the search index is still being built");
        else if (watch.searchBehind())
            problems.add("the search index is " + watch.searchLagChanges() + " change(s) behind the change log");
        requests.failing().ifPresent(problems::add);
        return problems;
    }

    public void metrics(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!allowed(ctx)) {
            ctx.status(403)
                    .contentType("text/plain; charset=utf-8")
                    .result("/metrics answers requests from this machine, or with the token set in METRICS_TOKEN\n");
            return;
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    /** With a token configured, only its bearer; without, only this machine, and never a request a proxy forwarded. */
    boolean allowed(Context ctx) {
        Optional<String> token = config.metricsToken();
        if (token.isPresent()) {
            String given = Optional.ofNullable(ctx.header("Authorization")).orElse("");
            return MessageDigest.isEqual(
                    given.getBytes(StandardCharsets.UTF_8), ("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8));
        }
        boolean forwarded = ctx.header("X-Forwarded-For") != null || ctx.header("Forwarded") != null;
        return !forwarded && Loopback.isLoopbackAddress(ctx.req().getRemoteAddr());
    }
}
