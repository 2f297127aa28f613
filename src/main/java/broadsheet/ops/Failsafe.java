package broadsheet.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ExceptionHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a failing request ends with a 500 instead of a spinning thread. Javalin runs its
 * exception mapping as one more task of the request, and when that task throws, it queues the
 * mapping again for the new throwable, without end: if the mapping fails every time (after the jar
 * was replaced under a running server, a class it needs for the first time cannot be loaded: a
 * {@code NoClassDefFoundError} on every try) the request's thread spins for ever and the client gets
 * nothing. So:
 * <ul>
 *   <li>an {@code Error} thrown by any handler (before, endpoint, after) is answered here with a plain
 *       500 and never reaches Javalin's mapping ({@link #install}: a handler wrapper);
 *   <li>every exception mapper is wrapped by {@link #guard}, which catches whatever it throws and
 *       answers a plain 500;
 *   <li>the classes of Javalin's mapping and of this fallback are loaded at start ({@link #warmUp}),
 *       while loading still works.
 * </ul>
 */
public final class Failsafe {

    private static final Logger LOG = LoggerFactory.getLogger(Failsafe.class);
    static final String MESSAGE = "Something went wrong on our side. Please try again in a moment.\n";
    private static final byte[] BODY = MESSAGE.getBytes(StandardCharsets.UTF_8);

    private Failsafe() {}

    /** Errors (NoClassDefFoundError, OutOfMemoryError, ...) thrown by a handler end in a plain 500. */
    public static void install(JavalinConfig config) {
        config.router.handlerWrapper(endpoint -> ctx -> {
            try {
                endpoint.handler.handle(ctx);
            } catch (Error e) {
                answeredWithError(ctx, e);
            }
        });
        config.router.javaLangErrorHandler(Failsafe::plain500);
        warmUp();
    }

    private static void answeredWithError(Context ctx, Error error) {
        try {
            LOG.error("a request failed with {}", error.toString(), error);
        } catch (Throwable ignored) {
            // logging is best effort here: the answer matters more
        }
        try {
            ctx.skipRemainingHandlers();
            ctx.status(500);
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("text/plain; charset=utf-8");
            ctx.result(BODY);
        } catch (Throwable ignored) {
            // the client left
        }
    }

    /** An exception mapper that cannot throw: if it fails, the request gets a plain 500 and both failures are logged. */
    public static <E extends Exception> ExceptionHandler<E> guard(ExceptionHandler<? super E> mapper) {
        return (e, ctx) -> {
            try {
                mapper.handle(e, ctx);
            } catch (Throwable failure) {
                fallback(ctx, e, failure);
            }
        };
    }

    private static void fallback(Context ctx, Exception original, Throwable failure) {
        try {
            LOG.error("showing the error page for {} failed too: {}", original, failure.toString(), failure);
        } catch (Throwable ignored) {
            // logging is best effort here: the answer matters more
        }
        try {
            ctx.status(500);
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("text/plain; charset=utf-8");
            ctx.result(BODY);
        } catch (Throwable ignored) {
            // the response is gone (the client left): nothing more to do, and nothing thrown
        }
    }

    private static void plain500(HttpServletResponse res, Error error) {
        try {
            LOG.error("a request failed with {}", error.toString(), error);
        } catch (Throwable ignored) {
            // as above
        }
        try {
            res.setStatus(500);
            if (!res.isCommitted()) {
                res.setHeader("Cache-Control", "no-store");
                res.setContentType("text/plain; charset=utf-8");
                res.getOutputStream().write(BODY);
            }
        } catch (Throwable ignored) {
            // the client left
        }
    }

    /** Javalin's classes for mapping exceptions, each loaded on first use: loaded now, before a replaced jar can break it. */
    private static final java.util.List<String> MAPPING_CLASSES = java.util.List.of(
            "io.javalin.router.exception.ExceptionMapperKt",
            "io.javalin.router.exception.HttpResponseExceptionMapper",
            "io.javalin.http.InternalServerErrorResponse",
            "io.javalin.http.HttpResponseException");

    private static void warmUp() {
        for (String name : MAPPING_CLASSES) {
            try {
                Class.forName(name, true, Failsafe.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.debug("{} not loaded ahead: {}", name, e.toString()); // another Javalin version: nothing to warm
            }
        }
    }
}
