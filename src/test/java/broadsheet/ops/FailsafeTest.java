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
 * Issue 15's spinning server: Javalin runs an exception mapper as a task of the request and, when the
 * mapper throws, queues it again for the new throwable. A mapper that always throws (an error page that
 * cannot be drawn after the jar was replaced) kept a thread busy for ever and the client got nothing.
 * Without {@link Failsafe#guard}, the second and third tests here never get an answer (the client gives
 * up after 5 s: that is the failure signal, not a measured time) and leave a thread spinning.
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
                    c.requestLogger.http((ctx, ms) -> health.record(ctx.statusCode()));
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
