package broadsheet.comments;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.mail.Mail;
import broadsheet.subscriptions.Subscriptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The rules of commenting: who may comment where, what is held for review, and the reader's own
 * actions (post, reply, edit, delete, like, report). Each action is one transaction; a refusal
 * ({@link CommentRefused}) rolls it back whole.
 */
public final class CommentService {

    /** What became of a posted comment: shown at once, or held for review (and why). */
    public record Posted(long id, long articleId, boolean held, String holdReason) {}

    public static final List<String> REPORT_REASONS = List.of("spam", "abuse", "off_topic", "misinformation", "other");

    private final Jdbi jdbi;
    private final ReplyNotices notices;

    public CommentService(Jdbi jdbi, ReplyNotices notices) {
        this.jdbi = jdbi;
        this.notices = notices;
    }

    public CommentSettings settings() {
        return jdbi.withHandle(CommentSettings::load);
    }

    /** Why this reader may not comment on this article now, or empty when they may. */
    public Optional<CommentRefused> refusal(Handle h, User u, CommentArticle a, CommentSettings s) {
        Optional<CommentRefused> banned = banned(h, u);
        if (banned.isPresent()) return banned;
        if (a.effectiveMode(s, Instant.now()).equals("closed")) {
            return Optional.of(new CommentRefused(
                    409, "Comments on this article are closed; no new comments or replies are taken."));
        }
        if (a.subscribersOnly(s) && !Subscriptions.isSubscriber(h, u.id())) {
            return Optional.of(new CommentRefused(403, "Only subscribers may comment on this article."));
        }
        return Optional.empty();
    }

    /** A banned reader may not use any comment action. */
    public Optional<CommentRefused> banned(Handle h, User u) {
        return h.createQuery("select ban_reason from commenters where user_id = :u and banned_at is not null")
                .bind("u", u.id())
                .mapTo(String.class)
                .findOne()
                .map(reason -> new CommentRefused(
                        403,
                        "Your account may not comment" + (reason.isBlank() ? "." : ": " + reason + ".")
                                + " If you think this is a mistake, write to the editors."));
    }

    public void requireNotBanned(User u) {
        jdbi.useHandle(h -> banned(h, u).ifPresent(r -> {
            throw r;
        }));
    }

    /** Posts a top-level comment (replyTo null) or a reply. */
    public Posted post(User u, long articleId, Long replyTo, String text) {
        List<Mail> mails = new ArrayList<>();
        Posted p = jdbi.inTransaction(h -> {
            CommentSettings s = CommentSettings.load(h);
            CommentArticle a = CommentArticle.find(h, articleId)
                    .orElseThrow(() -> new CommentRefused(404, "There is no such article."));
            // one reader's posts go one at a time, so the rate limit cannot be raced past
            h.execute("select pg_advisory_xact_lock(8, ?)", (int) u.id());
            Optional<CommentRefused> no = refusal(h, u, a, s);
            if (no.isPresent()) throw no.get();
            String body = checkText(text);
            Long root = null;
            if (replyTo != null) {
                var parent = h.createQuery("select article_id, root_id, status from comments where id = :id")
                        .bind("id", replyTo)
                        .mapToMap()
                        .findOne()
                        .orElseThrow(() -> new CommentRefused(404, "The comment you are replying to does not exist."));
                if (((Long) parent.get("article_id")) != articleId)
                    throw new CommentRefused(404, "The comment you are replying to does not exist.");
                if (!"visible".equals(parent.get("status"))) {
                    throw new CommentRefused(
                            409,
                            "The comment you are replying to has been deleted or removed, or is waiting for review, so it cannot take replies.");
                }
                root = parent.get("root_id") == null ? replyTo : (Long) parent.get("root_id");
            }
            int lastMinute = h.createQuery(
                            "select count(*) from comments where user_id = :u and created_at > now() - interval '1 minute'")
                    .bind("u", u.id())
                    .mapTo(Integer.class)
                    .one();
            if (lastMinute >= s.perMinute()) {
                throw new CommentRefused(
                        429,
                        "You are posting too quickly: at most " + s.perMinute()
                                + " comments a minute. Wait a minute, then post again; your text is kept below.");
            }
            String html = CommentText.toHtml(body);
            String hold = holdReason(h, u, a, s, body, html);
            long id = h.createQuery("""
                    insert into comments (article_id, user_id, author_name, root_id, reply_to_id, body, body_html, status, hold_reason, needs_review)
                    values (:a, :u, :name, :root, :reply, :body, :html, :status, :hold, :review) returning id""")
                    .bind("a", articleId)
                    .bind("u", u.id())
                    .bind("name", displayName(u))
                    .bind("root", root)
                    .bind("reply", replyTo)
                    .bind("body", body)
                    .bind("html", html)
                    .bind("status", hold == null ? "visible" : "pending")
                    .bind("hold", hold)
                    .bind("review", hold != null)
                    .mapTo(Long.class)
                    .one();
            if (hold == null && replyTo != null) notices.replied(h, id).ifPresent(mails::add);
            return new Posted(id, articleId, hold != null, hold);
        });
        notices.send(mails);
        return p;
    }

