package broadsheet.newsroom;

import broadsheet.articles.ArticleStatus;
import broadsheet.web.Paths;
import io.javalin.http.Context;
import java.util.List;

/** The newsroom's front door: what is waiting for whom, and the way to every desk. */
public final class NewsroomHome {

    public record Count(String label, String href, int count) {}

    public record HomePage(Desk.Frame frame, List<Count> counts) {}

    private final Desk desk;
    private final NewsroomDao dao;

    public NewsroomHome(Desk desk, NewsroomDao dao) {
        this.desk = desk;
        this.dao = dao;
    }

    public void show(Context ctx) {
        List<Count> counts = dao.countsByStatus().entrySet().stream()
                .map(e -> new Count(
                        label(e.getKey()),
                        Paths.with(
                                Paths.newsroomArticles(), "status", e.getKey().dbValue()),
                        e.getValue()))
                .toList();
        desk.render(ctx, "newsroom/home.jte", new HomePage(desk.frame(ctx, "Newsroom", "home"), counts));
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
