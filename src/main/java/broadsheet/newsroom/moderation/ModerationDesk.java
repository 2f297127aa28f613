package broadsheet.newsroom.moderation;

import broadsheet.comments.CommentArticle;
import broadsheet.comments.CommentMode;
import broadsheet.comments.CommentSettings;
import broadsheet.comments.CommentStatus;
import broadsheet.db.Cursor;
import broadsheet.newsroom.Desk;
import broadsheet.web.Form;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The newsroom's moderation pages: the queue, the comment rules, an article's comment mode, and bans. */
public final class ModerationDesk {

    static final int PAGE_SIZE = 50;

    public record QueuePage(
            Desk.Frame frame,
            List<ModerationQueue.Item> items,
            Form filters,
            List<CommentStatus> statuses,
            List<String> reasons,
            String notice,
            String error,
            String first,
            String older,
            int waiting,
            String self) {}

    public record SettingsPage(Desk.Frame frame, Form form, String notice) {}

    public record ArticlePage(
            Desk.Frame frame, CommentArticle article, CommentMode effectiveMode, String notice, String error) {}

    public record BansPage(Desk.Frame frame, List<Moderation.Ban> bans, Form form, String notice) {}

    private final Desk desk;
    private final ModerationQueueDao queue;
    private final Moderation moderation;

    public ModerationDesk(Desk desk, ModerationQueueDao queue, Moderation moderation) {
        this.desk = desk;
        this.queue = queue;
        this.moderation = moderation;
    }

    // --- the queue

    public void queue(Context ctx) {
        showQueue(ctx, notice(ctx.queryParam("done")), null);
    }

    private void showQueue(Context ctx, String notice, String error) {
        Form f = Form.empty();
        for (String k : List.of("article", "status", "reason", "before")) {
            String v = ctx.queryParam(k);
            f.set(k, v == null ? "" : v.strip());
        }
        Long article = null;
        if (f.raw("article").matches("[0-9]{1,18}")) article = Long.parseLong(f.raw("article"));
        else if (!f.raw("article").isEmpty()) f.error("article", "The article number must be a whole number, e.g. 42.");
        if (!f.raw("status").isEmpty()
                && ModerationQueue.STATUSES.stream().noneMatch(s -> s.dbValue().equals(f.raw("status"))))
            f.error("status", "Choose a status from the list.");
        if (!f.raw("reason").isEmpty() && !ModerationQueue.REASONS.contains(f.raw("reason")))
            f.error("reason", "Choose a reason from the list.");
        Cursor after = Cursor.parse(f.raw("before"))
                .orElseThrow(() -> new BadRequestResponse(
                        "This page link is damaged: 'before' must look like 2026-11-30T10:15:00Z_123."));
        List<ModerationQueue.Item> items = List.of();
        String older = null;
        if (f.hasErrors()) {
            ctx.status(422);
        } else {
            items = new ArrayList<>(queue.page(
                    new ModerationQueue.Filter(article, f.raw("status"), f.raw("reason")), after, PAGE_SIZE + 1));
            if (items.size() > PAGE_SIZE) {
                items = items.subList(0, PAGE_SIZE);
                var last = items.get(PAGE_SIZE - 1);
                older = address(f, new Cursor(last.at(), last.id()).toString());
            }
        }
        String first = f.raw("before").isEmpty() ? null : address(f, "");
        desk.render(
                ctx,
                "newsroom/moderation/queue.jte",
                new QueuePage(
                        desk.frame(ctx, "Comment moderation", "moderation"),
                        items,
                        f,
                        ModerationQueue.STATUSES,
                        ModerationQueue.REASONS,
                        notice,
                        error,
                        first,
                        older,
                        queue.waiting(),
                        f.hasErrors() ? NewsroomPaths.moderation() : address(f, f.raw("before"))));
    }

    /**
     * Approves or rejects: one comment (a row's own button, {@code act=approve-12}) or every ticked
     * one (the bulk buttons, {@code act=approve} with {@code id} fields).
     */
    public void decide(Context ctx) {
        String act = String.valueOf(ctx.formParam("act"));
        String note = String.valueOf(ctx.formParam("note") == null ? "" : ctx.formParam("note"))
                .strip();
        List<Long> ids = new ArrayList<>();
        Optional<Decision> decision;
        if (act.matches("(approve|reject)-[0-9]{1,18}")) {
            decision = Decision.of(act.substring(0, act.indexOf('-')));
            ids.add(Long.parseLong(act.substring(act.indexOf('-') + 1)));
        } else {
            decision = Decision.of(act);
            for (String id : ctx.formParams("id")) {
                if (!id.matches("[0-9]{1,18}")) throw new BadRequestResponse("Comment numbers must be whole numbers.");
                ids.add(Long.parseLong(id));
            }
        }
        String back = ctx.formParam("back") == null || !ctx.formParam("back").startsWith(NewsroomPaths.moderation())
                ? NewsroomPaths.moderation()
                : ctx.formParam("back");
        if (decision.isEmpty()) {
            showQueue(ctx.status(422), null, "Choose Approve or Reject.");
            return;
        }
        if (ids.isEmpty()) {
            showQueue(ctx.status(422), null, "Tick at least one comment, then choose Approve or Reject.");
            return;
        }
        if (note.length() > 500) {
            showQueue(ctx.status(422), null, "Keep the reason to 500 characters or fewer.");
            return;
        }
        int n = moderation.decide(desk.user(ctx), ids, decision.get(), note);
        ctx.redirect(Paths.with(back, "done", decision.get().done() + "-" + n), HttpStatus.SEE_OTHER);
    }

