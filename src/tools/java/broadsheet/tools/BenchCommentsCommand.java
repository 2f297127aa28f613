package broadsheet.tools;

import broadsheet.cli.CommonOptions;
import broadsheet.cli.Main;
import broadsheet.db.Cursor;
import broadsheet.db.Database;
import broadsheet.newsroom.moderation.ModerationQueue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Generates many comments (a share of them waiting for review) on the articles already in a
 * database, then times the newsroom moderation queue's exact query: its first page, a page deep
 * in the queue, and the first page for one article, printing EXPLAIN ANALYZE for each.
 */
@Command(
        name = "bench-comments",
        description = "Generate N comments on existing articles (bench-data first, or any paper) and time "
                + "the moderation queue's first and deep pages, with EXPLAIN ANALYZE.")
final class BenchCommentsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(
            names = "--comments",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "How many comments to add (default ${DEFAULT-VALUE}); 0 only measures.")
    int comments;

    @Option(
            names = "--review-share",
            paramLabel = "F",
            defaultValue = "0.05",
            description = "Share of comments held or reported, so in the queue (default ${DEFAULT-VALUE}).")
    double reviewShare;

    @Option(
            names = "--runs",
            defaultValue = "20",
            description = "Timed runs per query; the median is reported (default ${DEFAULT-VALUE}).")
    int runs;

    static final int BATCH = 100_000;
    static final int READERS = 5_000;

    @Override
    public Integer call() {
        if (comments < 0) throw new Main.UserError("--comments must be 0 or more");
        if (reviewShare < 0 || reviewShare > 1) throw new Main.UserError("--review-share must be between 0 and 1");
        try (Database db = Database.open(common.config())) {
            Jdbi jdbi = db.jdbi();
            long articles =
                    jdbi.withHandle(h -> h.createQuery("select count(*) from articles where status = 'published'")
                            .mapTo(Long.class)
                            .one());
            if (articles == 0)
                throw new Main.UserError("there are no published articles to comment on; run bench-data first");
            if (comments > 0) generate(jdbi);
            measure(jdbi);
            return 0;
        }
    }

    private void generate(Jdbi jdbi) {
        long started = System.nanoTime();
        jdbi.useHandle(h -> h.execute("""
                insert into users (email, password_hash, display_name, role, email_confirmed_at)
                select 'bench-reader-' || g || '@example.invalid', 'not-a-hash', 'Reader ' || g, 'reader', now()
                  from generate_series(1, ?) g
                on conflict (email) do nothing""", READERS));
        for (int done = 0; done < comments; done += BATCH) {
            int n = Math.min(BATCH, comments - done);
            jdbi.useTransaction(h ->
                    h.createUpdate("""
                    with a as (select array_agg(id) ids from articles where status = 'published'),
                         u as (select array_agg(id) ids from users where email like 'bench-reader-%')
                    insert into comments (article_id, user_id, author_name, body, body_html, status, hold_reason, needs_review,
                                          report_count, like_count, created_at)
                    select a.ids[1 + (random() * (cardinality(a.ids) - 1))::int], u.ids[1 + (g % cardinality(u.ids))],
                           'Reader ' || (g % 5000), 'Generated comment ' || g || ' for the benchmark.',
                           '<p>Generated comment ' || g || ' for the benchmark.</p>',
                           case when r < :share * 0.8 then 'pending' else 'visible' end,
                           case when r < :share * 0.4 then 'new_account' when r < :share * 0.6 then 'words'
                                when r < :share * 0.8 then 'reports' when r < :share then 'reported' end,
                           r < :share, case when r >= :share * 0.6 and r < :share then 1 + (g % 4) else 0 end, g % 7,
                           now() - make_interval(secs => (random() * 365 * 86400)::int)
                      from a, u, (select g, random() r from generate_series(1, :n) g) s""").bind("share", reviewShare).bind("n", n).execute());
            System.out.printf(
                    Locale.ROOT, "  %,d comments added (%.0f s)%n", done + n, (System.nanoTime() - started) / 1e9);
        }
        jdbi.useHandle(h -> h.execute("analyze comments"));
        System.out.printf(
                Locale.ROOT, "Generated %,d comments in %.1f s.%n", comments, (System.nanoTime() - started) / 1e9);
    }

    private void measure(Jdbi jdbi) {
        jdbi.useHandle(h -> {
            long total = h.createQuery("select count(*) from comments")
                    .mapTo(Long.class)
                    .one();
            long waiting = h.createQuery("select count(*) from comments where needs_review")
                    .mapTo(Long.class)
                    .one();
            System.out.printf(Locale.ROOT, "Comments: %,d; in the moderation queue: %,d.%n", total, waiting);
            if (waiting == 0) return;
            ModerationQueue.Filter all = new ModerationQueue.Filter(null, "", "");
            Cursor deep = cursorAt(h, Math.max(0, waiting * 9 / 10));
            Long busiest = h.createQuery(
                            "select article_id from comments where needs_review group by article_id order by count(*) desc limit 1")
                    .mapTo(Long.class)
                    .one();
            report(h, "first page (50), no filter", all, Cursor.first());
            report(h, "deep page (50) at 90% of the queue, row " + (waiting * 9 / 10), all, deep);
            report(
                    h,
                    "first page (50), one article (" + busiest + ")",
                    new ModerationQueue.Filter(busiest, "", ""),
                    Cursor.first());
            report(h, "first page (50), reason = words", new ModerationQueue.Filter(null, "", "words"), Cursor.first());
        });
    }

    private static Cursor cursorAt(Handle h, long offset) {
        return h.createQuery(
                        "select created_at, id from comments where needs_review order by created_at desc, id desc offset :o limit 1")
                .bind("o", offset)
                .map((rs, ctx) -> new Cursor(rs.getTimestamp(1).toInstant(), rs.getLong(2)))
                .one();
    }

    private void report(Handle h, String label, ModerationQueue.Filter f, Cursor after) {
        String sql = ModerationQueue.sql(f);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs + 2; i++) {
            long t0 = System.nanoTime();
            var q = h.createQuery(sql)
                    .bind("at", java.sql.Timestamp.from(after.at()))
                    .bind("id", after.id())
                    .bind("n", 51);
            if (f.articleId() != null) q.bind("article", f.articleId());
            if (!f.reason().isEmpty()) q.bind("reason", f.reason());
            int rows = q.mapToMap().list().size();
            if (i >= 2) ms.add((System.nanoTime() - t0) / 1e6); // two warm-up runs
            if (rows == 0) break;
        }
        Collections.sort(ms);
        double median = ms.isEmpty() ? 0 : ms.get(ms.size() / 2);
        double max = ms.isEmpty() ? 0 : ms.get(ms.size() - 1);
        System.out.printf(
                Locale.ROOT, "%n%s: median %.2f ms, slowest %.2f ms over %d runs%n", label, median, max, ms.size());
        String explain = "explain (analyze, buffers, costs off) " + sql;
        var q = h.createQuery(explain)
                .bind("at", java.sql.Timestamp.from(after.at()))
                .bind("id", after.id())
                .bind("n", 51);
        if (f.articleId() != null) q.bind("article", f.articleId());
        if (!f.reason().isEmpty()) q.bind("reason", f.reason());
        q.mapTo(String.class).list().forEach(line -> System.out.println("    " + line));
    }
}
