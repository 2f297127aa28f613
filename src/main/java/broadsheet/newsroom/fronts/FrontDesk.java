package broadsheet.newsroom.fronts;

import broadsheet.fronts.FrontLayout;
import broadsheet.newsroom.Desk;
import broadsheet.newsroom.fronts.FrontEditor.Candidate;
import broadsheet.newsroom.fronts.FrontEditor.Front;
import broadsheet.newsroom.fronts.FrontEditor.Summary;
import broadsheet.web.Json;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fronts desk: which articles lead the home page and each section, in which order. */
public final class FrontDesk {

    static final int SEARCH_RESULTS = 20;

    /**
     * @param breaking  stories whose banner is up
     * @param newest    published stories an editor may mark breaking
     */
    public record IndexPage(
            Desk.Frame frame,
            List<Summary> fronts,
            List<FrontEditor.Breaking> breaking,
            List<Candidate> newest,
            String notice,
            String problem) {}

    /** How long a breaking banner stays up: the choices the desk offers (null: until an editor removes it). */
    public static final Map<String, Duration> BREAKING_FOR = breakingChoices();

    /**
     * @param query what was searched for, or null before any search
     * @param candidates search results (or the newest articles before a search)
     */
    public record FrontPage(
            Desk.Frame frame,
            Front front,
            String notice,
            String problem,
            String query,
            List<Candidate> candidates,
            List<FrontLayout> layouts) {}

    private final Desk desk;
    private final FrontEditor editor;

    public FrontDesk(Desk desk, FrontEditor editor) {
        this.desk = desk;
        this.editor = editor;
    }

    public void index(Context ctx) {
        String notice = switch (String.valueOf(ctx.queryParam("done"))) {
            case "breaking" -> "Marked breaking. Readers see the banner within a few seconds.";
            case "ended" -> "The breaking banner was removed.";
            default -> null;
        };
        index(ctx, notice, null);
    }

    private void index(Context ctx, String notice, String problem) {
        desk.render(
                ctx,
                "newsroom/fronts/index.jte",
                new IndexPage(
                        desk.frame(ctx, "Fronts", "fronts"),
                        editor.all(),
                        editor.breaking(),
                        editor.newest(SEARCH_RESULTS),
                        notice,
                        problem));
    }

    /** Puts up a breaking banner for the article chosen, for the time chosen. */
    public void markBreaking(Context ctx) {
        String choice = String.valueOf(ctx.formParam("for"));
        try {
            if (!BREAKING_FOR.containsKey(choice))
                throw new FrontEditor.Refused(422, "Choose how long the story stays breaking.");
            editor.markBreaking(desk.user(ctx), article(ctx), BREAKING_FOR.get(choice));
        } catch (FrontEditor.Refused e) {
            ctx.status(e.status);
            index(ctx, null, e.getMessage());
            return;
        }
        ctx.redirect(Paths.with(NewsroomPaths.fronts(), "done", "breaking") + "#breaking-h", HttpStatus.SEE_OTHER);
    }

    public void endBreaking(Context ctx) {
        try {
            editor.endBreaking(desk.user(ctx), article(ctx));
        } catch (FrontEditor.Refused e) {
            ctx.status(e.status);
            index(ctx, null, e.getMessage());
            return;
        }
        ctx.redirect(Paths.with(NewsroomPaths.fronts(), "done", "ended") + "#breaking-h", HttpStatus.SEE_OTHER);
    }

    /** Sets the front's layout. */
    public void layout(Context ctx) {
        String chosen = String.valueOf(ctx.formParam("layout"));
        FrontLayout layout = Arrays.stream(FrontLayout.values())
                .filter(l -> l.dbValue().equals(chosen))
                .findFirst()
                .orElse(null);
        act(ctx, "layout", () -> {
            if (layout == null) throw new FrontEditor.Refused(422, "Choose one of the layouts.");
            editor.layout(desk.user(ctx), front(ctx), layout);
        });
    }

    private static Map<String, Duration> breakingChoices() {
        Map<String, Duration> m = new LinkedHashMap<>();
        m.put("30m", Duration.ofMinutes(30));
        m.put("1h", Duration.ofHours(1));
        m.put("3h", Duration.ofHours(3));
        m.put("open", null);
        return java.util.Collections.unmodifiableMap(m);
    }

