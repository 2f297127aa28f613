package broadsheet.newsroom;

import broadsheet.accounts.User;
import broadsheet.articles.ArticleStatus;
import broadsheet.reads.ReadsDao;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Paths;
import broadsheet.web.Role;
import broadsheet.web.Site;
import io.javalin.http.Context;
import java.util.List;

/**
 * The newsroom's front door, a dashboard: the signed-in person's drafts, what waits for an editor,
 * what is scheduled and what went out lately, and for editors the comments and newsletters that
 * need them. Each block is a short list with a link to the full one.
 */
public final class NewsroomHome {

    /** How many rows each block shows. */
    static final int SHORT = 6;

    public record Count(String label, String href, int count) {}

    /** One article in a block: {@code when} is the readable time that matters for the block. */
    public record Item(String headline, String href, String when) {}

    /** A block of articles: {@code total} is how many the full list at {@code more} has. */
    public record Block(String id, String title, String empty, List<Item> items, int total, String more) {}

    /** What readers are reading: the most read of the last 24 hours and of the last 7 days, with reads. */
    public record ReadNow(List<ReadsDao.Count> day, List<ReadsDao.Count> week) {}

    static final int READ_NOW = 10;

    public record IssueItem(String newsletter, String subject, String href, String status, String when) {}

    /**
     * The dashboard. {@code moderation} (comments waiting) and {@code readNow} are null and
     * {@code issues} empty for contributors, who may not use those desks.
     */
    public record HomePage(
            Desk.Frame frame,
            boolean editor,
            List<Count> counts,
            Block drafts,
            Block ready,
            Block scheduled,
            Block published,
            Integer moderation,
            List<IssueItem> issues,
            ReadNow readNow,
            String zone) {}

    private final Desk desk;
    private final NewsroomDao dao;
    private final ReadsDao reads;

    public NewsroomHome(Desk desk, NewsroomDao dao, ReadsDao reads) {
        this.desk = desk;
        this.dao = dao;
        this.reads = reads;
    }

    public void show(Context ctx) {
        User user = desk.user(ctx);
        boolean editor = user.atLeast(Role.EDITOR);
        Long scope = editor ? null : user.id();
        Site site = desk.chrome().site();
        List<Count> counts = dao.countsByStatus().entrySet().stream()
                .map(e -> new Count(
                        label(e.getKey()),
                        Paths.with(
                                NewsroomPaths.newsroomArticles(),
                                "status",
                                e.getKey().dbValue()),
                        e.getValue()))
                .toList();
        Block drafts = block(
                "drafts", "Your drafts", "You have no drafts.", ArticleStatus.DRAFT, user.id(), "Last saved ", site);
        Block ready = block(
                "ready",
                editor ? "Ready for review" : "Your articles waiting for an editor",
                "Nothing is waiting for an editor.",
                ArticleStatus.READY,
                scope,
                "Marked ready ",
                site);
        Block scheduled = block(
                "scheduled", "Scheduled", "Nothing is scheduled.", ArticleStatus.SCHEDULED, scope, "Goes out ", site);
        Block published = block(
                "published",
                "Recently published",
                "Nothing published yet.",
                ArticleStatus.PUBLISHED,
                scope,
                "Published ",
                site);
        Integer moderation = editor ? dao.commentsAwaitingModeration() : null;
        List<IssueItem> issues = editor
                ? dao.issuesGoingOut(SHORT).stream()
                        .map(i -> new IssueItem(
                                i.newsletter(),
                                i.subject(),
                                NewsroomPaths.issueDesk(i.id()),
                                i.status().equals("sending") ? "Sending now" : "Scheduled",
                                i.at() == null ? "" : site.readable(i.at())))
                        .toList()
                : List.of();
        desk.render(
                ctx,
                "newsroom/home.jte",
                new HomePage(
                        desk.frame(ctx, "Newsroom", "home"),
                        editor,
                        counts,
                        drafts,
                        ready,
                        scheduled,
                        published,
                        moderation,
                        issues,
                        editor ? new ReadNow(reads.top(24, READ_NOW), reads.top(24 * 7, READ_NOW)) : null,
                        site.zone().getId()));
    }

    private Block block(
            String id, String title, String empty, ArticleStatus status, Long me, String whenPrefix, Site site) {
        List<Item> items = dao.articles(status, me, SHORT).stream()
                .map(r -> new Item(r.headline(), NewsroomPaths.editArticle(r.id()), whenPrefix + site.readable(r.at())))
                .toList();
        int total = items.size() < SHORT ? items.size() : dao.countArticles(status, me);
        String sort = status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED ? "published" : "updated";
        return new Block(
                id,
                title,
                empty,
                items,
                total,
                NewsroomPaths.newsroomArticles(
                        "sort=" + sort + "&status=" + status.dbValue() + (me == null ? "" : "&mine=1")));
    }

    static String label(ArticleStatus status) {
        return switch (status) {
            case DRAFT -> "Drafts";
            case READY -> "Ready for editing";
            case SCHEDULED -> "Scheduled";
            case PUBLISHED -> "Published";
            case UNPUBLISHED -> "Unpublished";
        };
    }
}
