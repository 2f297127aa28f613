package broadsheet.newsroom;

import broadsheet.articles.ArticleStatus;
import broadsheet.reads.ReadsDao;
import broadsheet.web.Paths;
import broadsheet.web.Role;
import io.javalin.http.Context;
import java.util.List;

/** The newsroom's front door: what is waiting for whom, and the way to every desk. */
public final class NewsroomHome {

    public record Count(String label, String href, int count) {}

    /** What readers are reading: the most read of the last 24 hours and of the last 7 days, with reads. */
    public record ReadNow(List<ReadsDao.Count> day, List<ReadsDao.Count> week) {}

    /** @param readNow for editors; null for contributors */
    public record HomePage(Desk.Frame frame, List<Count> counts, ReadNow readNow) {}

    static final int READ_NOW = 10;

    private final Desk desk;
    private final NewsroomDao dao;
    private final ReadsDao reads;

    public NewsroomHome(Desk desk, NewsroomDao dao, ReadsDao reads) {
        this.desk = desk;
        this.dao = dao;
        this.reads = reads;
    }

    public void show(Context ctx) {
        List<Count> counts = dao.countsByStatus().entrySet().stream()
                .map(e -> new Count(
                        label(e.getKey()),
                        Paths.with(
                                Paths.newsroomArticles(), "status", e.getKey().dbValue()),
                        e.getValue()))
                .toList();
        ReadNow readNow = desk.user(ctx).atLeast(Role.EDITOR)
                ? new ReadNow(reads.top(24, READ_NOW), reads.top(24 * 7, READ_NOW))
                : null;
        desk.render(ctx, "newsroom/home.jte", new HomePage(desk.frame(ctx, "Newsroom", "home"), counts, readNow));
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
