package broadsheet.cli;

import broadsheet.db.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate", description = "Bring the database schema up to date and exit.")
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        try (Database db = Database.open(common.config())) {
            System.out.println("The database schema is up to date.");
        }
        return 0;
    }
}
