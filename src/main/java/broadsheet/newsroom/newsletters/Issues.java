package broadsheet.newsroom.newsletters;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.db.ContentChanges;
import broadsheet.newsletters.Issue;
import broadsheet.newsletters.IssueDao;
import broadsheet.newsletters.IssueRenderer;
import broadsheet.newsletters.IssueStatus;
import broadsheet.newsletters.Newsletter;
import broadsheet.newsletters.NewsletterMessage;
import broadsheet.newsletters.NewsletterSender;
import broadsheet.newsletters.Outbox;
import broadsheet.web.Form;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Site;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writing and sending issues: a draft's subject, introduction and articles (saved with optimistic
 * locking), a test to the editor alone, then a time to send or "send now", which fills the outbox
 * in one transaction and leaves the rest to the sender.
 */
public final class Issues {

    static final List<String> FIELDS = List.of("subject", "intro", "more", "version", "sendAt");

    /** A published article offered for the issue, and whether it is picked. */
    public record Suggestion(
            long id, String headline, String path, String section, Instant publishedAt, boolean picked) {}

    /** What a write did: 200, 404, 409 (changed meanwhile, or no longer a draft) or 422 (the form says why). */
    record Result(int status, long id, Form form, List<Long> articles, String problem) {
        boolean ok() {
            return status == 200;
        }
    }

    private final Jdbi jdbi;
    private final IssueDao issues;
    private final IssueRenderer renderer;
    private final NewsletterSender sender;
    private final Supplier<Site> site;

    public Issues(Jdbi jdbi, IssueDao issues, IssueRenderer renderer, NewsletterSender sender, Supplier<Site> site) {
        this.jdbi = jdbi;
        this.issues = issues;
        this.renderer = renderer;
        this.sender = sender;
        this.site = site;
    }

    /** Today's most relevant published articles for this newsletter: its section's newest first, then the newest overall. */
    List<Suggestion> suggestions(Newsletter n, List<Long> picked) {
        Site s = site.get();
        List<Suggestion> out =
                new ArrayList<>(jdbi.withHandle(h -> IssueDeskDao.suggestions(h, picked, n.slug())).stream()
                        .map(c -> suggestion(s, c, false))
                        .toList());
        if (!picked.isEmpty()) {
            List<Suggestion> chosen = jdbi.withHandle(h -> IssueDeskDao.picked(h, picked)).stream()
                    .map(c -> suggestion(s, c, true))
                    .toList();
            List<Suggestion> ordered = picked.stream()
                    .flatMap(id -> chosen.stream().filter(c -> c.id() == id))
                    .toList();
            out.addAll(0, ordered);
        }
        return out;
    }

    private static Suggestion suggestion(Site s, IssueDeskDao.Candidate c, boolean picked) {
        return new Suggestion(
                c.id(), c.headline(), s.articlePath(c.slug(), c.publishedAt()), c.section(), c.publishedAt(), picked);
    }

    Result create(User user, Newsletter n, Form form) {
        String subject = form.raw("subject").strip();
        if (subject.isEmpty()) form.error("subject", "Enter the subject readers will see in their inbox.");
        else if (subject.length() > 200) form.error("subject", "Use at most 200 characters for the subject.");
        if (form.hasErrors()) return new Result(422, 0, form, List.of(), null);
        long id = jdbi.inTransaction(h -> {
            long i = IssueDeskDao.insert(h, n.id(), subject, user.id());
            Audit.record(h, user, "started newsletter issue", "newsletter_issue", i, n.name() + ": " + subject);
            return i;
        });
        return new Result(200, id, form, List.of(), null);
    }

    /** Saves a draft (or a scheduled issue) if nobody changed it since the form was loaded. */
    Result save(User user, long id, Form form, List<String> articleValues) {
        Issue issue = issues.find(id).orElse(null);
        if (issue == null) return new Result(404, id, form, List.of(), null);
        List<Long> articles = new ArrayList<>(new LinkedHashSet<>(parseIds(articleValues)));
        String subject = form.raw("subject").strip();
        String intro = form.raw("intro").strip();
        if (subject.isEmpty()) form.error("subject", "Enter the subject readers will see in their inbox.");
        else if (subject.length() > 200) form.error("subject", "Use at most 200 characters for the subject.");
        if (intro.length() > 20000) form.error("intro", "Use at most 20,000 characters for the introduction.");
        List<String> more = form.raw("more")
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        if (!more.isEmpty()) {
            Map<String, Long> found = bySlug(more.stream().map(Issues::slugOf).toList());
            List<String> unknown = new ArrayList<>();
            for (String line : more) {
                Long a = found.get(slugOf(line));
                if (a == null) unknown.add(line);
                else if (!articles.contains(a)) articles.add(a);
            }
            if (!unknown.isEmpty())
                form.error(
                        "more",
                        "No published article at: " + String.join(", ", unknown)
                                + ". Give each article's address (/2026/11/30/slug) or slug, one a line.");
        }
        if (articles.size() > 30) form.error("more", "Pick at most 30 articles.");
        if (form.hasErrors()) return new Result(422, id, form, articles, null);
        if (!issue.editable())
            return new Result(
                    409,
                    id,
                    form,
                    articles,
                    "This issue is " + issue.status().dbValue() + " and can no longer be changed.");
        int version = parseInt(form.raw("version"));
        return jdbi.inTransaction(h -> {
            boolean saved = IssueDeskDao.update(h, id, version, subject, intro);
            if (!saved) {
                return new Result(
                        409,
                        id,
                        form,
                        articles,
                        "Someone else changed this issue while you were editing it. Your text is below; reload the page to see theirs.");
            }
            IssueDeskDao.replaceArticles(h, id, articles);
            Audit.record(h, user, "edited newsletter issue", "newsletter_issue", id, subject);
            form.set("version", String.valueOf(version + 1)).set("more", "");
            return new Result(200, id, form, articles, null);
        });
    }

