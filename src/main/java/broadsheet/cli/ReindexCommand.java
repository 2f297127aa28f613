package broadsheet.cli;

import broadsheet.db.Database;
import broadsheet.search.Generations;
import broadsheet.search.Rebuild;
import broadsheet.search.SearchDao;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "reindex",
        description = "Rebuild this node's search index from the database into a new folder under DATA_DIR/search;"
                + " a running server (with an external database) keeps answering from the old index and switches"
                + " to the new one when it is done.")
public final class ReindexCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var config = common.config();
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Database.open(config)) {
            Generations generations = new Generations(config.dataDir().resolve("search"));
            long[] lastPrint = {0};
            Rebuild.Result r = new Rebuild(new SearchDao(db.jdbi())).into(generations, (done, total, elapsed) -> {
                long now = System.nanoTime();
                if (now - lastPrint[0] < 1_000_000_000L && done < total) return;
                lastPrint[0] = now;
                out.println(progress(done, total, elapsed));
            });
            generations.point(r.generation());
            out.printf(
                    "Reindexed %d articles and %d photos in %.1f s (%s articles/s) into %s.%n",
                    r.articles(),
                    r.photos(),
                    r.took().toMillis() / 1000.0,
                    rate(r.articles(), r.took()),
                    r.generation());
            return 0;
        }
    }

    /** "12000 of 100000 articles, 4100/s, about 21 s left". */
    public static String progress(long done, long total, Duration elapsed) {
        double perSecond = done / Math.max(0.001, elapsed.toNanos() / 1e9);
        long left = perSecond <= 0 ? 0 : Math.round(Math.max(0, total - done) / perSecond);
        return "%d of %d articles, %s/s, about %d s left".formatted(done, total, rate(done, elapsed), left);
    }

    private static String rate(long n, Duration d) {
        return Long.toString(Math.round(n / Math.max(0.001, d.toNanos() / 1e9)));
    }
}
