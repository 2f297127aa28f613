package broadsheet.newsletters;

import broadsheet.Core;
import broadsheet.articles.ArticleDao;
import broadsheet.newsroom.newsletters.Definitions;
import broadsheet.newsroom.newsletters.Issues;
import broadsheet.newsroom.newsletters.NewsletterDesk;
import java.time.Duration;

/** Newsletters: sign-up and preferences, the public archive of issues, sending, and the newsletter desk. */
public record NewslettersFeature(
        NewsletterPages pages, SignupPages signups, NewsletterDesk desk, NewsletterSender sender) {

    public static NewslettersFeature create(Core core, ArticleDao articles, broadsheet.paywall.Paywall paywall) {
        var mail = core.config().mail();
        NewsletterDao newsletters = new NewsletterDao(core.jdbi());
        IssueRenderer renderer = new IssueRenderer(articles, core.views(), core.site());
        NewsletterLinks links = new NewsletterLinks(core.secrets());
        IssueDao issues = new IssueDao(core.jdbi());
        NewsletterSender sender = new NewsletterSender(
                core.jdbi(),
                core.mailTransport(),
                renderer,
                newsletters,
                issues,
                links,
                core.site(),
                mail.from(),
                Dkim.from(mail),
                NewsletterSender.BATCH,
                1);
        return new NewslettersFeature(
                new NewsletterPages(newsletters, issues, renderer, core.chrome(), core.views(), core.cache(), paywall),
                new SignupPages(
                        new Signups(core.jdbi(), core.mailer(), core.site(), links),
                        newsletters,
                        core.sessions(),
                        core.csrf(),
                        core.chrome(),
                        core.views()),
                new NewsletterDesk(
                        core.desk(),
                        newsletters,
                        issues,
                        new Definitions(core.jdbi(), newsletters),
                        new Issues(core.jdbi(), issues, renderer, sender, core.site()),
                        renderer,
                        new Suppressions(new SuppressionDao(core.jdbi()))),
                sender);
    }

    /** Starts the sender of scheduled and started issues; close what it returns to stop it. */
    public AutoCloseable startJobs() {
        return sender.start(Duration.ofSeconds(5));
    }
}
