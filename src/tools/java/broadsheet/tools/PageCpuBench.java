package broadsheet.tools;

import broadsheet.App;
import broadsheet.Config;
import broadsheet.db.Database;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The server's CPU time and allocation per rendered page, measured inside one process: the app is started
 * here on a data dir (page cache off, no background jobs), and this thread asks for the page over one
 * keep-alive HTTP connection, N times in a row, after a warm-up. CPU is every other Java thread's (Jetty's,
 * the virtual threads' carriers'); allocation is every thread's but this one's. GC and the JIT compiler are
 * not in either. To compare two builds, run this class from the newer tools jar beside each build's
 * broadsheet.jar in turn, several times, on copies of one data dir (stop any server using it first):
 *
 * <pre>java -Xmx128m -XX:+UseSerialGC -cp OLD/broadsheet.jar:NEW/broadsheet-tools.jar broadsheet.tools.PageCpuBench
 *     DATA_DIR /following 5 2000 "bs_session=..."</pre>
 */
public final class PageCpuBench {

    private PageCpuBench() {}

    public static void main(String[] a) throws Exception {
        Path dataDir = Path.of(a[0]);
        String path = a[1];
        int rounds = Integer.parseInt(a[2]);
        int each = Integer.parseInt(a[3]);
        String cookie = a.length > 4 ? a[4] : "";
        Config config = Config.fromEnv(Map.of("PAGE_CACHE", "off"))
                .withDataDir(dataDir)
                .withPort(0)
                .withJobs(false);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().threadId();
        try (Database db = Database.open(config);
                App app = App.start(config, db);
                Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setTcpNoDelay(true);
            byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                            + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            int size = 0;
            for (int i = 0; i < each * 3; i++) size = get(out, in, request);
            double[] cpu = new double[rounds];
            double[] alloc = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long c0 = othersCpu(threads, self);
                long a0 = threads.getTotalThreadAllocatedBytes() - threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < each; i++) get(out, in, request);
                long c1 = othersCpu(threads, self);
                long a1 = threads.getTotalThreadAllocatedBytes() - threads.getCurrentThreadAllocatedBytes();
                cpu[r] = (c1 - c0) / 1e6 / each;
                alloc[r] = (a1 - a0) / 1024.0 / each;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%s (%d bytes): %d rounds of %d, median %.3f ms CPU and %.0f KB allocated a page (CPU by round %s)%n",
                    path,
                    size,
                    rounds,
                    each,
                    median(cpu),
                    median(alloc),
                    Arrays.toString(Arrays.stream(cpu)
                            .map(v -> Math.round(v * 1000) / 1000.0)
                            .toArray()));
            System.out.println("load average after: "
                    + Files.readString(Path.of("/proc/loadavg")).strip());
        }
        System.exit(0); // what the app leaves running (the database's watch) does not hold the result back
    }

    /** One request and its whole answer (which must be a 200, with a length or in chunks); returns the body's length. */
    private static int get(OutputStream out, InputStream in, byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String status = line(in);
        if (!status.startsWith("HTTP/1.1 200")) throw new IllegalStateException("answered " + status);
        int length = -1;
        boolean chunked = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            if (h.regionMatches(true, 0, "content-length:", 0, 15))
                length = Integer.parseInt(h.substring(15).strip());
            if (h.regionMatches(true, 0, "transfer-encoding:", 0, 18))
                chunked = h.toLowerCase(Locale.ROOT).contains("chunked");
        }
        if (!chunked) {
            if (length < 0) throw new IllegalStateException("neither a length nor chunks");
            in.readNBytes(length);
            return length;
        }
        int total = 0;
        for (int n = Integer.parseInt(line(in).strip(), 16); n > 0; n = Integer.parseInt(line(in).strip(), 16)) {
            in.readNBytes(n);
            line(in);
            total += n;
        }
        line(in);
        return total;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) throw new IOException("connection closed");
            if (c != '\r') s.append((char) c);
        }
        return s.toString();
    }

    private static long othersCpu(java.lang.management.ThreadMXBean threads, long self) {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            if (id == self) continue;
            long t = threads.getThreadCpuTime(id);
            if (t > 0) sum += t;
        }
        return sum;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
