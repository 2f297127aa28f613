package broadsheet.cli;

import broadsheet.accounts.User;
import broadsheet.accounts.UserDao;
import broadsheet.db.Database;
import broadsheet.media.MediaFiles;
import broadsheet.newsroom.articles.ArticleDesk;
import broadsheet.web.Json;
import broadsheet.web.Role;
import broadsheet.wire.Pictures;
import broadsheet.wire.WireService;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import-wire",
        description = "Turn wire stories in IPTC ninjs 2.x JSON into draft articles for an editor to review. "
                + "A newer version of an item updates its draft, unless an editor has changed it (docs/api.md).")
final class ImportWireCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "FILE",
            arity = "1..*",
            description =
                    "JSON files, each one ninjs item or an array of them; picture paths are relative to the file.")
    List<Path> files;

    @Option(
            names = "--as",
            required = true,
            paramLabel = "EMAIL",
            description = "The editor the drafts and the audit log are recorded under.")
    String as;

    @Option(
            names = "--section",
            paramLabel = "SLUG",
            description = "The section new drafts go to (default: the paper's first section).")
    String section;

    @Option(
            names = "--allow-host",
            paramLabel = "HOST",
            description = "Fetch pictures from this host even though it is on a private or local network "
                    + "(repeatable). Other hosts must be on public addresses.")
    List<String> allowHosts = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> missing = files.stream().filter(f -> !Files.isRegularFile(f)).toList();
        if (!missing.isEmpty()) throw new Main.UserError(missing.getFirst() + ": no such file");
        var config = common.config();
        try (Database db = Database.open(config)) {
            User user = new UserDao(db.jdbi())
                    .byEmail(as.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new Main.UserError("--as " + as + ": no account has this address"));
            if (!user.atLeast(Role.EDITOR))
                throw new Main.UserError("--as " + as + ": wire imports need an editor or admin account, not a "
                        + user.role().label().toLowerCase(Locale.ROOT));
            WireService wire = new WireService(
                    db.jdbi(), new MediaFiles(config.mediaDir(), db.jdbi()), new ArticleDesk(db.jdbi()));
            List<WireService.Result> all = new ArrayList<>();
            for (Path file : files) {
                List<JsonNode> items = read(file);
                Pictures pictures =
                        Pictures.fromFolder(file.toAbsolutePath().getParent(), new LinkedHashSet<>(allowHosts));
                all.addAll(wire.importItems(user, items, section, pictures, r -> out.println(line(file, r))));
            }
            Map<WireService.Outcome, Integer> n = WireService.count(all);
            out.printf(
                    "Imported %d wire items from %d files: %d created, %d updated, %d unchanged, %d kept (changed in the newsroom), %d skipped, %d refused.%n",
                    all.size(),
                    files.size(),
                    n.get(WireService.Outcome.CREATED),
                    n.get(WireService.Outcome.UPDATED),
                    n.get(WireService.Outcome.UNCHANGED),
                    n.get(WireService.Outcome.KEPT),
                    n.get(WireService.Outcome.SKIPPED),
                    n.get(WireService.Outcome.REFUSED));
            out.flush();
            return n.get(WireService.Outcome.REFUSED) > 0 ? 1 : 0;
        }
    }

    private static List<JsonNode> read(Path file) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new Main.UserError(
                    file + ": not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        List<JsonNode> items = new ArrayList<>();
        if (json != null && json.isArray()) json.forEach(items::add);
        else if (json != null && json.isObject()) items.add(json);
        else throw new Main.UserError(file + ": holds no ninjs item (a JSON object, or an array of them)");
        return items;
    }

    /** "feed.json #0 created draft 12: Ferry strike ends (urn:...)" */
    private static String line(Path file, WireService.Result r) {
        String what = switch (r.outcome()) {
            case CREATED -> "created draft " + r.articleId();
            case UPDATED -> "updated draft " + r.articleId();
            case UNCHANGED -> "unchanged (draft " + r.articleId() + ")";
            case KEPT -> "kept draft " + r.articleId() + " as it is";
            case SKIPPED -> "skipped";
            case REFUSED -> "refused";
        };
        String note = r.message().isEmpty() ? "" : " — " + (r.field().isEmpty() ? "" : r.field() + ": ") + r.message();
        return file.getFileName() + " #" + r.index() + " " + what + ": " + r.headline() + " (" + r.agencyId() + ")"
                + note;
    }
}
