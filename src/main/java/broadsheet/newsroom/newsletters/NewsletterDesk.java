package broadsheet.newsroom.newsletters;

import broadsheet.newsletters.Issue;
import broadsheet.newsletters.IssueDao;
import broadsheet.newsletters.IssueRenderer;
import broadsheet.newsletters.Newsletter;
import broadsheet.newsletters.NewsletterDao;
import broadsheet.newsletters.Suppressions;
import broadsheet.newsroom.Desk;
import broadsheet.web.Form;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The newsroom's newsletter pages (editors): define newsletters, write an issue with suggested
 * articles, preview it, send a test to yourself, schedule or send it, and watch it go out; and the
 * suppression list that bounces and complaints feed.
 */
public final class NewsletterDesk {

    public record ListPage(Desk.Frame frame, List<Newsletter> newsletters, String notice) {}

    /** @param id null on the form that creates one */
    public record EditPage(Desk.Frame frame, Long id, Form form, List<Issue> issues, Form issueForm, String notice) {
        public String action() {
            return id == null ? NewsroomPaths.newsletterDesk() : NewsroomPaths.newsletterDesk(id);
        }
    }

    public record IssuePage(
            Desk.Frame frame,
            Newsletter newsletter,
            Issue issue,
            Form form,
            List<Issues.Suggestion> suggestions,
            IssueDao.Progress progress,
            String sendAtLocal,
            String problem,
            String notice) {}

    public record SuppressionsPage(
            Desk.Frame frame, List<Suppressions.Entry> entries, int total, Form form, String notice) {}

    private final Desk desk;
    private final NewsletterDao newsletters;
    private final IssueDao issues;
    private final Definitions definitions;
    private final Issues issueService;
    private final IssueRenderer renderer;
    private final Suppressions suppressions;

    public NewsletterDesk(
            Desk desk,
            NewsletterDao newsletters,
            IssueDao issues,
            Definitions definitions,
            Issues issueService,
            IssueRenderer renderer,
            Suppressions suppressions) {
        this.desk = desk;
        this.newsletters = newsletters;
        this.issues = issues;
        this.definitions = definitions;
        this.issueService = issueService;
        this.renderer = renderer;
        this.suppressions = suppressions;
    }

    // --- newsletters

    public void list(Context ctx) {
        desk.render(
                ctx,
                "newsroom/newsletters/list.jte",
                new ListPage(desk.frame(ctx, "Newsletters", "newsletters"), newsletters.all(), null));
    }

    public void blank(Context ctx) {
        edit(ctx, null, Form.empty().set("audience", "everyone"), null);
    }

    public void create(Context ctx) {
        Definitions.Result r = definitions.save(desk.user(ctx), null, Form.of(ctx, Definitions.FIELDS));
        if (r.ok()) {
            desk.chrome().reload();
            ctx.redirect(Paths.with(NewsroomPaths.newsletterDesk(r.id()), "done", "created"), HttpStatus.SEE_OTHER);
        } else {
            ctx.status(r.status());
            edit(ctx, null, r.form(), null);
        }
    }

    public void show(Context ctx) {
        long id = Params.pathId(ctx, "id");
        Form form = definitions.load(id).orElseThrow(NotFoundResponse::new);
        String notice = switch (String.valueOf(ctx.queryParam("done"))) {
            case "created" -> "The newsletter has been created.";
            case "saved" -> "Your changes have been saved.";
            default -> null;
        };
        edit(ctx, id, form, notice);
    }

    public void update(Context ctx) {
        long id = Params.pathId(ctx, "id");
        Definitions.Result r = definitions.save(desk.user(ctx), id, Form.of(ctx, Definitions.FIELDS));
        if (r.status() == 404) throw new NotFoundResponse();
        if (r.ok()) {
            desk.chrome().reload();
            ctx.redirect(Paths.with(NewsroomPaths.newsletterDesk(id), "done", "saved"), HttpStatus.SEE_OTHER);
        } else {
            ctx.status(r.status());
            edit(ctx, id, r.form(), null);
        }
    }

