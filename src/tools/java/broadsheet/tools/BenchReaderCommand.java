package broadsheet.tools;

import broadsheet.cli.CommonOptions;
import broadsheet.cli.Main;
import broadsheet.db.Database;
import broadsheet.web.Tokens;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * One reader following N things (the largest topics, the busiest authors and every section, in that
 * mix), signed in: prints the value of its {@code bs_session} cookie, for loading {@code /following}
 * with wrk. Run again, it replaces the reader's follows and adds a new session.
 */
@Command(
        name = "bench-reader",
        description = "Make (or reset) a reader following N things and print a session cookie value for it.")
final class BenchReaderCommand implements Callable<Integer> {

    static final String EMAIL = "reader-follows@bench.example";

    @Mixin
    CommonOptions common;

    @Option(
            names = "--follows",
            paramLabel = "N",
            defaultValue = "100",
            description = "How many things the reader follows (default ${DEFAULT-VALUE}).")
    int follows;

    @Override
    public Integer call() {
        if (follows < 1 || follows > 1000) throw new Main.UserError("--follows must be between 1 and 1000");
        try (Database db = Database.open(common.config())) {
            String token = Tokens.random();
            int made = db.jdbi().inTransaction(h -> {
                long user = h.createQuery("""
                                insert into users (email, email_confirmed_at, password_hash, display_name)
                                values (:email, now(), '!', 'Bench Reader')
                                on conflict (email) do update set display_name = excluded.display_name
                                returning id""")
                        .bind("email", EMAIL)
                        .mapTo(Long.class)
                        .one();
                h.createUpdate("delete from follows where user_id = :u")
                        .bind("u", user)
                        .execute();
                // every section, then three topics for each author, largest first, until there are N
                int n = h.createUpdate("""
                                insert into follows (user_id, kind, target_id)
                                select :u, kind, target_id from (
                                  select 'section' kind, id target_id, 0 rank from sections
                                  union all
                                  select 'topic', topic_id, 3 * row_number() over (order by count(*) desc, topic_id)
                                    from article_topics group by topic_id
                                  union all
                                  select 'author', author_id, 9 * row_number() over (order by count(*) desc, author_id)
                                    from article_authors group by author_id
                                ) t order by rank, kind, target_id limit :n""").bind("u", user).bind("n", follows).execute();
                h.createUpdate("insert into sessions (id, user_id, expires_at) values (:id, :u, :exp)")
                        .bind("id", Tokens.sha256(token))
                        .bind("u", user)
                        .bind("exp", Timestamp.from(Instant.now().plus(7, ChronoUnit.DAYS)))
                        .execute();
                return n;
            });
            if (made < follows)
                System.err.printf("only %d things to follow in this paper (asked for %d)%n", made, follows);
            System.out.println(token);
            return 0;
        }
    }
}
