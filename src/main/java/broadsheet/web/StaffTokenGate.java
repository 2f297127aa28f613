package broadsheet.web;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;

/**
 * The Admin API's door: routes marked {@link #BEARER} in the route table are used by programs with a
 * staff token ({@code Authorization: Bearer ...}), never with the session cookie, so they take no CSRF
 * token (a browser never sends the token by itself). The gate finds whose token it is and checks that
 * person's role now against the route's; it answers a refusal itself (as {@code application/problem+json}).
 */
public interface StaffTokenGate {

    /** Marks a route, beside its {@link Role}, as one reached with a staff token. */
    enum Marker implements RouteRole {
        BEARER
    }

    /** Admits the request (remembering who made it) or throws the refusal to send. */
    void admit(Context ctx, Role required);
}
