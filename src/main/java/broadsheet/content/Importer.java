package broadsheet.content;

import static broadsheet.content.ContentFile.list;

import broadsheet.media.MediaFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Imports a content file (docs/content-format.md): the whole file is checked first, then written
 * in one transaction, so a file with any problem changes nothing in the database.
 */
public final class Importer {

    public record ImportResult(
            int sections,
            int authors,
            int topics,
            int photos,
            int newsletters,
            int articlesCreated,
            int articlesUpdated) {}

    private final Jdbi jdbi;
    private final MediaFiles media;

    public Importer(Jdbi jdbi, MediaFiles media) {
        this.jdbi = jdbi;
        this.media = media;
    }

    public ImportResult importFile(Path jsonFile) throws ImportException {
        String name = jsonFile.getFileName().toString();
        ContentFile content = ContentJson.read(jsonFile);
        Problems problems = new Problems(name);
        // Photo bytes are checked and stored before the transaction so no connection waits on
        // image decoding. Originals are content-addressed: one left by a refused file is unused, not wrong.
        Path folder = jsonFile.toAbsolutePath().getParent().normalize();
        Map<String, MediaFiles.Stored> stored = storePhotos(content, folder, problems);
        try {
            return jdbi.inTransaction(h -> {
                ContentCheck.Plan plan = new ContentCheck(h, content, problems).run();
                problems.throwIfAny();
                return new ContentWriter(h, content, stored, plan).write();
            });
        } catch (JdbiException e) {
            throw new ImportException(name + ": nothing was imported, the database refused it: " + rootMessage(e), e);
        }
    }

    private Map<String, MediaFiles.Stored> storePhotos(ContentFile content, Path folder, Problems problems) {
        Map<String, MediaFiles.Stored> stored = new HashMap<>();
        List<ContentFile.Photo> photos = list(content.photos());
        for (int i = 0; i < photos.size(); i++) {
            ContentFile.Photo p = photos.get(i);
            if (p == null || p.id() == null || p.file() == null || p.file().isBlank())
                continue; // reported by the check
            String path = "photos[" + i + "].file";
            Path file;
            try {
                file = folder.resolve(p.file()).normalize();
            } catch (InvalidPathException e) {
                problems.add(path, "\"" + p.file() + "\" is not a file path");
                continue;
            }
            if (!file.startsWith(folder)) {
                problems.add(path, p.file() + " is outside the content file's folder");
            } else if (!Files.isRegularFile(file)) {
                problems.add(path, p.file() + " does not exist");
            } else {
                try {
                    stored.put(p.id(), media.store(Files.readAllBytes(file)));
                } catch (MediaFiles.NotAnImage e) {
                    String why = e.getMessage();
                    problems.add(path, p.file() + (why.startsWith("not ") ? " is " : ": ") + why);
                } catch (IOException e) {
                    problems.add(path, p.file() + " cannot be read: " + e.getMessage());
                }
            }
        }
        return stored;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
