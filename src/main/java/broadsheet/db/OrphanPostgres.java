package broadsheet.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server killed without shutting down ({@code kill -9}, a power cut) leaves in the embedded
 * PostgreSQL's directory: the PostgreSQL it started, still running as an orphan and holding the
 * directory, or a {@code postmaster.pid} whose process is gone. Cleared before the next start, with
 * one log line saying what was done. A directory that a running server still holds (its
 * {@code epg-lock} is locked) is left alone.
 */
final class OrphanPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanPostgres.class);
    private static final Duration SMART_STOP = Duration.ofSeconds(20);

    private OrphanPostgres() {}

    static void clear(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile) || heldByARunningServer(dir)) return;
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (NoSuchFileException gone) {
            return;
        } catch (IOException e) {
            throw new StartupException("cannot read " + pidFile.toAbsolutePath() + ": " + e.getMessage());
        }
        long pid = lines.isEmpty() ? -1 : parse(lines.get(0));
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isPresent() && isPostgresOf(process.get(), lines, dir)) {
            boolean clean = stop(process.get());
            deleteIfSame(pidFile, lines);
            LOG.warn(
                    "Stopped the embedded PostgreSQL (process {}) left running by a server that did not shut down"
                            + " cleanly{}",
                    pid,
                    clean ? "" : " (it had to be killed; PostgreSQL recovers on start)");
        } else {
            deleteIfSame(pidFile, lines);
            LOG.warn(
                    "Removed {}, left by a server that did not shut down cleanly (process {} is gone)",
                    pidFile.toAbsolutePath(),
                    pid);
        }
    }

    /** Whether a live server (in this JVM or another) has the directory: zonky locks epg-lock while it runs. */
    private static boolean heldByARunningServer(Path dir) {
        Path lock = dir.resolve("epg-lock");
        if (!Files.exists(lock)) return false;
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) return true;
            l.release();
            return false;
        } catch (OverlappingFileLockException ours) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long parse(String line) {
        try {
            return Long.parseLong(line.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The process is a postgres serving this very directory (not a later process that took its pid). */
    private static boolean isPostgresOf(ProcessHandle p, List<String> pidLines, Path dir) {
        boolean postgres = p.info()
                .command()
                .map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(true);
        if (!postgres || pidLines.size() < 2) return false;
        try {
            return Path.of(pidLines.get(1).strip()).toRealPath().equals(dir.toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** SIGTERM (PostgreSQL's smart shutdown: the dead server's sessions are gone), SIGKILL if it hangs. */
    private static boolean stop(ProcessHandle p) {
        p.destroy();
        try {
            p.onExit().get(SMART_STOP.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            p.destroyForcibly();
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException | InterruptedException ignored) {
                // startup below reports what is still wrong
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Removes the pid file unless a new server has written its own meanwhile. */
    private static void deleteIfSame(Path pidFile, List<String> lines) {
        try {
            if (Files.exists(pidFile) && Files.readAllLines(pidFile).equals(lines)) Files.delete(pidFile);
        } catch (IOException e) {
            throw new StartupException("cannot remove the stale " + pidFile.toAbsolutePath() + ": " + e.getMessage());
        }
    }
}
