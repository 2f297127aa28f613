import broadsheet.Config;
import broadsheet.contentapi.ArticleQuery;
import broadsheet.contentapi.ContentDao;
import broadsheet.db.Database;
import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.*;

/**
 * The Content API list's database part alone, on a kept bench-data archive: ContentDao.articles for the first page
 * of 15 with authors and topics, N times in a row on one thread, three rounds after N to warm up. Per call: the
 * wall time (mean and median), this thread's CPU, the CPU of the archive's PostgreSQL (its postmaster and the
 * processes under it, from /proc) and the bytes this thread allocated. CPU and allocation hardly depend on what
 * else the machine runs, so two builds can be compared on a busy machine (their latencies cannot).
 *
 * <p>Usage (no server on DIR; a build's jar, e.g. copied elsewhere first):
 * {@code java -cp target/broadsheet.jar bench/ApiListDao.java DIR [N]}
 */
public class ApiListDao {
    static long ticks(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (Exception e) { return 0; }
    }
    static long ppid(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Long.parseLong(s.substring(s.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (Exception e) { return -1; }
    }
    static long pgTicks(long postmaster) throws Exception {
        long t = ticks(postmaster);
        try (var d = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) d::iterator) {
                String n = p.getFileName().toString();
                if (!n.matches("\\d+")) continue;
                long pid = Long.parseLong(n);
                if (ppid(pid) == postmaster) t += ticks(pid);
            }
        }
        return t;
    }
    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        int n = a.length > 1 ? Integer.parseInt(a[1]) : 3000;
        Config c = Config.fromEnv(Map.of("DATA_DIR", dir.toString(), "DB_POOL", "8"));
        try (Database db = Database.open(c)) {
            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid")).get(0).strip());
            ContentDao dao = new ContentDao(db.jdbi());
            ArticleQuery q = new ArticleQuery(null, null, null, null, null, null, List.of(), ArticleQuery.Sort.PUBLISHED_DESC, 15, null);
            ContentDao.Parts parts = new ContentDao.Parts(false, true, true, false);
            var tm = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            for (int i = 0; i < n; i++) dao.articles(q, parts);
            for (int round = 0; round < 3; round++) {
                long pg0 = pgTicks(postmaster), cpu0 = tm.getCurrentThreadCpuTime(), al0 = tm.getCurrentThreadAllocatedBytes(), t0 = System.nanoTime();
                long[] lat = new long[n];
                for (int i = 0; i < n; i++) { long s = System.nanoTime(); dao.articles(q, parts); lat[i] = System.nanoTime() - s; }
                long t1 = System.nanoTime(), cpu1 = tm.getCurrentThreadCpuTime(), al1 = tm.getCurrentThreadAllocatedBytes(), pg1 = pgTicks(postmaster);
                Arrays.sort(lat);
                System.out.printf(Locale.ROOT, "round %d: per call wall %.0f us (p50 %.0f), JVM thread CPU %.0f us, PG CPU %.0f us, allocated %.1f KiB; load %s%n",
                        round, (t1 - t0) / 1e3 / n, lat[n / 2] / 1e3, (cpu1 - cpu0) / 1e3 / n, (pg1 - pg0) * 10_000.0 / n, (al1 - al0) / 1024.0 / n,
                        Files.readString(Path.of("/proc/loadavg")).strip());
            }
        }
    }
}