    public void show(Context ctx) {
        String notice = switch (String.valueOf(ctx.queryParam("done"))) {
            case "moved" -> "Moved. Readers see the new order within a few seconds.";
            case "removed" -> "Removed from the front.";
            case "added" -> "Added to the front.";
            case "layout" -> "Layout changed. Readers see it within a few seconds.";
            default -> null;
        };
        page(ctx, notice, null);
    }

    public void move(Context ctx) {
        String direction = ctx.formParam("direction");
        if (!"up".equals(direction) && !"down".equals(direction)) {
            refused(ctx, new FrontEditor.Refused(422, "Choose whether to move the article up or down."));
            return;
        }
        act(ctx, "moved", () -> editor.move(desk.user(ctx), front(ctx), article(ctx), direction.equals("up")));
    }

    public void remove(Context ctx) {
        act(ctx, "removed", () -> editor.remove(desk.user(ctx), front(ctx), article(ctx)));
    }

    public void add(Context ctx) {
        act(
                ctx,
                "added",
                () -> editor.add(desk.user(ctx), front(ctx), article(ctx), !"bottom".equals(ctx.formParam("where"))));
    }

    /** The drag-and-drop page posts the whole order (article ids, comma-separated) and the version it was drawn from. */
    public void order(Context ctx) {
        String front = front(ctx);
        List<Long> ids = new ArrayList<>();
        String order = ctx.formParam("order");
        boolean numbers = order != null;
        if (numbers) {
            for (String s : order.split(",")) {
                if (s.isBlank()) continue;
                Optional<Long> id = Params.typedLong(s);
                numbers &= id.isPresent();
                id.ifPresent(ids::add);
            }
        }
        Optional<Integer> seen = Params.typedInt(ctx.formParam("version"));
        if (!numbers || seen.isEmpty()) {
            json(
                    ctx,
                    422,
                    Map.of(
                            "error",
                            "Send the order as article numbers separated by commas, and the version of the front."));
            return;
        }
        int version = seen.get();
        try {
            int now = editor.reorder(desk.user(ctx), front, ids, version);
            json(ctx, 200, Map.of("version", now, "message", "Saved the new order."));
        } catch (FrontEditor.Refused e) {
            json(ctx, e.status, Map.of("error", e.getMessage()));
        }
    }

    private void act(Context ctx, String done, Runnable change) {
        String front = front(ctx);
        try {
            change.run();
        } catch (FrontEditor.Refused e) {
            refused(ctx, e);
            return;
        }
        String anchor = done.equals("layout")
                ? "#layout-h"
                : ctx.formParam("article") == null || done.equals("removed") ? "" : "#item-" + ctx.formParam("article");
        ctx.redirect(Paths.with(NewsroomPaths.front(front), "done", done) + anchor, HttpStatus.SEE_OTHER);
    }

    private void refused(Context ctx, FrontEditor.Refused e) {
        if (e.status == 404) throw new NotFoundResponse();
        ctx.status(e.status);
        page(ctx, null, e.getMessage());
    }

    private void page(Context ctx, String notice, String problem) {
        Front front = editor.load(front(ctx)).orElseThrow(NotFoundResponse::new);
        String q = ctx.queryParam("q");
        List<Candidate> candidates =
                editor.search(front.ref().key(), q, q == null || q.isBlank() ? 10 : SEARCH_RESULTS);
        desk.render(
                ctx,
                "newsroom/fronts/show.jte",
                new FrontPage(
                        desk.frame(ctx, "Front: " + front.ref().name(), "fronts"),
                        front,
                        notice,
                        problem,
                        q,
                        candidates,
                        List.of(FrontLayout.values())));
    }

    private static String front(Context ctx) {
        return ctx.pathParam("front");
    }

    /** The article a button acts on; a missing or malformed one is refused like any bad input. */
    private static long article(Context ctx) {
        return Params.typedLong(ctx.formParam("article"))
                .orElseThrow(() -> new FrontEditor.Refused(422, "Choose an article first."));
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status)
                .header("Cache-Control", "private, no-store")
                .contentType("application/json; charset=utf-8")
                .result(Json.forScript(body));
    }
}
