package broadsheet.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells this node when content changed anywhere: any writer (another node, an import) runs
 * {@code NOTIFY content_changed} in its transaction, and every node drops what it cached. A
 * notification whose payload is not empty names the surrogate keys whose pages changed, separated by
 * spaces (the comments trigger sends {@code comments-<article id>}; a published article's change sends
 * its {@code article-<id>} and {@link #LISTS}), and only those pages are dropped.
 */
public final class ContentChanges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContentChanges.class);
    public static final String CHANNEL = "content_changed";

    /** Announces, when the surrounding transaction commits, that published content changed. */
    public static void announce(org.jdbi.v3.core.Handle h) {
        h.createQuery("select pg_notify('" + CHANNEL + "', '')")
                .mapTo(String.class)
                .findOne();
    }

    /**
     * The surrogate key of every page that lists articles (home, fronts, topic and author pages, archive,
     * feeds, sitemaps): what a published article's change drops besides its own pages.
     */
    public static final String LISTS = "lists";

    /** More articles than this in one announcement: everything is dropped (a notification holds 8,000 bytes). */
    static final int MOST_ARTICLES = 200;

    /**
     * Announces, when the surrounding transaction commits, that these articles changed as readers see
     * them (published, edited while published, unpublished, corrected): their own pages and every list
     * are dropped, and the other articles' pages stay cached (their read-next blocks expire on their own,
     * see {@code ArticlePages}), so a busy newsroom's publishing does not empty every node's cache.
     */
    public static void announceArticles(org.jdbi.v3.core.Handle h, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return;
        if (ids.size() > MOST_ARTICLES) {
            announce(h);
            return;
        }
        StringBuilder keys = new StringBuilder();
        for (long id : ids) keys.append("article-").append(id).append(' ');
        announce(h, keys.append(LISTS).toString());
    }

    /** Announces, when the surrounding transaction commits, that only the pages carrying these surrogate keys changed. */
    public static void announce(org.jdbi.v3.core.Handle h, String surrogateKey) {
        h.createQuery("select pg_notify('" + CHANNEL + "', :key)")
                .bind("key", surrogateKey)
                .mapTo(String.class)
                .findOne();
    }

    private final DataSource ds;
    private final Runnable onChange;
    private final java.util.function.Consumer<String> onKey;
    private final Thread thread;
    private volatile boolean running = true;
    private final java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);

    /**
     * Starts listening and returns once the listener is in place (or after ten seconds, with a warning),
     * so that nothing this node caches from its first request on can miss a change.
     */
    public ContentChanges(DataSource ds, Runnable onChange) {
        this(ds, onChange, key -> onChange.run());
    }

    /** @param onKey told the surrogate key of a change that concerns only the pages carrying it */
    public ContentChanges(DataSource ds, Runnable onChange, java.util.function.Consumer<String> onKey) {
        this.ds = ds;
        this.onChange = onChange;
        this.onKey = onKey;
        // a platform thread: it must run as soon as a change arrives, not after the requests queued before it
        this.thread = Thread.ofPlatform().daemon().name("content-changes").start(this::listen);
        try {
            if (!listening.await(10, java.util.concurrent.TimeUnit.SECONDS))
                LOG.warn("content change listener not yet listening after 10 s; pages cached until it is may be stale");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("listen " + CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                onChange.run(); // anything may have changed while we were not listening
                listening.countDown();
                while (running) {
                    PGNotification[] n = pg.getNotifications(1000);
                    if (n == null || n.length == 0) continue;
                    java.util.Set<String> keys = new java.util.LinkedHashSet<>();
                    boolean everything = false;
                    for (PGNotification one : n) {
                        String payload = one.getParameter();
                        if (payload == null || payload.isBlank()) everything = true;
                        else for (String key : payload.trim().split(" +")) keys.add(key);
                    }
                    if (everything) onChange.run();
                    else keys.forEach(onKey);
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) return;
                if (e instanceof SQLException sql
                        && sql.getSQLState() != null
                        && sql.getSQLState().startsWith("57P")) { // the server is shutting down (Ctrl+C reaches it too)
                    LOG.debug("content change listener: the database is shutting down");
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                    continue;
                }
                LOG.warn("content change listener lost its connection, retrying: {}", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
