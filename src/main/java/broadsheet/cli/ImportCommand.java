package broadsheet.cli;

import broadsheet.content.ImportException;
import broadsheet.content.Importer;
import broadsheet.db.Database;
import broadsheet.media.MediaFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "import",
        description = "Import articles, authors, topics, sections, photos and newsletters from a content file "
                + "(docs/content-format.md). A bad file imports nothing; re-importing updates in place.")
final class ImportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(
            paramLabel = "FILE",
            description = "The content.json to import; photo paths are relative to its folder.")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) throw new Main.UserError(file + ": no such file");
        var config = common.config();
        try (Database db = Database.open(config)) {
            var result = new Importer(db.jdbi(), new MediaFiles(config.mediaDir(), db.jdbi())).importFile(file);
            System.out.printf(
                    "Imported %s: %d articles created, %d updated; %d sections, %d authors, %d topics, %d photos, %d newsletters.%n",
                    file,
                    result.articlesCreated(),
                    result.articlesUpdated(),
                    result.sections(),
                    result.authors(),
                    result.topics(),
                    result.photos(),
                    result.newsletters());
            return 0;
        } catch (ImportException e) {
            System.err.println("Nothing was imported:");
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
