package broadsheet.content;

import broadsheet.media.MediaFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Writes everything in the database (every status) as a content file plus its photos, so that
 * importing the result into an empty database gives the same paper.
 */
public final class Exporter {

    public record ExportResult(
            Path file, int sections, int authors, int topics, int photos, int newsletters, int articles) {}

    private final Jdbi jdbi;
    private final MediaFiles media;

    public Exporter(Jdbi jdbi, MediaFiles media) {
        this.jdbi = jdbi;
        this.media = media;
    }

    /** Writes outDir/content.json and outDir/photos/; content.json is written last, once every photo is there. */
    public ExportResult export(Path outDir) {
        // One snapshot, so articles never name a photo or author that a concurrent edit removed.
        ContentFile content = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, ExportDao::snapshot);
        try {
            Files.createDirectories(outDir.resolve("photos"));
            for (ContentFile.Photo p : content.photos()) {
                String fileKey = fileKey(p.file());
                byte[] original = media.original(fileKey)
                        .orElseThrow(() -> new IllegalStateException(
                                "photo " + p.id() + ": its original " + fileKey + " is missing from the database"));
                Files.write(outDir.resolve(p.file()), original);
            }
            Path file = outDir.resolve("content.json");
            ContentJson.write(file, content);
            return new ExportResult(
                    file,
                    content.sections().size(),
                    content.authors().size(),
                    content.topics().size(),
                    content.photos().size(),
                    content.newsletters().size(),
                    content.articles().size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export to " + outDir.toAbsolutePath(), e);
        }
    }

    /** "photos/<fileKey>.<ext>", as {@link ExportDao} names the files, back to the file key. */
    private static String fileKey(String file) {
        return file.substring("photos/".length(), file.lastIndexOf('.'));
    }
}
