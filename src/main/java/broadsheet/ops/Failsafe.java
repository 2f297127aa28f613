package broadsheet.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ExceptionHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a failing request ends with a 500 instead of a spinning thread. Javalin runs an
 * exception mapper as one more task of the request, and when that task throws, it queues the
 * mapper again for the new throwable, without end: a mapper that fails every time (an error page
 * whose template class cannot be loaded after the jar was replaced under a running server, say)
 * keeps the request's thread busy forever and the client never gets an answer. Every mapper is
 * therefore wrapped by {@link #guard}, which catches whatever the mapper throws and answers a plain
 * 500; and {@code java.lang.Error}s, which Javalin hands to its own handler rather than to mappers,
 * get a plain 500 from {@link #install} as well. The fallback uses only classes already loaded when
 * the server started (see {@link #warmUp}).
 */
public final class Failsafe {

    private static final Logger LOG = LoggerFactory.getLogger(Failsafe.class);
    static final String MESSAGE = "Something went wrong on our side. Please try again in a moment.\n";
    private static final byte[] BODY = MESSAGE.getBytes(StandardCharsets.UTF_8);

    private Failsafe() {}

    /** Errors (NoClassDefFoundError, OutOfMemoryError, ...) thrown by a handler end in a plain 500. */
    public static void install(JavalinConfig config) {
        config.router.javaLangErrorHandler(Failsafe::plain500);
        warmUp();
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

    /** Loads what the fallback needs while loading still works (before a replaced jar can break it). */
    private static void warmUp() {
        try {
            throw new IllegalStateException("warm-up");
        } catch (IllegalStateException expected) {
            LOG.debug("failsafe ready: {}", expected.getMessage());
        }
    }
}