    /** Changes a comment's text, by its author, within the edit window; the filters look at it again. */
    public Posted edit(User u, long commentId, int version, String text) {
        return jdbi.inTransaction(h -> {
            CommentSettings s = CommentSettings.load(h);
            Comment c = own(h, u, commentId);
            if (!c.visible() && !c.status().equals("pending"))
                throw new CommentRefused(409, "This comment has been removed and cannot be edited.");
            if (c.createdAt().plus(Duration.ofMinutes(s.editMinutes())).isBefore(Instant.now())) {
                throw new CommentRefused(
                        409,
                        "Comments can be edited for " + s.editMinutes()
                                + " minutes after posting; this one can no longer be changed. You can still delete it.");
            }
            CommentArticle a = CommentArticle.find(h, c.articleId())
                    .orElseThrow(() -> new CommentRefused(404, "There is no such article."));
            Optional<CommentRefused> no = refusal(h, u, a, s);
            if (no.isPresent()) throw no.get();
            String body = checkText(text);
            String html = CommentText.toHtml(body);
            String hold = c.status().equals("pending") ? null : filterReason(s, body, html);
            int n = h.createUpdate("""
                    update comments set body = :body, body_html = :html, edited_at = now(), version = version + 1,
                           status = case when :hold::text is null then status else 'pending' end,
                           hold_reason = coalesce(:hold, hold_reason),
                           needs_review = needs_review or :hold::text is not null
                     where id = :id and version = :v""")
                    .bind("body", body)
                    .bind("html", html)
                    .bind("hold", hold)
                    .bind("id", commentId)
                    .bind("v", version)
                    .execute();
            if (n == 0)
                throw new CommentRefused(
                        409,
                        "This comment changed since you opened it (perhaps in another window). Reload it and edit again.");
            String status = h.createQuery("select status from comments where id = :id")
                    .bind("id", commentId)
                    .mapTo(String.class)
                    .one();
            return new Posted(commentId, c.articleId(), status.equals("pending"), hold);
        });
    }

    /**
     * Deletes a reader's own comment. One that has replies stays as a "[deleted]" placeholder so the
     * conversation still reads; its text is gone either way.
     */
    public long delete(User u, long commentId) {
        return jdbi.inTransaction(h -> {
            Comment c = own(h, u, commentId);
            banned(h, u).ifPresent(r -> {
                throw r;
            });
            if (c.deleted()) return c.articleId(); // a repeated press changes nothing
            h.createUpdate("""
                    update comments set status = 'deleted', body = '', body_html = '', needs_review = false, version = version + 1
                     where id = :id""").bind("id", commentId).execute();
            return c.articleId();
        });
    }

    /** Likes (or stops liking) a visible comment; a reader's like counts once. Returns the new count. */
    public int like(User u, long commentId, boolean like) {
        return jdbi.inTransaction(h -> {
            banned(h, u).ifPresent(r -> {
                throw r;
            });
            Comment c = visible(h, commentId);
            int changed = like
                    ? h.createUpdate(
                                    "insert into comment_likes (comment_id, user_id) values (:c, :u) on conflict do nothing")
                            .bind("c", commentId)
                            .bind("u", u.id())
                            .execute()
                    : h.createUpdate("delete from comment_likes where comment_id = :c and user_id = :u")
                            .bind("c", commentId)
                            .bind("u", u.id())
                            .execute();
            if (changed == 0) return c.likeCount();
            return h.createQuery("update comments set like_count = like_count + :d where id = :id returning like_count")
                    .bind("d", like ? 1 : -1)
                    .bind("id", commentId)
                    .mapTo(Integer.class)
                    .one();
        });
    }