    private static String notice(String done) {
        if (done == null || !done.matches("(approved|rejected)-[0-9]{1,6}")) {
            return switch (String.valueOf(done)) {
                case "settings" -> "The comment rules have been saved.";
                default -> null;
            };
        }
        String[] p = done.split("-");
        int n = Integer.parseInt(p[1]);
        return n == 0
                ? "Nothing changed: those comments had already been dealt with."
                : (n == 1 ? "1 comment " : n + " comments ") + p[0] + ".";
    }

    // --- the rules

    public void settings(Context ctx) {
        CommentSettings s = moderation.settings();
        Form f = Form.empty()
                .set("comments_subscribers_only", s.subscribersOnly() ? "on" : "")
                .set("comments_auto_close_days", Integer.toString(s.autoCloseDays()))
                .set("comments_report_threshold", Integer.toString(s.reportThreshold()))
                .set("comments_blocked_words", s.blockedWordsText())
                .set("comments_blocked_links", s.blockedLinksText())
                .set("comments_max_links", Integer.toString(s.maxLinks()))
                .set("comments_new_account_hold", Integer.toString(s.newAccountHold()))
                .set("comments_per_minute", Integer.toString(s.perMinute()))
                .set("comments_edit_minutes", Integer.toString(s.editMinutes()));
        desk.render(
                ctx,
                "newsroom/moderation/settings.jte",
                new SettingsPage(
                        desk.frame(ctx, "Comment rules", "moderation"),
                        f,
                        "saved".equals(ctx.queryParam("done")) ? "The comment rules have been saved." : null));
    }

    public void saveSettings(Context ctx) {
        Form f = moderation.saveSettings(desk.user(ctx), Form.of(ctx, CommentSettings.KEYS));
        if (f.hasErrors()) {
            desk.render(
                    ctx.status(422),
                    "newsroom/moderation/settings.jte",
                    new SettingsPage(desk.frame(ctx, "Comment rules", "moderation"), f, null));
            return;
        }
        ctx.redirect(Paths.with(NewsroomPaths.moderationSettings(), "done", "saved"), HttpStatus.SEE_OTHER);
    }

    // --- one article's comments

    public void article(Context ctx) {
        CommentArticle a = findArticle(ctx);
        articlePage(ctx, a, "saved".equals(ctx.queryParam("done")) ? "Saved." : null, null);
    }

    public void saveArticle(Context ctx) {
        CommentArticle a = findArticle(ctx);
        Optional<CommentMode> mode = CommentMode.of(ctx.formParam("mode"));
        String who = String.valueOf(ctx.formParam("who"));
        if (mode.isEmpty() || !List.of("site", "everyone", "subscribers").contains(who)) {
            articlePage(ctx.status(422), a, null, "Choose how comments work on this article and who may comment.");
            return;
        }
        moderation.setArticle(
                desk.user(ctx), a.id(), mode.get(), who.equals("site") ? null : who.equals("subscribers"));
        ctx.redirect(Paths.with(NewsroomPaths.moderationArticle(a.id()), "done", "saved"), HttpStatus.SEE_OTHER);
    }

    private void articlePage(Context ctx, CommentArticle a, String notice, String error) {
        CommentSettings s = moderation.settings();
        desk.render(
                ctx,
                "newsroom/moderation/article.jte",
                new ArticlePage(
                        desk.frame(ctx, "Comments on " + a.headline(), "moderation"),
                        a,
                        a.effectiveMode(s, java.time.Instant.now()),
                        notice,
                        error));
    }

    private CommentArticle findArticle(Context ctx) {
        return moderation.article(Params.pathId(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    // --- bans

    public void bans(Context ctx) {
        Form f = Form.empty().set("email", "").set("reason", "");
        String user = ctx.queryParam("user");
        if (user != null && user.matches("[0-9]{1,18}"))
            moderation.emailOf(Long.parseLong(user)).ifPresent(e -> f.set("email", e));
        String done = ctx.queryParam("done");
        bansPage(
                ctx,
                f,
                "banned".equals(done)
                        ? "The reader is banned from commenting."
                        : "lifted".equals(done) ? "The ban is lifted." : null);
    }

    public void ban(Context ctx) {
        Form f = Form.of(ctx, List.of("email", "reason"));
        var user = f.raw("email").isBlank() ? java.util.Optional.<Long>empty() : moderation.userByEmail(f.raw("email"));
        if (user.isEmpty()) f.error("email", "There is no account with that email address.");
        if (f.raw("reason").strip().length() > 300) f.error("reason", "Keep the reason to 300 characters or fewer.");
        if (f.hasErrors()) {
            bansPage(ctx.status(422), f, null);
            return;
        }
        moderation.ban(desk.user(ctx), user.get(), f.raw("reason").strip());
        ctx.redirect(Paths.with(NewsroomPaths.bans(), "done", "banned"), HttpStatus.SEE_OTHER);
    }

    public void lift(Context ctx) {
        moderation.lift(desk.user(ctx), Params.pathId(ctx, "id"));
        ctx.redirect(Paths.with(NewsroomPaths.bans(), "done", "lifted"), HttpStatus.SEE_OTHER);
    }

    private void bansPage(Context ctx, Form f, String notice) {
        desk.render(
                ctx,
                "newsroom/moderation/bans.jte",
                new BansPage(desk.frame(ctx, "Banned commenters", "moderation"), moderation.bans(), f, notice));
    }

    private static String address(Form f, String before) {
        String out = NewsroomPaths.moderation();
        for (String k : List.of("article", "status", "reason")) {
            if (!f.raw(k).isEmpty()) out = Paths.with(out, k, f.raw(k));
        }
        return before.isEmpty() ? out : Paths.with(out, "before", before);
    }
}
