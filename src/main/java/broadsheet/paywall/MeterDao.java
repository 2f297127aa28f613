package broadsheet.paywall;

import java.time.Duration;
import org.jdbi.v3.core.Handle;

/** The signed-in meter's SQL: reads of subscriber articles per reader, in the caller's transaction. */
final class MeterDao {
    private MeterDao() {}

    /** Locks the reader's row, so two requests at once count one after the other. */
    static void lockReader(Handle h, long userId) {
        h.createQuery("select id from users where id = :u for update")
                .bind("u", userId)
                .mapTo(Long.class)
                .findOne();
    }

    /** Whether the reader read this article on the meter within the window. */
    static boolean readWithin(Handle h, long userId, long articleId, Duration window) {
        return h.createQuery("""
                select count(*) > 0 from paywall_reads
                 where user_id = :u and article_id = :a and read_at > now() - make_interval(days => :days)""")
                .bind("u", userId)
                .bind("a", articleId)
                .bind("days", (int) window.toDays())
                .mapTo(Boolean.class)
                .one();
    }

    static int readsWithin(Handle h, long userId, Duration window) {
        return h.createQuery(
                        "select count(*) from paywall_reads where user_id = :u and read_at > now() - make_interval(days => :days)")
                .bind("u", userId)
                .bind("days", (int) window.toDays())
                .mapTo(Integer.class)
                .one();
    }

    static void recordRead(Handle h, long userId, long articleId) {
        h.createUpdate("""
                insert into paywall_reads (user_id, article_id) values (:u, :a)
                on conflict (user_id, article_id) do update set read_at = now()""").bind("u", userId).bind("a", articleId).execute();
    }

    /** Counts one more meter started from this network today; returns how many it has started today. */
    static int startFromNetwork(Handle h, String network) {
        return h.createQuery("""
                insert into meter_networks (network, day, starts) values (:n, current_date, 1)
                on conflict (network, day) do update set starts = meter_networks.starts + 1
                returning starts""").bind("n", network).mapTo(Integer.class).one();
    }
}
