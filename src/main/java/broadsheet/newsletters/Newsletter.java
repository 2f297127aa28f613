package broadsheet.newsletters;

import broadsheet.paywall.Access;
import broadsheet.web.Paths;

public record Newsletter(long id, String slug, String name, String description, String audience, String schedule) {

    public String path() {
        return Paths.newsletter(slug);
    }

    /** "The day's top headlines, as chosen by our editors (subscribers only)." for the in-article promo. */
    public String promoText() {
        String d = description.strip();
        while (d.endsWith(".")) d = d.substring(0, d.length() - 1);
        return d + (subscribersOnly() ? " (subscribers only)." : ".");
    }

    public boolean subscribersOnly() {
        return "subscribers".equals(audience);
    }

    /** Who may read its issues in the archive: the paywall's rule, with the newsletter's audience. */
    public Access access() {
        return subscribersOnly() ? Access.SUBSCRIBERS : Access.FREE;
    }
}
