package broadsheet.adminapi;

import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Admin API call goes through after the gate admitted it: refusals from the shared newsroom
 * code (not found, not allowed, bad request) become problems, and the call itself lands in the audit log
 * under the token's person ("api call", with method, path and status), beside whatever the change itself
 * recorded there.
 */
public final class ApiCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ApiCalls.class);

    private final StaffTokenService tokens;

    public ApiCalls(StaffTokenService tokens) {
        this.tokens = tokens;
    }

    /** The handler, answering every refusal as a problem and auditing the call. */
    public Handler guard(Handler handler) {
        return ctx -> {
            int status = 500;
            try {
                handler.handle(ctx);
                status = ctx.statusCode();
            } catch (ApiProblem p) {
                status = p.status();
                throw p;
            } catch (HttpResponseException e) {
                status = e.getStatus();
                throw new ApiProblem(
                        status, status == 404 ? "There is nothing at " + ctx.path() + "." : e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                throw new ApiProblem(
                        500,
                        "The request failed because of a problem on our side; nothing was saved. Try again later.");
            } finally {
                tokens.auditCall(StaffTokens.holder(ctx), detail(ctx, status));
            }
        };
    }

    /** "PATCH /api/admin/articles/7 → 412"; a creation adds where the new thing is ("→ 201 /api/admin/articles/8"). */
    static String detail(io.javalin.http.Context ctx, int status) {
        String created = status == 201 ? ctx.res().getHeader("Location") : null;
        return ctx.method() + " " + ctx.path() + " → " + status + (created == null ? "" : " " + created);
    }
}
