package broadsheet.following;

import broadsheet.articles.ArticleSummary;
import broadsheet.db.Cursor;
import broadsheet.jobs.Repeating;
import broadsheet.mail.Mail;
import broadsheet.mail.Mailer;
import broadsheet.web.Paths;
import broadsheet.web.Site;
import broadsheet.web.Views;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the daily Following digests that are due. Several nodes may run it: each claims a batch of
 * due readers with FOR UPDATE SKIP LOCKED and holds them for a few minutes, so no two nodes mail the
 * same reader; a node that dies mid-batch leaves its claims to expire and another node sends them
 * (at least once: a crash between sending and recording can repeat one digest, never skip one). A node
 * asked to stop ({@link #close()}) finishes the digest under way and releases the rest of its batch at once.
 */
public final class DigestSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DigestSender.class);
    static final int BATCH = 50;
    static final int MOST = 30;

    public record DigestMail(Site site, String name, List<Feed.Item> items, boolean more, String unsubscribeUrl) {}

    private final DigestDao dao;
    private final Feed feed;
    private final Mailer mailer;
    private final Views views;
    private final Supplier<Site> site;
    private final Repeating timer = new Repeating("following-digest", this::runOnce);
    private volatile boolean stopping;

    public DigestSender(DigestDao dao, Feed feed, Mailer mailer, Views views, Supplier<Site> site) {
        this.dao = dao;
        this.feed = feed;
        this.mailer = mailer;
        this.views = views;
        this.site = site;
    }

    public DigestSender start(Duration every) {
        timer.start(Duration.ofSeconds(5), every);
        return this;
    }

    /** Sends every digest due now, a batch at a time; returns how many mails went out. */
    public int runOnce() {
        int sent = 0;
        List<DigestDao.Due> batch;
        do {
            if (stopping) break;
            batch = dao.claim(BATCH);
            for (int next = 0; next < batch.size(); next++) {
                if (stopping) {
                    dao.release(batch.subList(next, batch.size()).stream()
                            .map(DigestDao.Due::userId)
                            .toList());
                    break;
                }
                DigestDao.Due d = batch.get(next);
                Instant through = Instant.now();
                List<Feed.Item> items = feed.page(d.userId(), Cursor.first(), MOST + 1).items().stream()
                        .filter(i -> i.article().publishedAt().isAfter(d.sentThrough()))
                        .toList();
                if (!items.isEmpty()
                        && !d.suppressed()) { // a bounced or complaining address is never mailed (see newsletters)
                    try {
                        mailer.send(mail(d, items));
                    } catch (RuntimeException e) {
                        // one address the server refuses must not hold up everyone after it: try this one tomorrow
                        LOG.warn("Following digest to reader {} not sent: {}", d.userId(), e.getMessage());
                        done(d, d.sentThrough());
                        continue;
                    }
                    sent++;
                    through = items.get(0).article().publishedAt().isAfter(through)
                            ? items.get(0).article().publishedAt()
                            : through;
                }
                done(d, through);
            }
        } while (batch.size() == BATCH && !stopping);
        if (sent > 0) LOG.info("sent {} Following digest(s)", sent);
        return sent;
    }

    private void done(DigestDao.Due d, Instant through) {
        dao.done(d.userId(), through, Digests.nextDue(Instant.now(), site.get().zone()));
    }

    private Mail mail(DigestDao.Due d, List<Feed.Item> items) {
        Site s = site.get();
        boolean more = items.size() > MOST;
        List<Feed.Item> shown = more ? items.subList(0, MOST) : items;
        String unsubscribe = s.absolute(Paths.digestUnsubscribe(d.token()));
        StringBuilder text = new StringBuilder("New from what you follow at " + s.name() + ":\n\n");
        for (Feed.Item i : shown) {
            ArticleSummary a = i.article();
            text.append("- ")
                    .append(a.headline())
                    .append("\n  ")
                    .append(i.why())
                    .append("\n  ")
                    .append(s.absolute(s.articlePath(a.slug(), a.publishedAt())))
                    .append("\n\n");
        }
        if (more)
            text.append("More in Following: ")
                    .append(s.absolute(Paths.following()))
                    .append("\n\n");
        text.append("Manage what you follow: ")
                .append(s.absolute(Paths.followingManage()))
                .append('\n')
                .append("Stop these emails: ")
                .append(unsubscribe)
                .append('\n');
        String html = new String(
                views.render("following/digest-mail.jte", new DigestMail(s, d.name(), shown, more, unsubscribe)),
                java.nio.charset.StandardCharsets.UTF_8);
        String subject = shown.size() == 1
                ? "New from what you follow: " + shown.get(0).article().headline()
                : shown.size() + (more ? "+" : "") + " new articles from what you follow";
        return new Mail(
                d.email(),
                subject,
                text.toString(),
                html,
                Map.of(
                        "List-Unsubscribe",
                        "<" + unsubscribe + ">",
                        "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click"));
    }

    /** Stops after the digest under way; the readers claimed and not yet sent to are released. */
    @Override
    public void close() {
        stopping = true;
        timer.close();
    }
}
