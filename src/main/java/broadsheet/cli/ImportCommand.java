package broadsheet.cli;

import broadsheet.Config;
import broadsheet.content.ImportException;
import broadsheet.content.Importer;
import broadsheet.db.Database;
import broadsheet.media.MediaFiles;
import broadsheet.newsroom.articles.TopicBackfill;
import broadsheet.newsroom.articles.TopicBackfillDao;
import broadsheet.topics.suggest.SuggestDao;
import broadsheet.topics.suggest.TopicSuggestions;
import broadsheet.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        description = "Import articles, authors, topics, sections, photos and newsletters from a content file "
                + "(docs/content-format.md). A bad file imports nothing; re-importing updates in place.")
final class ImportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--suggest-topics",
            description = "Give the imported articles that arrive without topics the existing topics the suggester"
                    + " finds among its first five, printing what it added to each.")
    boolean suggestTopics;

    @Option(
            names = "--new-topics",
            description = "With --suggest-topics: also create the new people, organizations and places among them.")
    boolean newTopics;

    @Parameters(
            paramLabel = "FILE",
            description = "The content.json to import; photo paths are relative to its folder.")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) throw new Main.UserError(file + ": no such file");
        if (newTopics && !suggestTopics) throw new Main.UserError("--new-topics works only with --suggest-topics");
        var config = common.config();
        try (Database db = Database.open(config)) {
            var result = new Importer(db.jdbi(), new MediaFiles(config.mediaDir(), db.jdbi())).importFile(file);
            out().printf(
                            "Imported %s: %d articles created, %d updated; %d sections, %d authors, %d topics, %d photos, %d newsletters.%n",
                            file,
                            result.articlesCreated(),
                            result.articlesUpdated(),
                            result.sections(),
                            result.authors(),
                            result.topics(),
                            result.photos(),
                            result.newsletters());
            if (suggestTopics) suggest(db, config, untaggedSlugs(file));
            return 0;
        } catch (ImportException e) {
            spec.commandLine().getErr().println("Nothing was imported:");
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The slugs of the file's articles that have no topics in it. */
    private static List<String> untaggedSlugs(Path file) {
        try {
            List<String> out = new ArrayList<>();
            for (JsonNode a : Json.MAPPER.readTree(file.toFile()).path("articles")) {
                if (a.path("topics").isEmpty()) out.add(a.path("slug").asText());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void suggest(Database db, Config config, List<String> slugs) {
        TopicBackfillDao dao = new TopicBackfillDao(db.jdbi());
        TopicBackfill backfill = new TopicBackfill(
                db.jdbi(),
                new TopicSuggestions(new SuggestDao(db.jdbi()), config.dataDir().resolve("models")));
        int articles = 0;
        int topics = 0;
        for (long id : dao.untaggedBySlug(slugs)) {
            TopicBackfillDao.Row a = dao.one(id).orElseThrow();
            List<String> added = backfill.apply(id, backfill.choose(a, newTopics));
            out().printf(
                            "Topics for %s: %s%n",
                            a.slug(), added.isEmpty() ? "none suggested" : String.join(", ", added));
            if (!added.isEmpty()) articles++;
            topics += added.size();
        }
        out().printf(
                        "Suggested topics: %d added to %d of %d articles without topics.%n",
                        topics, articles, slugs.size());
    }
}
