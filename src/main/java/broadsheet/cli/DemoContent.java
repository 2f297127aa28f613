package broadsheet.cli;

import broadsheet.Config;
import broadsheet.db.Database;

/** Loads the demo newspaper into an empty database. */
final class DemoContent {
    private DemoContent() {}

    static void loadIfEmpty(Database db, Config config) {
        // wired once the demo content and importer land
    }
}