    /** Sends the issue as it is saved to the editor alone, marked as a test; nobody else receives anything. */
    void sendTest(User user, Newsletter n, long id) throws MessagingException {
        Issue issue = issues.find(id).orElseThrow();
        IssueRenderer.MailParts parts = renderer.mail(renderer.content(n, issue), true);
        String unsubscribe = site.get().absolute(Paths.newsletterUnsubscribe("test"));
        String preferences = site.get().absolute(Paths.accountNewsletters());
        MimeMessage m = NewsletterMessage.build(
                sender.transport().session(),
                sender.from(),
                user.email(),
                "<nl-test." + id + "." + System.nanoTime() + "@" + sender.domain() + ">",
                parts.subject(),
                parts.text(unsubscribe, preferences),
                parts.html(unsubscribe, preferences),
                unsubscribe,
                null);
        try (var c = sender.transport().open()) {
            c.send(m);
        }
        jdbi.useHandle(
                h -> Audit.record(h, user, "sent test of newsletter issue", "newsletter_issue", id, user.email()));
    }

    /** Sets the time to send (in the paper's time zone), which must be in the future. */
    Result schedule(User user, long id, Form form) {
        Instant at;
        try {
            at = LocalDateTime.parse(form.raw("sendAt").strip().replace(' ', 'T'))
                    .atZone(site.get().zone())
                    .toInstant();
        } catch (DateTimeParseException e) {
            return new Result(
                    422,
                    id,
                    form.error("sendAt", "Enter the date and time to send, like 2026-12-01 07:00."),
                    List.of(),
                    null);
        }
        if (!at.isAfter(Instant.now()))
            return new Result(
                    422, id, form.error("sendAt", "Choose a time in the future, or send it now."), List.of(), null);
        return transition(user, id, form, "scheduled newsletter issue", h -> {
            IssueDeskDao.schedule(h, id, at);
            return "scheduled newsletter issue for " + at;
        });
    }

    Result unschedule(User user, long id, Form form) {
        return transition(user, id, form, "unscheduled newsletter issue", h -> {
            IssueDeskDao.unschedule(h, id);
            return "unscheduled newsletter issue";
        });
    }

    /** Starts the send: every recipient written to the outbox in this one transaction. */
    Result sendNow(User user, long id, Form form) {
        Result r = transition(
                user,
                id,
                form,
                "sent newsletter issue",
                h -> "started sending newsletter issue to " + Outbox.fill(h, id) + " recipient(s)");
        if (r.ok()) sender.wake();
        return r;
    }

    private Result transition(
            User user, long id, Form form, String action, java.util.function.Function<Handle, String> change) {
        int version = parseInt(form.raw("version"));
        return jdbi.inTransaction(h -> {
            var row = IssueDeskDao.lock(h, id);
            if (row.isEmpty()) return new Result(404, id, form, List.of(), null);
            IssueStatus status = row.get().status();
            if (status != IssueStatus.DRAFT && status != IssueStatus.SCHEDULED) {
                return new Result(409, id, form, List.of(), "This issue is " + status.dbValue() + " already.");
            }
            if (row.get().version() != version) {
                return new Result(
                        409,
                        id,
                        form,
                        List.of(),
                        "Someone else changed this issue meanwhile. Check it below, then try again.");
            }
            String detail = change.apply(h);
            Audit.record(h, user, action, "newsletter_issue", id, detail);
            ContentChanges.announce(h);
            return new Result(200, id, form, List.of(), null);
        });
    }

    private Map<String, Long> bySlug(List<String> slugs) {
        return jdbi.withHandle(h -> IssueDeskDao.publishedBySlug(h, slugs));
    }

    /** "/2026/11/30/harbour-vote", a full URL or a bare slug: the slug. */
    static String slugOf(String line) {
        String s = line.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        return s.substring(s.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static List<Long> parseIds(List<String> values) {
        List<Long> ids = new ArrayList<>();
        for (String v : values) Params.typedLong(v).ifPresent(ids::add); // anything else is not an id from our form
        return ids;
    }

    private static int parseInt(String s) {
        return Params.typedInt(s).orElse(-1);
    }
}
