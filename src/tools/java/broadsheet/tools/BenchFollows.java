package broadsheet.tools;

import broadsheet.cli.Main;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Readers and what they follow, for the Following benchmark. Each reader follows 10 to 500 things,
 * most a few dozen (a Pareto tail); picks favour big topics and busy authors (Zipf over their
 * article counts), so a few topics have tens of thousands of followers and most have a handful.
 * Two readers are made on purpose: one following 500 things, one following only topics that have
 * had no article for months.
 */
final class BenchFollows {

    static final int MIN = 10;
    static final int MAX = 500;

    private final Jdbi jdbi;
    private final Random rnd;

    BenchFollows(Jdbi jdbi, Random rnd) {
        this.jdbi = jdbi;
        this.rnd = rnd;
    }

    void generate(int readers) throws SQLException {
        jdbi.<SQLException>useTransaction(h -> {
            List<Long> topics = h.createQuery(
                            "select topic_id from article_topics group by topic_id order by count(*) desc, topic_id")
                    .mapTo(Long.class)
                    .list();
            List<Long> authors = h.createQuery(
                            "select author_id from article_authors group by author_id order by count(*) desc, author_id")
                    .mapTo(Long.class)
                    .list();
            List<Long> sections = h.createQuery("select id from sections order by id")
                    .mapTo(Long.class)
                    .list();
            List<Long> quiet = h.createQuery("""
                    select topic_id from article_topics group by topic_id
                    having max(published_at) < now() - interval '90 days' order by topic_id limit 20""").mapTo(Long.class).list();
            if (quiet.isEmpty())
                throw new Main.UserError("no topic has been quiet for 90 days; generate a bigger archive");
            CopyManager copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI();
            users(copy, readers);
            List<Long> ids = h.createQuery("select id from users where email like 'reader-%@bench.example' order by id")
                    .mapTo(Long.class)
                    .list();
            h.execute("alter table follows disable trigger follows_count");
            BenchRows rows = new BenchRows(copy.copyIn("copy follows (user_id, kind, target_id) from stdin"));
            Zipf topicRank = new Zipf(topics.size(), 0.9);
            Zipf authorRank = new Zipf(authors.size(), 0.8);
            for (int i = 0; i < ids.size(); i++) {
                long user = ids.get(i);
                boolean stale = i == 1;
                int n = i == 0 ? MAX : stale ? quiet.size() : count();
                Set<String> seen = new HashSet<>();
                while (seen.size() < n) {
                    String kind;
                    long target;
                    if (stale) {
                        kind = "topic";
                        target = quiet.get(seen.size());
                    } else {
                        double x = rnd.nextDouble();
                        if (x < 0.70) {
                            kind = "topic";
                            target = topics.get(topicRank.next(rnd));
                        } else if (x < 0.97) {
                            kind = "author";
                            target = authors.get(authorRank.next(rnd));
                        } else {
                            kind = "section";
                            target = sections.get(rnd.nextInt(sections.size()));
                        }
                    }
                    if (seen.add(kind + target)) rows.row(String.valueOf(user), kind, String.valueOf(target));
                }
            }
            rows.end();
            h.execute("alter table follows enable trigger follows_count");
            h.execute("""
                    insert into follow_counts (kind, target_id, followers) select kind, target_id, count(*) from follows group by kind, target_id
                    on conflict (kind, target_id) do update set followers = excluded.followers""");
        });
    }

    /** 10 to 500, most near the bottom: a Pareto tail with alpha 1.2 (mean about 55). */
    private int count() {
        double u = 1 - rnd.nextDouble();
        return (int) Math.min(MAX, Math.floor(MIN / Math.pow(u, 1 / 1.2)));
    }

    private static void users(CopyManager copy, int readers) throws SQLException {
        BenchRows rows = new BenchRows(
                copy.copyIn("copy users (email, email_confirmed_at, password_hash, display_name) from stdin"));
        // No password: these accounts are signed in by the benchmark's own sessions and cannot sign in otherwise.
        rows.row("reader-heavy@bench.example", "2026-01-01T00:00:00Z", "!", "Heavy Reader");
        rows.row("reader-stale@bench.example", "2026-01-01T00:00:00Z", "!", "Quiet Reader");
        for (int i = 2; i < readers; i++)
            rows.row("reader-" + i + "@bench.example", "2026-01-01T00:00:00Z", "!", "Reader " + i);
        rows.end();
    }
}
