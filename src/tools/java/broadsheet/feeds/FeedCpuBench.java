package broadsheet.feeds;

import broadsheet.Config;
import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticleSummary;
import broadsheet.articles.ListFilter;
import broadsheet.db.Cursor;
import broadsheet.db.Database;
import broadsheet.web.Site;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The CPU time and the allocation of writing the site's RSS feed (its 50 newest articles from a data dir,
 * into the bytes a response carries), as the server did before December 2026 (Rome and JDOM,
 * {@link RomeRss}) and as it does now ({@link Rss}), alternated in rounds on one thread, so that a loaded
 * machine disturbs both alike. Stop any server using the data dir first (this starts its database):
 *
 * <pre>java -cp target/broadsheet.jar:target/broadsheet-tools.jar broadsheet.feeds.FeedCpuBench DATA_DIR 7 2000</pre>
 */
public final class FeedCpuBench {

    private FeedCpuBench() {}

    public static void main(String[] a) throws Exception {
        Path dataDir = Path.of(a[0]);
        int rounds = a.length > 1 ? Integer.parseInt(a[1]) : 7;
        int each = a.length > 2 ? Integer.parseInt(a[2]) : 2000;
        Config config = Config.fromEnv(Map.of()).withDataDir(dataDir);
        List<ArticleSummary> items;
        try (Database db = Database.open(config)) {
            items = new ArticleDao(db.jdbi()).latest(ListFilter.all(), Cursor.first(), Discovery.FEED_SIZE);
        }
        Site site = new Site(
                "The Meridian Ledger", "Independent news", "http://localhost:8080", ZoneId.of("Europe/London"), "en");
        Channel channel = Channel.siteWide(site);
        Supplier<byte[]> old = () -> new RomeRss(site).rss(channel, items).getBytes(StandardCharsets.UTF_8);
        Supplier<byte[]> now = () -> new Feeds(site).rss(channel, items).getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(old.get(), now.get())) throw new IllegalStateException("the two feeds differ");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int w = 0; w < 3; w++) {
            measure(old, each, threads);
            measure(now, each, threads);
        }
        double[][] cpu = new double[2][rounds];
        double[][] alloc = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            double[] o = measure(old, each, threads);
            double[] n = measure(now, each, threads);
            cpu[0][r] = o[0];
            alloc[0][r] = o[1];
            cpu[1][r] = n[0];
            alloc[1][r] = n[1];
        }
        System.out.printf(
                Locale.ROOT,
                "RSS of %d items, %d bytes, %d rounds of %d renders each, medians:%n",
                items.size(),
                now.get().length,
                rounds,
                each);
        System.out.printf(
                Locale.ROOT,
                "  Rome and JDOM: %.1f us CPU, %.0f KB allocated a feed%n",
                median(cpu[0]),
                median(alloc[0]));
        System.out.printf(
                Locale.ROOT,
                "  written:       %.1f us CPU, %.0f KB allocated a feed (CPU %.2fx, allocation %.2fx)%n",
                median(cpu[1]),
                median(alloc[1]),
                median(cpu[1]) / median(cpu[0]),
                median(alloc[1]) / median(alloc[0]));
        System.out.println("load average after: "
                + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /** Microseconds of this thread's CPU and kilobytes it allocated, per render. */
    private static double[] measure(Supplier<byte[]> render, int n, com.sun.management.ThreadMXBean threads) {
        long c0 = threads.getCurrentThreadCpuTime();
        long a0 = threads.getCurrentThreadAllocatedBytes();
        long sink = 0;
        for (int i = 0; i < n; i++) sink += render.get().length;
        long c1 = threads.getCurrentThreadCpuTime();
        long a1 = threads.getCurrentThreadAllocatedBytes();
        if (sink == 42) System.out.print("");
        return new double[] {(c1 - c0) / 1e3 / n, (a1 - a0) / 1024.0 / n};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
