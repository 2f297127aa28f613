package broadsheet.web;

import broadsheet.Config;
import broadsheet.brand.Brand;
import broadsheet.brand.BrandFiles;
import broadsheet.db.Settings;
import broadsheet.newsletters.Newsletter;
import broadsheet.newsletters.NewsletterDao;
import broadsheet.sections.Section;
import broadsheet.sections.SectionDao;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What pages read on every render and that changes only with content: the site settings, the section
 * list and the newsletters (every article page places a newsletter promo). Re-read on each content change.
 */
public final class Chrome {

    private final Settings settings;
    private final SectionDao sections;
    private final NewsletterDao newsletterDao;
    private final Config config;
    private final Assets assets;
    private final BooleanSupplier offersSubscriptions;
    private volatile Site site;
    private volatile BrandFiles brand;
    private volatile boolean subscriptions;
    private volatile List<Section> nav;
    private volatile List<Newsletter> newsletters;

    public Chrome(Settings settings, SectionDao sections, NewsletterDao newsletters, Config config, Assets assets) {
        this(settings, sections, newsletters, config, assets, () -> false);
    }

    /** @param offersSubscriptions whether the paper has plans on offer (the masthead then links to /subscribe) */
    public Chrome(
            Settings settings,
            SectionDao sections,
            NewsletterDao newsletters,
            Config config,
            Assets assets,
            BooleanSupplier offersSubscriptions) {
        this.offersSubscriptions = offersSubscriptions;
        this.settings = settings;
        this.sections = sections;
        this.newsletterDao = newsletters;
        this.config = config;
        this.assets = assets;
        reload();
    }

    /** Re-reads settings, sections and newsletters (after an import or an edit). */
    public void reload() {
        Map<String, String> s = settings.startingWith("site_");
        ZoneId zone;
        try {
            zone = ZoneId.of(s.getOrDefault("site_time_zone", "UTC"));
        } catch (DateTimeException e) {
            zone = ZoneId.of("UTC");
        }
        site = new Site(
                s.getOrDefault("site_name", "Broadsheet"),
                s.getOrDefault("site_tagline", ""),
                config.baseUrl(),
                zone,
                "en");
        brand = BrandFiles.of(Brand.from(settings.startingWith("brand_")));
        subscriptions = offersSubscriptions.getAsBoolean();
        nav = sections.all();
        newsletters = newsletterDao.all();
    }

    public Site site() {
        return site;
    }

    public List<Section> nav() {
        return nav;
    }

    public List<Newsletter> newsletters() {
        return newsletters;
    }

    /** The paper's brand as it is now: colours, type, logo and footer, with the URLs of its files. */
    public BrandFiles brand() {
        return brand;
    }

    public Layout layout(Meta meta) {
        return new Layout(site, assets, nav, meta, brand, subscriptions, LocalDate.now(site.zone()));
    }
}
