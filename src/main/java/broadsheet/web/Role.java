package broadsheet.web;

import io.javalin.security.RouteRole;

/** Who may use a route. Every route names one; a route without a role is refused. */
public enum Role implements RouteRole {
    /** Anyone, signed in or not. */
    ANYONE
}
