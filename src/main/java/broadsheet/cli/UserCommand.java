package broadsheet.cli;

import broadsheet.accounts.StaffAccounts;
import broadsheet.db.Database;
import broadsheet.web.Role;
import broadsheet.web.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "user",
        description = "Create a confirmed account with a role (or update the role and password of an existing one), "
                + "for example the first admin.")
final class UserCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "EMAIL", description = "The account's email address.")
    String email;

    @Option(
            names = "--role",
            defaultValue = "admin",
            description = "reader, contributor, editor or admin (default admin).")
    String role;

    @Option(names = "--name", defaultValue = "", description = "Display name.")
    String name;

    @Option(
            names = "--password-stdin",
            description = "Read the password from standard input instead of generating one.")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
        Role r;
        try {
            r = Role.of(role);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError("--role must be reader, contributor, editor or admin, not " + role);
        }
        String password = passwordStdin
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine()
                : Tokens.random().substring(0, 20);
        try (Database db = Database.open(common.config())) {
            new StaffAccounts(db.jdbi()).save(email, name, r, password == null ? "" : password);
        } catch (IllegalArgumentException e) {
            throw new Main.UserError(e.getMessage());
        }
        System.out.println("Saved " + email + " as " + r.label().toLowerCase() + "."
                + (passwordStdin ? "" : " Password: " + password));
        return 0;
    }
}