    private void edit(Context ctx, Long id, Form form, String notice) {
        edit(ctx, id, form, Form.empty(), notice);
    }

    private void edit(Context ctx, Long id, Form form, Form issueForm, String notice) {
        String title = id == null
                ? "New newsletter"
                : "Newsletter: " + definitions.load(id).map(f -> f.raw("name")).orElse("");
        desk.render(
                ctx,
                "newsroom/newsletters/edit.jte",
                new EditPage(
                        desk.frame(ctx, title, "newsletters"),
                        id,
                        form,
                        id == null ? List.of() : issues.all(id),
                        issueForm,
                        notice));
    }

    // --- issues

    public void createIssue(Context ctx) {
        Newsletter n = newsletters.byId(Params.pathId(ctx, "id")).orElseThrow(NotFoundResponse::new);
        Issues.Result r = issueService.create(desk.user(ctx), n, Form.of(ctx, List.of("subject")));
        if (r.ok()) {
            ctx.redirect(NewsroomPaths.issueDesk(r.id()), HttpStatus.SEE_OTHER);
        } else {
            ctx.status(422);
            edit(ctx, n.id(), definitions.load(n.id()).orElseThrow(), r.form(), null);
        }
    }

    public void issue(Context ctx) {
        Issue issue = load(ctx);
        Form form = Form.empty()
                .set("subject", issue.subject())
                .set("intro", issue.intro())
                .set("version", String.valueOf(issue.version()));
        String notice = switch (String.valueOf(ctx.queryParam("done"))) {
            case "saved" -> "The issue has been saved.";
            case "test" -> "A test has been sent to " + desk.user(ctx).email() + ", and to nobody else.";
            case "scheduled" -> "The issue is scheduled.";
            case "unscheduled" -> "The issue is a draft again.";
            case "sending" -> "The issue is being sent.";
            default -> null;
        };
        issuePage(ctx, issue, form, issue.articleIds(), null, notice);
    }

    public void saveIssue(Context ctx) {
        Issue issue = load(ctx);
        Issues.Result r =
                issueService.save(desk.user(ctx), issue.id(), Form.of(ctx, Issues.FIELDS), ctx.formParams("article"));
        if (r.ok()) {
            ctx.redirect(Paths.with(NewsroomPaths.issueDesk(issue.id()), "done", "saved"), HttpStatus.SEE_OTHER);
        } else {
            ctx.status(r.status());
            issuePage(ctx, issues.find(issue.id()).orElseThrow(), r.form(), r.articles(), r.problem(), null);
        }
    }