    /**
     * Reports a comment. Any report puts it in the editors' queue; enough reports from different
     * readers also take it off the page until an editor decides. A reader reports a comment once.
     */
    public void report(User u, long commentId, String reason, String detail) {
        if (reason == null || !REPORT_REASONS.contains(reason)) {
            throw new CommentRefused(422, "Choose why you are reporting this comment.");
        }
        String d = detail == null ? "" : detail.strip();
        if (d.length() > 500) throw new CommentRefused(422, "Keep the details to 500 characters or fewer.");
        jdbi.useTransaction(h -> {
            banned(h, u).ifPresent(r -> {
                throw r;
            });
            Comment c = visible(h, commentId);
            if (u.id() == (c.userId() == null ? -1 : c.userId()))
                throw new CommentRefused(422, "You cannot report your own comment; delete it instead.");
            int added = h.createUpdate(
                            "insert into comment_reports (comment_id, user_id, reason, detail) values (:c, :u, :r, :d) on conflict do nothing")
                    .bind("c", commentId)
                    .bind("u", u.id())
                    .bind("r", reason)
                    .bind("d", d)
                    .execute();
            if (added == 0) return;
            int threshold = CommentSettings.load(h).reportThreshold();
            int reports = h.createQuery("""
                    update comments set report_count = report_count + 1, needs_review = true,
                           hold_reason = case when report_count + 1 >= :t then 'reports' else coalesce(hold_reason, 'reported') end,
                           status = case when report_count + 1 >= :t then 'pending' else status end
                     where id = :id returning report_count""")
                    .bind("t", threshold)
                    .bind("id", commentId)
                    .mapTo(Integer.class)
                    .one();
            if (reports == threshold) {
                Audit.record(h, null, "comment.held", "comment", commentId, reports + " reports; held for review");
            }
        });
    }

    // --- helpers

    static String checkText(String text) {
        String body = text == null ? "" : text.strip().replace("\r\n", "\n");
        if (body.isEmpty()) throw new CommentRefused(422, "Write something before posting: the comment is empty.");
        if (body.length() > CommentText.MAX_LENGTH) {
            throw new CommentRefused(
                    422,
                    "Comments can be at most " + CommentText.MAX_LENGTH + " characters; this one has " + body.length()
                            + ". Shorten it and post again.");
        }
        return body;
    }

    private static String holdReason(Handle h, User u, CommentArticle a, CommentSettings s, String body, String html) {
        if (a.effectiveMode(s, Instant.now()).equals("premoderated")) return "premoderation";
        String filter = filterReason(s, body, html);
        if (filter != null) return filter;
        if (s.newAccountHold() > 0) {
            int earlier = h.createQuery(
                            "select count(*) from comments where user_id = :u and status in ('visible', 'deleted')")
                    .bind("u", u.id())
                    .mapTo(Integer.class)
                    .one();
            if (earlier < s.newAccountHold()) return "new_account";
        }
        return null;
    }

    /** "words" when the text has a blocked word, "links" for a blocked site or too many links, else null. */
    static String filterReason(CommentSettings s, String body, String html) {
        String lower = body.toLowerCase(Locale.ROOT);
        for (String w : s.blockedWords()) {
            if (java.util.regex.Pattern.compile(
                            "(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(w) + "(?![\\p{L}\\p{N}])")
                    .matcher(lower)
                    .find()) return "words";
        }
        List<String> hosts = CommentText.linkHosts(html);
        if (hosts.size() > s.maxLinks()) return "links";
        for (String host : hosts) {
            for (String blocked : s.blockedLinks()) {
                String b = blocked.replaceFirst("^https?://", "").replaceFirst("/.*$", "");
                if (host.equals(b) || host.endsWith("." + b)) return "links";
            }
        }
        return null;
    }

    private static Comment own(Handle h, User u, long commentId) {
        Comment c = find(h, commentId).orElseThrow(() -> new CommentRefused(404, "There is no such comment."));
        if (c.userId() == null || c.userId() != u.id())
            throw new CommentRefused(403, "You can only change your own comments.");
        return c;
    }

    private static Comment visible(Handle h, long commentId) {
        Comment c = find(h, commentId).orElseThrow(() -> new CommentRefused(404, "There is no such comment."));
        if (!c.visible()) throw new CommentRefused(409, "This comment has been deleted or is waiting for review.");
        return c;
    }

    static Optional<Comment> find(Handle h, long id) {
        return h.createQuery("select " + Comment.COLUMNS + " from comments c where c.id = :id")
                .bind("id", id)
                .map(Comment.MAPPER)
                .findOne();
    }

    public Optional<Comment> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static String displayName(User u) {
        if (!u.displayName().isBlank()) return u.displayName().strip();
        String local = u.email().substring(0, u.email().indexOf('@'));
        return local.length() > 120 ? local.substring(0, 120) : local;
    }
}
