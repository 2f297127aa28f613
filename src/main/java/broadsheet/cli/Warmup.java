package broadsheet.cli;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve} does while its embedded PostgreSQL starts on another thread: loads and initialises
 * the classes the site's start and its first page need that do not need the database (templates,
 * JSON, JDBI's SQL parser, Javalin and Jetty, search's analyzers). On two cores the start otherwise spends
 * that time waiting for PostgreSQL and then loads them one after the other. It builds nothing the
 * site keeps, so it changes no behaviour; a failure here is logged and the start goes on.
 */
final class Warmup {

    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

    /** The templates of the pages a start is usually first asked for (the home page, an article). */
    private static final List<String> TEMPLATES =
            List.of("layout/page.jte", "fronts/home.jte", "fronts/list.jte", "articles/show.jte");

    private Warmup() {}

    static void run() {
        long started = System.nanoTime();
        step("templates", () -> {
            broadsheet.web.Views views = new broadsheet.web.Views(false, Optional.empty());
            TEMPLATES.forEach(views::available);
        });
        step("json", () -> broadsheet.web.Json.MAPPER.getClass());
        step("sql parser", () -> {
            // JDBI parses every statement with an ANTLR lexer whose tables are built on first use
            new org.jdbi.v3.core.statement.ColonPrefixSqlParser()
                    .parse("select a.id from articles a where a.slug = :slug and a.version = :v", null);
            broadsheet.db.Database.configure(org.jdbi.v3.core.Jdbi.create(() -> {
                throw new java.sql.SQLException("not connected");
            }));
        });
        step("web server", () -> io.javalin.Javalin.create(c -> c.startup.showJavalinBanner = false));
        step("openapi", broadsheet.web.OpenApiDocument::new);
        step("search", broadsheet.search.Related::warm);
        LOG.debug("warm-up took {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static void step(String name, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("warm-up of {} failed: {}", name, e.toString());
        }
    }
}
