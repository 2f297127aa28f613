package broadsheet.tools;

import broadsheet.Config;
import broadsheet.articles.ArticleDao;
import broadsheet.cli.CommonOptions;
import broadsheet.cli.Main;
import broadsheet.db.Database;
import broadsheet.mail.MailConfig;
import broadsheet.mail.SmtpTransport;
import broadsheet.newsletters.IssueRenderer;
import broadsheet.newsletters.NewsletterDao;
import broadsheet.newsletters.NewsletterLinks;
import broadsheet.newsletters.NewsletterSender;
import broadsheet.newsletters.Outbox;
import broadsheet.web.Assets;
import broadsheet.web.Chrome;
import broadsheet.web.Views;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Sends one issue to N generated recipients through the real outbox and sender into an SMTP sink
 * on loopback, and reports messages per second and memory. The newsletter, its readers and the
 * issue are made for the run and deleted after it.
 */
@Command(
        name = "bench-newsletter",
        description = "Benchmark newsletter sending: one issue to N generated recipients through the outbox "
                + "into a local SMTP sink; prints messages/s and memory. Use a scratch --data-dir or database.")
final class BenchNewsletterCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(
            names = "--recipients",
            paramLabel = "N",
            defaultValue = "100000",
            description = "How many recipients (default ${DEFAULT-VALUE}).")
    int recipients;

    @Option(
            names = "--workers",
            paramLabel = "W",
            defaultValue = "2",
            description = "Sending threads, each with its own SMTP connection (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(
            names = "--batch",
            paramLabel = "B",
            defaultValue = "500",
            description = "Recipients claimed per batch (default ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public Integer call() throws Exception {
        if (recipients < 1 || workers < 1 || batch < 1)
            throw new Main.UserError("--recipients, --workers and --batch must be at least 1");
        Config config = common.config();
        try (Database db = Database.open(config);
                SmtpSink sink = new SmtpSink()) {
            Jdbi jdbi = db.jdbi();
            String slug = "bench-" + System.currentTimeMillis();
            long newsletter = jdbi.withHandle(
                    h -> h.createQuery("""
                    insert into newsletters (slug, name, description, audience, schedule)
                    values (:s, 'Benchmark briefing', 'Generated for a benchmark run.', 'everyone', '') returning id""").bind("s", slug).mapTo(Long.class).one());
            try {
                long t0 = System.nanoTime();
                jdbi.useHandle(h -> h.createUpdate("""
                        insert into newsletter_subscribers (newsletter_id, email, status, confirmed_at)
                        select :n, 'reader' || g || '@bench.invalid', 'active', now() from generate_series(1, :count) g""")
                        .bind("n", newsletter)
                        .bind("count", recipients)
                        .execute());
                long issue = jdbi.inTransaction(h -> {
                    long id = h.createQuery("""
                            insert into newsletter_issues (newsletter_id, subject, intro)
                            values (:n, 'Benchmark issue', :intro) returning id""")
                            .bind("n", newsletter)
                            .bind(
                                    "intro",
                                    "Good morning. Here is **what matters today**, chosen by our editors.\n\n"
                                            + "A second paragraph, as a real introduction would have, with [a link](https://example.org/).")
                            .mapTo(Long.class)
                            .one();
                    h.execute("""
                            insert into newsletter_issue_articles (issue_id, article_id, position)
                            select ?, id, row_number() over (order by published_at desc) from
                              (select id, published_at from articles where status = 'published' order by published_at desc limit 10) a""", id);
                    return id;
                });
                long t1 = System.nanoTime();
                int filled = jdbi.inTransaction(h -> Outbox.fill(h, issue));
                long t2 = System.nanoTime();

                Chrome chrome = new Chrome(
                        new broadsheet.db.Settings(jdbi),
                        new broadsheet.sections.SectionDao(jdbi),
                        new NewsletterDao(jdbi),
                        config,
                        new Assets());
                MailConfig mail =
                        new MailConfig("localhost", sink.port(), "", "", false, "Benchmark <news@bench.invalid>");
                NewsletterSender sender = new NewsletterSender(
                        jdbi,
                        new SmtpTransport(mail),
                        new IssueRenderer(new ArticleDao(jdbi), new Views(false), chrome::site),
                        new NewsletterDao(jdbi),
                        new broadsheet.newsletters.IssueDao(jdbi),
                        new NewsletterLinks(new broadsheet.db.Secrets(new broadsheet.db.Settings(jdbi))),
                        chrome::site,
                        mail.from(),
                        java.util.Optional.empty(),
                        batch,
                        workers);
                var memory = ManagementFactory.getMemoryMXBean();
                AtomicLong peakHeap = new AtomicLong();
                Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                double cpu0 = cpuSeconds();
                long s0 = System.nanoTime();
                int sent = sender.runOnce();
                long s1 = System.nanoTime();
                double cpu1 = cpuSeconds();
                sampler.interrupt();
                sender.close();
                double secs = (s1 - s0) / 1e9;
                System.out.printf(
                        "recipients:        %,d (outbox filled in %.2f s; readers and issue made in %.2f s)%n",
                        filled, (t2 - t1) / 1e9, (t1 - t0) / 1e9);
                System.out.printf(
                        "sent:              %,d messages in %.2f s = %,.0f messages/s (%d worker(s), batch %d)%n",
                        sent, secs, sent / secs, workers, batch);
                System.out.printf(
                        "SMTP sink got:     %,d messages, %,.1f MB (%.1f KB each)%n",
                        sink.messages.get(),
                        sink.bytes.get() / 1e6,
                        sink.messages.get() == 0 ? 0.0 : sink.bytes.get() / 1e3 / sink.messages.get());
                System.out.printf(
                        "process CPU:       %.1f s while sending (%.2f cores on average)%n",
                        cpu1 - cpu0, (cpu1 - cpu0) / secs);
                System.out.printf(
                        "memory:            peak heap used %,d MB (max heap %,d MB); RSS high-water %s%n",
                        peakHeap.get() >> 20, memory.getHeapMemoryUsage().getMax() >> 20, rssHighWater());
                return sent == filled && sink.messages.get() == filled ? 0 : 1;
            } finally {
                jdbi.useHandle(h -> h.execute("delete from newsletters where id = ?", newsletter));
            }
        }
    }

    private static double cpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() / 1e9 : 0;
    }

    private static String rssHighWater() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("VmHWM:\\s*", ""))
                    .findFirst()
                    .orElse("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }
}
