package broadsheet.web;

import broadsheet.Core;
import broadsheet.articles.ArticleDao;
import broadsheet.mail.DevMailPages;
import broadsheet.media.MediaPages;

/** What every page relies on: the access check, error pages, photo files, the logo, and local mail. */
public record SitePages(AccessCheck access, ErrorPages errors, MediaPages media, Logo logo, DevMailPages devMail) {

    /** @param staffTokens admits the Admin API's routes */
    public static SitePages create(Core core, ArticleDao articles, StaffTokenGate staffTokens) {
        return new SitePages(
                new AccessCheck(core.sessions(), core.csrf(), staffTokens),
                new ErrorPages(core.chrome(), core.views(), articles),
                new MediaPages(core.media()),
                new Logo(core.chrome()),
                new DevMailPages(core.localMail().filter(m -> core.config().devMail()), core.chrome(), core.views()));
    }
}
