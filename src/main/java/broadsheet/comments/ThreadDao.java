package broadsheet.comments;

import broadsheet.db.DbValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads conversations as every reader sees them: top-level comments in the chosen order, each
 * with its replies oldest first on one level (a reply to a reply says whom it answers). Deleted,
 * removed or held comments appear as placeholders only where shown replies hang from them.
 */
public final class ThreadDao {

    public static final int PAGE_SIZE = 50;

    /** A top-level comment and its replies. */
    public record Thread(Comment comment, List<Comment> replies) {}

    public enum Sort {
        NEWEST("c.created_at desc, c.id desc", "Newest first"),
        OLDEST("c.created_at, c.id", "Oldest first"),
        LIKED("c.like_count desc, c.created_at desc, c.id desc", "Most liked");

        final String order;
        public final String label;

        Sort(String order, String label) {
            this.order = order;
            this.label = label;
        }

        public String param() {
            return name().toLowerCase();
        }

        public static Sort of(String s) {
            if (s == null) return NEWEST;
            for (Sort x : values()) if (x.param().equals(s)) return x;
            return null;
        }
    }

    // :visible is bound to CommentStatus.VISIBLE wherever this is used
    private static final String SHOWN = """
            (c.status = :visible or (exists (
                select 1 from comments r where r.status = :visible and (r.root_id = c.id or r.reply_to_id = c.id))))""";

    private final Jdbi jdbi;

    public ThreadDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One page of threads (page 1 first). */
    public List<Thread> page(long articleId, Sort sort, int page) {
        return jdbi.withHandle(h -> {
            List<Comment> roots = h.createQuery("select " + CommentDao.COLUMNS
                            + " from comments c where c.article_id = :a and c.root_id is null and " + SHOWN
                            + " order by " + sort.order + " limit :n offset :off")
                    .bind("a", articleId)
                    .bind("visible", CommentStatus.VISIBLE)
                    .bind("n", PAGE_SIZE)
                    .bind("off", (page - 1) * PAGE_SIZE)
                    .map(CommentDao.MAPPER)
                    .list();
            if (roots.isEmpty()) return List.of();
            Map<Long, List<Comment>> replies = new LinkedHashMap<>();
            roots.forEach(r -> replies.put(r.id(), new ArrayList<>()));
            h.createQuery("select " + CommentDao.COLUMNS + " from comments c where c.root_id = any(:roots) and " + SHOWN
                            + " order by c.created_at, c.id")
                    .bind("roots", roots.stream().map(Comment::id).toArray(Long[]::new))
                    .bind("visible", CommentStatus.VISIBLE)
                    .map(CommentDao.MAPPER)
                    .forEach(c -> replies.get(c.rootId()).add(c));
            return roots.stream().map(r -> new Thread(r, replies.get(r.id()))).toList();
        });
    }

    /** The start of an article's conversation: its visible comments counted, and the newest top-level few. */
    public record Start(int count, List<Comment> newest) {}

    /** The newest shown top-level comments (at most {@code limit}) and the article's visible comment count (replies included), in one statement. */
    public Start start(long articleId, int limit) {
        return jdbi.withHandle(h -> {
            int[] count = {0};
            List<Comment> newest = new ArrayList<>();
            h.createQuery("select t.total, x.* from (select count(*) as total from comments"
                            + " where article_id = :a and status = :visible) t"
                            + " left join lateral (select " + CommentDao.COLUMNS
                            + " from comments c where c.article_id = :a and c.root_id is null and c.status = :visible"
                            + " order by " + Sort.NEWEST.order + " limit :n) x on true")
                    .bind("a", articleId)
                    .bind("visible", CommentStatus.VISIBLE)
                    .bind("n", limit)
                    .map((rs, ctx) -> {
                        count[0] = rs.getInt("total");
                        return rs.getObject("id") == null ? null : CommentDao.MAPPER.map(rs, ctx);
                    })
                    .forEach(c -> {
                        if (c != null) newest.add(c);
                    });
            return new Start(count[0], List.copyOf(newest));
        });
    }

