package broadsheet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's spinning server: Javalin runs its exception mapping as a task of the request and, when that
 * task throws, queues it again for the new throwable, without end. Here Javalin's handling of an
 * {@code Error} throws every time (as it does when a class it needs cannot be loaded after the jar was
 * replaced): without {@link Failsafe#install}'s handler wrapper, {@code /error} never gets an answer (the
 * client gives up after 5 s: that is the failure signal, not a measured time) and a thread spins.
 * Mappers that throw are caught by {@link Failsafe#guard}.
 */
class FailsafeTest {

    static final class Broken extends RuntimeException {}

    private static Javalin server;
    private static final RequestHealth health = new RequestHealth();
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = Javalin.create(c -> {
                    c.startup.showJavalinBanner = false;
                    c.concurrency.useVirtualThreads = true;
                    c.jetty.port = 0;
                    Failsafe.install(c);
                    // Javalin's own handling of an Error failing every time, as when the class it needs next cannot
                    // be loaded: without the handler wrapper of Failsafe.install, /error never gets an answer
                    c.router.javaLangErrorHandler((res, error) -> {
                        throw error;
                    });
                    c.requestLogger.http((ctx, ms) -> health.record(ctx.path(), ctx.statusCode()));
                    var r = c.routes;
                    r.get("/error", ctx -> {
                        throw new NoClassDefFoundError("broadsheet/articles/ArticlePages$Replaced");
                    });
                    r.get("/mapper-throws-error", ctx -> {
                        throw new Broken();
                    });
                    r.get("/mapper-throws", ctx -> {
                        throw new IllegalStateException("the page failed");
                    });
                    r.get("/fine", ctx -> ctx.result("fine"));
                    r.before("/before-error", ctx -> {
                        throw new NoClassDefFoundError("broadsheet/web/AccessCheck$Replaced");
                    });
                    r.get("/before-error", ctx -> ctx.result("should not run"));
                    r.exception(Broken.class, Failsafe.guard((e, ctx) -> {
                        throw new NoClassDefFoundError("gg/jte/generated/precompiled/errors/JteerrorGenerated");
                    }));
                    r.exception(Exception.class, Failsafe.guard((e, ctx) -> {
                        throw new IllegalStateException("the error page failed too");
                    }));
                })
                .start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHandlerThrowingAnErrorEndsInA500() throws Exception {
        HttpResponse<String> r = get("/error");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo(Failsafe.MESSAGE);
    }

    @Test
    void anErrorInABeforeHandlerEndsInA500AndTheEndpointDoesNotRun() throws Exception {
        HttpResponse<String> r = get("/before-error");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo(Failsafe.MESSAGE);
    }

    @Test
    void aMapperThrowingAnErrorEndsInA500() throws Exception {
        HttpResponse<String> r = get("/mapper-throws-error");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo(Failsafe.MESSAGE);
    }

    @Test
    void aMapperThrowingAnExceptionEndsInA500AndTheServerStillAnswers() throws Exception {
        for (int i = 0; i < 3; i++)
            assertThat(get("/mapper-throws").statusCode()).isEqualTo(500);
        assertThat(get("/fine").body()).isEqualTo("fine");
    }

    @Test
    void requestsFailingMakeTheNodeUnready() throws Exception {
        for (int i = 0; i < RequestHealth.MIN_FAILURES; i++) get("/mapper-throws");
        assertThat(health.failing()).hasValueSatisfying(why -> assertThat(why).contains("requests failed"));
    }
}
