package broadsheet.paywall;

import broadsheet.web.Paths;

/**
 * What a locked article page offers instead of the rest of the text. The page is shared by every
 * reader at one level, so the offer depends only on the article and that level, never on the person.
 *
 * @param viewer the level of the readers this page is for (anonymous or registered)
 * @param meter free subscriber articles per 30 days (0: no meter)
 * @param path the article's address, to come back to after signing in
 */
public record Offer(Access access, Level viewer, int meter, String path) {

    /** The class of the element holding the text behind the paywall (named in the JSON-LD's hasPart). */
    public static final String PAYWALLED_CLASS = "paywalled";

    public static final String SUBSCRIBE = Paths.subscribe();

    /** The article is for signed-in readers, and this reader is not signed in. */
    public boolean registerOffer() {
        return access == Access.REGISTERED;
    }

    public boolean signedIn() {
        return viewer != Level.ANONYMOUS;
    }

    public String signInHref() {
        return Paths.signIn(path);
    }

    public String registerHref() {
        return Paths.register();
    }

    public String subscribeHref() {
        return SUBSCRIBE;
    }

    public String meterText() {
        if (meter <= 0) return "";
        return "Readers without a subscription may read "
                + (meter == 1 ? "one subscriber article" : meter + " subscriber articles") + " free in any 30 days"
                + (signedIn()
                        ? ", and you have read yours."
                        : " on each browser, and this browser has read its share.");
    }
}
