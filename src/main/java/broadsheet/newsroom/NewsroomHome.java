package broadsheet.newsroom;

import io.javalin.http.Context;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The newsroom's front door: what is waiting for whom, and the way to every desk. */
public final class NewsroomHome {

    public record Count(String label, String href, int count) {}

    public record HomePage(Desk.Frame frame, List<Count> counts) {}

    private final Desk desk;
    private final Jdbi jdbi;

    public NewsroomHome(Desk desk, Jdbi jdbi) {
        this.desk = desk;
        this.jdbi = jdbi;
    }

    public void show(Context ctx) {
        List<Count> counts = jdbi.withHandle(h -> h.createQuery("""
                select status, count(*) from articles group by status""")
                .map((rs, c) ->
                        new Count(label(rs.getString(1)), "/newsroom/articles?status=" + rs.getString(1), rs.getInt(2)))
                .list());
        desk.render(ctx, "newsroom/home.jte", new HomePage(desk.frame(ctx, "Newsroom", "home"), counts));
    }

    static String label(String status) {
        return switch (status) {
            case "draft" -> "Drafts";
            case "ready" -> "Ready for editing";
            case "scheduled" -> "Scheduled";
            case "published" -> "Published";
            default -> "Unpublished";
        };
    }
}
