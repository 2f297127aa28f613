package broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a node keeps its index: {@code DATA_DIR/search/gen-<n>/} folders and the file {@code current}
 * naming the one in use. A rebuild writes a new generation beside the old one and then replaces
 * {@code current} in one atomic rename, which a running server notices and switches to.
 */
public final class Generations {

    private static final String POINTER = "current";
    private final Path root;

    public Generations(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The generation in use, if one is named and its folder exists. */
    public Optional<Path> current() {
        Path pointer = root.resolve(POINTER);
        try {
            if (!Files.exists(pointer)) return Optional.empty();
            String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            if (!name.matches("gen-[0-9]+")) return Optional.empty();
            Path dir = root.resolve(name);
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A new, empty generation folder, named after the time so names sort by age. */
    public Path create() {
        try {
            Files.createDirectories(root);
            long n = Instant.now().toEpochMilli();
            while (true) {
                Path dir = root.resolve("gen-" + n);
                try {
                    return Files.createDirectory(dir);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    n++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the given generation the one in use (atomically: a reader sees the old name or the new). */
    public void point(Path generation) {
        try {
            Path tmp = root.resolve(POINTER + ".tmp" + ProcessHandle.current().pid());
            Files.writeString(tmp, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, root.resolve(POINTER), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes the generations made before the given one (left by a switch while this node was down, or
     * by a build that failed). Newer ones are left alone: a {@code reindex} may be writing one.
     */
    public void deleteOlderThan(Path current) {
        if (!Files.isDirectory(root)) return;
        long mine = number(current);
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(p -> p.getFileName().toString().matches("gen-[0-9]+"))
                    .toList()) if (number(d) < mine) delete(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long number(Path generation) {
        return Long.parseLong(generation.getFileName().toString().substring(4));
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