    /** How many top-level threads are shown, for paging. */
    public int threadCount(long articleId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from comments c where c.article_id = :a and c.root_id is null and " + SHOWN)
                .bind("a", articleId)
                .bind("visible", CommentStatus.VISIBLE)
                .mapTo(Integer.class)
                .one());
    }

    /** Visible comments per article, for the counts on article pages and lists. */
    public Map<Long, Integer> counts(List<Long> articleIds) {
        Map<Long, Integer> out = new LinkedHashMap<>();
        articleIds.forEach(id -> out.put(id, 0));
        if (articleIds.isEmpty()) return out;
        jdbi.useHandle(h -> h.createQuery("""
                select article_id, count(*) as n from comments
                 where article_id = any(:ids) and status = :visible group by article_id""")
                .bind("ids", articleIds.toArray(Long[]::new))
                .bind("visible", CommentStatus.VISIBLE)
                .map((rs, ctx) -> Map.entry(rs.getLong("article_id"), rs.getInt("n")))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    public int count(long articleId) {
        return counts(List.of(articleId)).get(articleId);
    }

    /** The comment ids this reader wrote and liked on an article, for the personal bits of the page. */
    public record Mine(List<Long> own, List<Long> editable, List<Long> liked) {}

    public Mine mine(long articleId, long userId, int editMinutes) {
        return jdbi.withHandle(h -> {
            List<Long> own = h.createQuery(
                            "select id from comments where article_id = :a and user_id = :u and status = :visible")
                    .bind("a", articleId)
                    .bind("u", userId)
                    .bind("visible", CommentStatus.VISIBLE)
                    .mapTo(Long.class)
                    .list();
            List<Long> editable = h.createQuery("""
                    select id from comments where article_id = :a and user_id = :u and status = :visible
                       and created_at > now() - make_interval(mins => :m)""")
                    .bind("a", articleId)
                    .bind("u", userId)
                    .bind("visible", CommentStatus.VISIBLE)
                    .bind("m", editMinutes)
                    .mapTo(Long.class)
                    .list();
            List<Long> liked = h.createQuery("""
                    select l.comment_id from comment_likes l join comments c on c.id = l.comment_id
                     where c.article_id = :a and l.user_id = :u""")
                    .bind("a", articleId)
                    .bind("u", userId)
                    .mapTo(Long.class)
                    .list();
            return new Mine(own, editable, liked);
        });
    }

    /** A reader's own recent comments, with where they stand, for their account area. */
    /** @param note what the editors said when they decided on it */
    public record Own(
            long id,
            long articleId,
            String headline,
            String excerpt,
            CommentStatus status,
            String holdReason,
            java.time.Instant at,
            boolean editable,
            String note) {}

    public List<Own> byUser(long userId, int editMinutes, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                select c.id, c.article_id, a.headline, c.body, c.status, c.hold_reason, c.created_at,
                       c.created_at > now() - make_interval(mins => :m) as editable, c.moderation_note
                  from comments c join articles a on a.id = c.article_id
                 where c.user_id = :u and c.status <> :deleted
                 order by c.created_at desc, c.id desc limit :n""")
                .bind("u", userId)
                .bind("deleted", CommentStatus.DELETED)
                .bind("m", editMinutes)
                .bind("n", limit)
                .map((rs, ctx) -> new Own(
                        rs.getLong("id"),
                        rs.getLong("article_id"),
                        rs.getString("headline"),
                        ReplyNotices.excerpt(rs.getString("body"), 160),
                        DbValue.of(CommentStatus.class, rs.getString("status")),
                        rs.getString("hold_reason"),
                        CommentDao.seconds(rs.getTimestamp("created_at")),
                        rs.getBoolean("editable"),
                        rs.getString("moderation_note")))
                .list());
    }
}
