package broadsheet.web;

import io.javalin.security.RouteRole;

/**
 * Marks, in the route table, a POST that takes no CSRF token because something else is the
 * permission, each checked by its handler: RFC 8058 one-click unsubscribes, which mail clients POST
 * with no cookies, carry a secret token in the URL; Stripe's webhook, which no browser sends, carries
 * Stripe-Signature. The read beacon changes nothing any reader owns and needs no permission at all:
 * it adds one to an article's anonymous read count (a forged one can do no more than a reader's
 * script can), and the cached article page it comes from is the same for everyone, so it carries no
 * token to send.
 */
public enum NoCsrfToken implements RouteRole {
    /** The request proves itself (a signed token in its URL, a provider's signature header). */
    OWN_PROOF,
    /** The request changes nothing any reader owns. */
    CHANGES_NOTHING_OWNED
}
