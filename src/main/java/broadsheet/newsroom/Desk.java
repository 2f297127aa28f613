package broadsheet.newsroom;

import broadsheet.accounts.User;
import broadsheet.web.Chrome;
import broadsheet.web.Csrf;
import broadsheet.web.Layout;
import broadsheet.web.Meta;
import broadsheet.web.Personal;
import broadsheet.web.Sessions;
import broadsheet.web.Views;
import io.javalin.http.Context;

/**
 * What every newsroom page needs: the signed-in staff member, a CSRF token for its forms, the
 * newsroom frame, and a way to send a page that no cache keeps.
 */
public final class Desk {

    /** The frame of a newsroom page: who is working, the token for forms, and the section of the newsroom. */
    public record Frame(Layout layout, User user, String csrf, String area) {}

    private final Sessions sessions;
    private final Csrf csrf;
    private final Chrome chrome;
    private final Views views;

    public Desk(Sessions sessions, Csrf csrf, Chrome chrome, Views views) {
        this.sessions = sessions;
        this.csrf = csrf;
        this.chrome = chrome;
        this.views = views;
    }

    /** The staff member making this request (the access check has already required a role). */
    public User user(Context ctx) {
        return sessions.current(ctx).orElseThrow();
    }

    /** @param area which newsroom tab is current: "articles", "photos", "fronts", "authors", "topics", "sections", "people", "audit" */
    public Frame frame(Context ctx, String title, String area) {
        Meta meta = Meta.page(
                        title + " — Newsroom",
                        "The newsroom of " + chrome.site().name(),
                        ctx.path())
                .hidden();
        return new Frame(chrome.layout(meta), user(ctx), csrf.token(ctx), area);
    }

    public void render(Context ctx, String template, Object model) {
        Personal.html(ctx, views.render(template, model));
    }

    public Chrome chrome() {
        return chrome;
    }
}