    /** The message as its recipients will see it, in the browser; it is mail HTML, so its own policy allows its inline styles. */
    public void preview(Context ctx) {
        Issue issue = load(ctx);
        Newsletter n = newsletters.byId(issue.newsletterId()).orElseThrow();
        IssueRenderer.MailParts parts = renderer.mail(renderer.content(n, issue), false);
        ctx.header(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'none'");
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(parts.html("#unsubscribe", "#preferences").getBytes(StandardCharsets.UTF_8));
    }

    public void sendTest(Context ctx) throws Exception {
        Issue issue = load(ctx);
        Newsletter n = newsletters.byId(issue.newsletterId()).orElseThrow();
        try {
            issueService.sendTest(desk.user(ctx), n, issue.id());
        } catch (jakarta.mail.MessagingException e) {
            ctx.status(503);
            issuePage(
                    ctx,
                    issue,
                    formOf(issue),
                    issue.articleIds(),
                    "The test could not be sent: the mail server said " + e.getMessage(),
                    null);
            return;
        }
        ctx.redirect(Paths.with(NewsroomPaths.issueDesk(issue.id()), "done", "test"), HttpStatus.SEE_OTHER);
    }

    public void schedule(Context ctx) {
        transition(ctx, (u, id, f) -> issueService.schedule(u, id, f), "scheduled");
    }

    public void unschedule(Context ctx) {
        transition(ctx, (u, id, f) -> issueService.unschedule(u, id, f), "unscheduled");
    }

    public void sendNow(Context ctx) {
        transition(ctx, (u, id, f) -> issueService.sendNow(u, id, f), "sending");
    }

    private interface Step {
        Issues.Result apply(broadsheet.accounts.User user, long id, Form form);
    }

    private void transition(Context ctx, Step step, String done) {
        Issue issue = load(ctx);
        Issues.Result r = step.apply(desk.user(ctx), issue.id(), Form.of(ctx, List.of("version", "sendAt")));
        if (r.status() == 404) throw new NotFoundResponse();
        if (r.ok()) {
            ctx.redirect(Paths.with(NewsroomPaths.issueDesk(issue.id()), "done", done), HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(r.status());
        Issue now = issues.find(issue.id()).orElseThrow();
        Form form = formOf(now);
        r.form().errors().forEach(form::error);
        form.set("sendAt", r.form().raw("sendAt"));
        issuePage(ctx, now, form, now.articleIds(), r.problem(), null);
    }

    private static Form formOf(Issue issue) {
        return Form.empty()
                .set("subject", issue.subject())
                .set("intro", issue.intro())
                .set("version", String.valueOf(issue.version()));
    }

    private void issuePage(Context ctx, Issue issue, Form form, List<Long> picked, String problem, String notice) {
        Newsletter n = newsletters.byId(issue.newsletterId()).orElseThrow();
        String sendAt = form.raw("sendAt").isEmpty() && issue.sendAt() != null
                ? DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(issue.sendAt().atZone(desk.chrome().site().zone()))
                : form.raw("sendAt");
        desk.render(
                ctx,
                "newsroom/newsletters/issue.jte",
                new IssuePage(
                        desk.frame(ctx, "Issue: " + issue.subject(), "newsletters"),
                        n,
                        issue,
                        form,
                        issue.editable() ? issueService.suggestions(n, picked) : List.of(),
                        issues.progress(issue.id()),
                        sendAt,
                        problem,
                        notice));
    }

    private Issue load(Context ctx) {
        return issues.find(Params.pathId(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    // --- suppressions

    public void suppressionList(Context ctx) {
        String notice = ctx.queryParam("added") == null
                ? null
                : ctx.queryParam("added") + " address(es) added to the suppression list.";
        suppressionPage(ctx, Form.empty().set("reason", "bounce"), notice);
    }

    public void suppress(Context ctx) {
        Form form = Form.of(ctx, List.of("emails", "reason", "detail"));
        if (!Suppressions.REASONS.contains(form.raw("reason")))
            form.error("reason", "Choose bounce, complaint or added by hand.");
        List<String> lines = Arrays.stream(form.raw("emails").split("[\\s,;]+"))
                .filter(s -> !s.isBlank())
                .toList();
        if (lines.isEmpty()) form.error("emails", "Enter at least one email address.");
        if (!form.hasErrors()) {
            Suppressions.Added a = suppressions.add(
                    lines, form.raw("reason"), form.raw("detail").strip());
            if (a.rejected().isEmpty()) {
                ctx.redirect(
                        Paths.with(NewsroomPaths.suppressions(), "added", String.valueOf(a.added())),
                        HttpStatus.SEE_OTHER);
                return;
            }
            form.error(
                    "emails",
                    "These are not email addresses, so nothing was added for them: " + String.join(", ", a.rejected())
                            + (a.added() > 0 ? ". The " + a.added() + " others were added." : "."));
        }
        ctx.status(422);
        suppressionPage(ctx, form, null);
    }

    private void suppressionPage(Context ctx, Form form, String notice) {
        desk.render(
                ctx,
                "newsroom/newsletters/suppressions.jte",
                new SuppressionsPage(
                        desk.frame(ctx, "Suppressed addresses", "newsletters"),
                        suppressions.recent(200),
                        suppressions.count(),
                        form,
                        notice));
    }
}
