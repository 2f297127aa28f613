package broadsheet;

import broadsheet.db.Database;
import broadsheet.db.Secrets;
import broadsheet.db.Settings;
import broadsheet.mail.LocalMail;
import broadsheet.mail.MailTransport;
import broadsheet.mail.Mailer;
import broadsheet.mail.TransportMailer;
import broadsheet.media.MediaFiles;
import broadsheet.newsletters.NewsletterDao;
import broadsheet.newsroom.Desk;
import broadsheet.sections.SectionDao;
import broadsheet.subscriptions.PlanDao;
import broadsheet.web.Assets;
import broadsheet.web.Chrome;
import broadsheet.web.Csrf;
import broadsheet.web.PageCache;
import broadsheet.web.SessionDao;
import broadsheet.web.Sessions;
import broadsheet.web.Site;
import broadsheet.web.Views;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The services every feature builds on: the database, settings and signing keys, templates, the
 * page cache, the site's chrome, sessions and CSRF, mail and photo files. Features take what they
 * need from here in their own {@code create} factories; nothing here knows about any feature.
 *
 * @param mailTransport where every message goes: the SMTP server, or the local mail folder
 * @param mailer transactional mail over that transport
 * @param localMail the local mail folder when no SMTP server is configured (read at /dev/mail)
 */
public record Core(
        Config config,
        Database db,
        Jdbi jdbi,
        Settings settings,
        Secrets secrets,
        Views views,
        PageCache cache,
        Assets assets,
        Chrome chrome,
        Sessions sessions,
        Csrf csrf,
        MailTransport mailTransport,
        Mailer mailer,
        Optional<LocalMail> localMail,
        MediaFiles media,
        Desk desk) {

    public static Core create(Config config, Database db) {
        Jdbi jdbi = db.jdbi();
        Settings settings = new Settings(jdbi);
        Optional<Path> theme = Optional.of(config.themeDir()).filter(Files::isDirectory);
        Views views = new Views(config.devTemplates(), theme);
        Assets assets = new Assets(theme);
        PlanDao plans = new PlanDao(jdbi);
        Chrome chrome = new Chrome(
                settings,
                new SectionDao(jdbi),
                new NewsletterDao(jdbi),
                config,
                assets,
                () -> !plans.offered().isEmpty());
        Sessions sessions = new Sessions(new SessionDao(jdbi), config.baseUrl());
        Csrf csrf = new Csrf(config.baseUrl());
        MailTransport transport =
                MailTransport.from(config.mail(), config.dataDir().resolve("mail"));
        Optional<LocalMail> localMail = transport instanceof LocalMail local ? Optional.of(local) : Optional.empty();
        return new Core(
                config,
                db,
                jdbi,
                settings,
                new Secrets(settings),
                views,
                new PageCache(
                        config.pageCache(),
                        () -> LocalDate.now(chrome.site().zone()).toString()),
                assets,
                chrome,
                sessions,
                csrf,
                transport,
                new TransportMailer(transport, config.mail().from()),
                localMail,
                new MediaFiles(config.mediaDir(), jdbi),
                new Desk(sessions, csrf, chrome, views));
    }

    /** The paper's name, address and time zone as they are now (they change with the settings). */
    public Supplier<Site> site() {
        return chrome::site;
    }
}
