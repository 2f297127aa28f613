package broadsheet.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One row of bench-api asked by wrk in its own process (2 threads, {@code threads} connections), so that the
 * client's allocation, collections and CPU are not the server's JVM's: wrk runs bench/api.lua from the tools
 * jar over a file of the row's paths and prints its count and percentiles, which become a row like
 * {@link Timings#row}'s.
 */
final class WrkRun {
    private WrkRun() {}

    /** wrk's figures for a row: requests, seconds, and p50, p99 and max in microseconds. */
    record Result(long requests, double seconds, long p50, long p99, long max) {
        String row(String label) {
            return String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,.0f | %.1f | %.1f | %.1f |%n",
                    label,
                    requests,
                    requests / seconds,
                    p50 / 1e3,
                    p99 / 1e3,
                    max / 1e3);
        }
    }

    static Result run(BenchApiCommand.Wrk wrk, int threads, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("bench-api-wrk");
        try {
            Path script = dir.resolve("api.lua");
            try (InputStream in = WrkRun.class.getResourceAsStream("/bench/api.lua")) {
                if (in == null) throw new IllegalStateException("bench/api.lua is not in the tools jar");
                Files.copy(in, script);
            }
            Path paths = Files.write(dir.resolve("paths.txt"), wrk.paths());
            Process p = new ProcessBuilder(
                            "wrk",
                            "-t" + Math.min(2, threads),
                            "-c" + threads,
                            "-d" + seconds + "s",
                            "-s",
                            script.toString(),
                            wrk.base(),
                            "--",
                            paths.toString(),
                            wrk.mode())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IllegalStateException("wrk failed:\n" + output);
            String line = output.lines()
                    .filter(l -> l.startsWith("WRK "))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no WRK line from wrk:\n" + output));
            return parse(line);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run wrk (is it installed?): " + e.getMessage(), e);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) Files.delete(f);
            }
            Files.delete(dir);
        }
    }

    /** api.lua's line {@code WRK requests duration_us p50_us p99_us max_us errors}. */
    static Result parse(String line) {
        List<Long> v = java.util.Arrays.stream(line.substring(4).strip().split(" "))
                .map(Long::parseLong)
                .toList();
        if (v.get(5) != 0) throw new IllegalStateException(v.get(5) + " requests failed (" + line + ")");
        return new Result(v.get(0), v.get(1) / 1e6, v.get(2), v.get(3), v.get(4));
    }
}
