package broadsheet.comments;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.db.Settings;
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
    private final CommentDao dao;
    private final Settings settings;
    private final ReplyNotices notices;

    /** @param jdbi for opening each action's transaction; the SQL is {@code dao}'s */
    public CommentService(Jdbi jdbi, CommentDao dao, Settings settings, ReplyNotices notices) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.settings = settings;
        this.notices = notices;
    }

    public CommentSettings settings() {
        return CommentSettings.load(settings);
    }

    /** A published article that takes comments (or did), by its id. */
    public Optional<CommentArticle> article(long id) {
        return dao.article(id);
    }

    /** Why this reader may not comment on this article now, or empty when they may. */
    public Optional<CommentRefused> refusal(User u, CommentArticle a, CommentSettings s) {
        return jdbi.withHandle(h -> refusal(h, u, a, s));
    }

    /** Why this reader may use no comment action at all (a ban), or empty. */
    public Optional<CommentRefused> banned(User u) {
        return jdbi.withHandle(h -> banned(h, u));
    }

    /** Whether the reader likes the comment. */
    public boolean liked(long commentId, User u) {
        return dao.liked(commentId, u.id());
    }

    private Optional<CommentRefused> refusal(Handle h, User u, CommentArticle a, CommentSettings s) {
        Optional<CommentRefused> banned = banned(h, u);
        if (banned.isPresent()) return banned;
        CommentMode mode = a.effectiveMode(s, Instant.now());
        if (mode == CommentMode.OFF) {
            return Optional.of(new CommentRefused(409, "Comments are off for this article."));
        }
        if (mode == CommentMode.CLOSED) {
            return Optional.of(new CommentRefused(
                    409, "Comments on this article are closed; no new comments or replies are taken."));
        }
        if (a.subscribersOnly(s) && !Subscriptions.isSubscriber(h, u.id())) {
            return Optional.of(new CommentRefused(403, "Only subscribers may comment on this article."));
        }
        return Optional.empty();
    }

    /** A banned reader may not use any comment action. */
    private Optional<CommentRefused> banned(Handle h, User u) {
        return dao.banReason(h, u.id())
                .map(reason -> new CommentRefused(
                        403,
                        "Your account may not comment" + (reason.isBlank() ? "." : ": " + reason + ".")
                                + " If you think this is a mistake, write to the editors."));
    }

    /** Posts a top-level comment (replyTo null) or a reply. */
    public Posted post(User u, long articleId, Long replyTo, String text) {
        List<Mail> mails = new ArrayList<>();
        CommentSettings s = settings();
        Posted p = jdbi.inTransaction(h -> {
            CommentArticle a =
                    dao.article(h, articleId).orElseThrow(() -> new CommentRefused(404, "There is no such article."));
            // one reader's posts go one at a time, so the rate limit cannot be raced past
            dao.lockWriter(h, u.id());
            Optional<CommentRefused> no = refusal(h, u, a, s);
            if (no.isPresent()) throw no.get();
            String body = checkText(text);
            Long root = null;
            if (replyTo != null) {
                CommentDao.Parent parent = dao.parent(h, replyTo)
                        .orElseThrow(() -> new CommentRefused(404, "The comment you are replying to does not exist."));
                if (parent.articleId() != articleId)
                    throw new CommentRefused(404, "The comment you are replying to does not exist.");
                if (parent.status() != CommentStatus.VISIBLE) {
                    throw new CommentRefused(
                            409,
                            "The comment you are replying to has been deleted or removed, or is waiting for review, so it cannot take replies.");
                }
                root = parent.rootId() == null ? replyTo : parent.rootId();
            }
            int lastMinute = dao.postedInLastMinute(h, u.id());
            if (lastMinute >= s.perMinute()) {
                throw new CommentRefused(
                        429,
                        "You are posting too quickly: at most " + s.perMinute()
                                + " comments a minute. Wait a minute, then post again; your text is kept below.");
            }
            String html = CommentText.toHtml(body);
            String hold = holdReason(h, u, a, s, body, html);
            long id = dao.insert(
                    h, new CommentDao.NewComment(articleId, u.id(), displayName(u), root, replyTo, body, html, hold));
            if (hold == null && replyTo != null) notices.replied(h, id).ifPresent(mails::add);
            return new Posted(id, articleId, hold != null, hold);
        });
        notices.send(mails);
        return p;
    }

    /** Changes a comment's text, by its author, within the edit window; the filters look at it again. */
    public Posted edit(User u, long commentId, int version, String text) {
        CommentSettings s = settings();
        return jdbi.inTransaction(h -> {
            Comment c = own(h, u, commentId);
            if (!c.visible() && c.status() != CommentStatus.PENDING)
                throw new CommentRefused(409, "This comment has been removed and cannot be edited.");
            if (c.createdAt().plus(Duration.ofMinutes(s.editMinutes())).isBefore(Instant.now())) {
                throw new CommentRefused(
                        409,
                        "Comments can be edited for " + s.editMinutes()
                                + " minutes after posting; this one can no longer be changed. You can still delete it.");
            }
            CommentArticle a = dao.article(h, c.articleId())
                    .orElseThrow(() -> new CommentRefused(404, "There is no such article."));
            Optional<CommentRefused> no = refusal(h, u, a, s);
            if (no.isPresent()) throw no.get();
            String body = checkText(text);
            String html = CommentText.toHtml(body);
            String hold = c.status() == CommentStatus.PENDING ? null : filterReason(s, body, html);
            int n = dao.updateText(h, commentId, version, body, html, hold);
            if (n == 0)
                throw new CommentRefused(
                        409,
                        "This comment changed since you opened it (perhaps in another window). Reload it and edit again.");
            CommentStatus status = dao.status(h, commentId);
            return new Posted(commentId, c.articleId(), status == CommentStatus.PENDING, hold);
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
            dao.markDeleted(h, commentId);
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
            boolean changed = like ? dao.addLike(h, commentId, u.id()) : dao.removeLike(h, commentId, u.id());
            if (!changed) return c.likeCount();
            return dao.countLikes(h, commentId, like ? 1 : -1);
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
        int threshold = settings().reportThreshold();
        jdbi.useTransaction(h -> {
            banned(h, u).ifPresent(r -> {
                throw r;
            });
            Comment c = visible(h, commentId);
            if (u.id() == (c.userId() == null ? -1 : c.userId()))
                throw new CommentRefused(422, "You cannot report your own comment; delete it instead.");
            if (!dao.addReport(h, commentId, u.id(), reason, d)) return;
            int reports = dao.countReport(h, commentId, threshold);
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

    private String holdReason(Handle h, User u, CommentArticle a, CommentSettings s, String body, String html) {
        if (a.effectiveMode(s, Instant.now()) == CommentMode.PREMODERATED) return "premoderation";
        String filter = filterReason(s, body, html);
        if (filter != null) return filter;
        if (s.newAccountHold() > 0) {
            int earlier = dao.shownBefore(h, u.id());
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

    private Comment own(Handle h, User u, long commentId) {
        Comment c = dao.find(h, commentId).orElseThrow(() -> new CommentRefused(404, "There is no such comment."));
        if (c.userId() == null || c.userId() != u.id())
            throw new CommentRefused(403, "You can only change your own comments.");
        return c;
    }

    private Comment visible(Handle h, long commentId) {
        Comment c = dao.find(h, commentId).orElseThrow(() -> new CommentRefused(404, "There is no such comment."));
        if (!c.visible()) throw new CommentRefused(409, "This comment has been deleted or is waiting for review.");
        return c;
    }

    public Optional<Comment> find(long id) {
        return dao.find(id);
    }

    static String displayName(User u) {
        if (!u.displayName().isBlank()) return u.displayName().strip();
        String local = u.email().substring(0, u.email().indexOf('@'));
        return local.length() > 120 ? local.substring(0, 120) : local;
    }
}
