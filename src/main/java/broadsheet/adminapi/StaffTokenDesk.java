package broadsheet.adminapi;

import broadsheet.accounts.User;
import broadsheet.newsroom.Desk;
import broadsheet.web.Form;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Role;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;

/**
 * The newsroom page of staff tokens: a staff member makes tokens for their own programs (each shown once)
 * and revokes them; an admin sees and may revoke everyone's.
 */
public final class StaffTokenDesk {

    /**
     * @param created the token just made, shown this once; null otherwise
     * @param admin whether the list is everyone's
     */
    public record TokensPage(
            Desk.Frame frame, List<StaffToken> tokens, Form form, String created, String notice, boolean admin) {}

    private final Desk desk;
    private final StaffTokenService tokens;

    public StaffTokenDesk(Desk desk, StaffTokenService tokens) {
        this.desk = desk;
        this.tokens = tokens;
    }

    public void list(Context ctx) {
        String notice = switch (String.valueOf(ctx.queryParam("done"))) {
            case "revoked" -> "The token was revoked. Programs using it are refused from now on.";
            case "already" -> "That token had already been revoked.";
            default -> null;
        };
        render(ctx, Form.empty(), null, notice);
    }

    public void create(Context ctx) {
        User user = desk.user(ctx);
        Form form = Form.of(ctx, List.of("name"));
        Optional<String> token = tokens.create(user, form);
        if (token.isEmpty()) {
            render(ctx.status(422), form, null, null);
            return;
        }
        render(ctx.status(201), Form.empty(), token.get(), null);
    }

    public void revoke(Context ctx) {
        long id = Params.pathId(ctx, "id");
        switch (tokens.revoke(desk.user(ctx), id)) {
            case REVOKED ->
                ctx.redirect(Paths.with(NewsroomPaths.staffTokens(), "done", "revoked"), HttpStatus.SEE_OTHER);
            case ALREADY ->
                ctx.redirect(Paths.with(NewsroomPaths.staffTokens(), "done", "already"), HttpStatus.SEE_OTHER);
            case NOT_YOURS -> throw new io.javalin.http.NotFoundResponse();
        }
    }

    private void render(Context ctx, Form form, String created, String notice) {
        User user = desk.user(ctx);
        desk.render(
                ctx,
                "newsroom/tokens/index.jte",
                new TokensPage(
                        desk.frame(ctx, "API tokens", "tokens"),
                        tokens.list(user),
                        form,
                        created,
                        notice,
                        user.atLeast(Role.ADMIN)));
    }
}
