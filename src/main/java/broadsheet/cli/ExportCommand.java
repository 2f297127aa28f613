package broadsheet.cli;

import broadsheet.content.Exporter;
import broadsheet.db.Database;
import broadsheet.media.MediaFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "export",
        description = "Export all content to DIR/content.json with photos under DIR/photos, ready to import elsewhere.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "DIR", description = "Folder to write into (created if missing).")
    Path dir;

    @Override
    public Integer call() {
        var config = common.config();
        try (Database db = Database.open(config)) {
            var result = new Exporter(db.jdbi(), new MediaFiles(config.mediaDir(), db.jdbi())).export(dir);
            System.out.printf(
                    "Exported %d articles and %d photos to %s.%n", result.articles(), result.photos(), result.file());
            return 0;
        }
    }
}
