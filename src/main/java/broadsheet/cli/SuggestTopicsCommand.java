package broadsheet.cli;

import broadsheet.db.Database;
import broadsheet.newsroom.articles.TopicBackfill;
import broadsheet.newsroom.articles.TopicBackfillDao;
import broadsheet.topics.suggest.KnownTopic;
import broadsheet.topics.suggest.SuggestDao;
import broadsheet.topics.suggest.Suggestion;
import broadsheet.topics.suggest.TopicSuggestions;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "suggest-topics",
        description = "Suggest topics for the archive's articles: prints per article what it would add (a dry run)"
                + " unless --apply is given, which writes them one article per transaction, audited, with a new"
                + " version. Progress goes to stderr.")
final class SuggestTopicsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--apply", description = "Write the topics (without it nothing is written).")
    boolean apply;

    @Option(
            names = "--new-topics",
            description = "Also create the new people, organizations and places suggested (by default only existing"
                    + " topics are added).")
    boolean newTopics;

    @Option(names = "--section", paramLabel = "SLUG", description = "Only articles in this section.")
    String section;

    @Option(
            names = "--since",
            paramLabel = "DATE",
            description = "Only articles published (or, unpublished, created) on or after this day, e.g. 2026-01-31.")
    String since;

    @Option(names = "--limit", paramLabel = "N", description = "At most this many articles.")
    Integer limit;

    @Option(names = "--untagged", description = "Only articles that have no topics yet.")
    boolean untagged;

    @Override
    public Integer call() {
        if (limit != null && limit < 1) throw new Main.UserError("--limit must be 1 or more, not " + limit);
        Instant from = null;
        if (since != null) {
            try {
                from = LocalDate.parse(since.strip())
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw new Main.UserError("--since takes a day as year-month-day, like 2026-01-31, not " + since);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var config = common.config();
        try (Database db = Database.open(config)) {
            TopicBackfillDao dao = new TopicBackfillDao(db.jdbi());
            if (section != null && !dao.sectionExists(section))
                throw new Main.UserError("--section: no section has the slug " + section);
            TopicBackfill backfill = new TopicBackfill(
                    db.jdbi(),
                    new TopicSuggestions(
                            new SuggestDao(db.jdbi()), config.dataDir().resolve("models")));
            TopicBackfillDao.Filter filter = new TopicBackfillDao.Filter(section, from, untagged);
            long total = Math.min(dao.count(filter), limit == null ? Long.MAX_VALUE : limit);
            long start = System.nanoTime();
            long lastPrint = start;
            long done = 0;
            long changed = 0;
            long topics = 0;
            long after = 0;
            while (done < total) {
                List<TopicBackfillDao.Row> page = dao.page(filter, after, (int) Math.min(200, total - done));
                if (page.isEmpty()) break;
                List<KnownTopic> known = backfill.known();
                for (TopicBackfillDao.Row a : page) {
                    after = a.id();
                    List<Suggestion> chosen = backfill.choose(a, newTopics, known);
                    List<String> added = apply
                            ? backfill.apply(a.id(), chosen)
                            : chosen.stream()
                                    .map(s -> s.isNew() ? s.typed() : s.name())
                                    .toList();
                    if (!added.isEmpty()) {
                        changed++;
                        topics += added.size();
                        out.printf(
                                "%s %d %s: %s%n",
                                apply ? "added to" : "would add to", a.id(), a.slug(), String.join(", ", added));
                    }
                    done++;
                    long now = System.nanoTime();
                    if (now - lastPrint >= 3_000_000_000L) {
                        lastPrint = now;
                        err.println(ReindexCommand.progress(done, total, Duration.ofNanos(now - start)));
                        err.flush();
                    }
                }
            }
            out.printf(
                    "%s %d topics to %d of %d articles in %.1f s%s.%n",
                    apply ? "Added" : "Would add",
                    topics,
                    changed,
                    done,
                    (System.nanoTime() - start) / 1e9,
                    apply ? "" : " (a dry run: nothing was written; --apply writes)");
            out.flush();
            return 0;
        }
    }
}
