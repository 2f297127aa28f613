package broadsheet.ops;

import broadsheet.Core;
import broadsheet.search.SearchEngine;
import broadsheet.web.ErrorPages;
import broadsheet.web.Paths;
import broadsheet.web.Role;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * Running Broadsheet as an operator would (issue 15): liveness and readiness, metrics, request ids and
 * logs, a fast 503 while the database is away, a failing request that always ends, and a graceful stop.
 */
public record OpsFeature(OpsPages pages, RequestLog log, DatabaseWatch watch) {

    /** How long a stop waits for requests in flight before it closes their connections. */
    public static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(20);

    public static OpsFeature create(Core core, SearchEngine search) {
        DatabaseWatch watch = new DatabaseWatch(core.db(), new OpsDao(core.jdbi()), search::lag);
        core.db().waitForConnectionsWhile(watch::databaseUp);
        RequestHealth health = new RequestHealth();
        Metrics metrics = new Metrics(core.cache(), core.db().pool(), watch);
        OpsPages pages = new OpsPages(
                watch,
                health,
                () -> core.views().available("errors/error.jte"),
                search::ready,
                metrics,
                core.config().ops());
        return new OpsFeature(
                pages, new RequestLog(metrics, health, core.config().ops().jsonRequestLog()), watch);
    }

    /**
     * The server's settings: errors that cannot loop, every answered request counted (and logged when
     * asked), and a stop that stops accepting, then waits for requests in flight up to {@link #STOP_TIMEOUT}.
     */
    public void configure(JavalinConfig c) {
        Failsafe.install(c);
        c.requestLogger.http(log::answered);
        c.jetty.modifyServer(server -> {
            server.setStopTimeout(STOP_TIMEOUT.toMillis());
            server.setHandler(new GracefulHandler()); // Javalin puts its own handler inside this one
        });
    }

    /** The routes and the checks that run before every request. */
    public void register(RoutesConfig r, ErrorPages errors) {
        r.before(log::identify);
        r.before(this::gate);
        r.get(Paths.health(), pages::liveness, Role.ANYONE);
        r.head(Paths.health(), pages::liveness, Role.ANYONE);
        r.get(Paths.ready(), pages::readiness, Role.ANYONE);
        r.head(Paths.ready(), pages::readiness, Role.ANYONE);
        r.get(Paths.metrics(), pages::metrics, Role.ANYONE); // loopback or the token: checked in the handler
        r.exception(DatabaseAway.class, Failsafe.guard((e, ctx) -> errors.unavailable(ctx)));
    }

    /** While the database is away, every page but the operator's and the static files answers 503 at once. */
    private void gate(Context ctx) {
        if (watch.databaseUp()) return;
        String path = ctx.path();
        if (path.equals(Paths.health())
                || path.equals(Paths.ready())
                || path.equals(Paths.metrics())
                || path.startsWith(Paths.asset(""))) return;
        throw new DatabaseAway();
    }
}
