package broadsheet.cli;

import broadsheet.Config;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command shares (broadsheet-tools.jar's commands too); each falls back to its environment variable. */
public final class CommonOptions {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where the embedded database and photos live (env DATA_DIR, default ./data).")
    Path dataDir;

    @Option(
            names = "--database-url",
            paramLabel = "URL",
            description =
                    "An external PostgreSQL 14+ instead of the embedded one: jdbc:postgresql://... or postgres://user:pass@host:5432/db (env DATABASE_URL).")
    String databaseUrl;

    public Config config() {
        Config c = Config.fromEnv(System.getenv());
        if (dataDir != null) c = c.withDataDir(dataDir);
        if (databaseUrl != null) c = c.withDatabaseUrl(databaseUrl);
        return c;
    }
}
