package broadsheet.web;

import broadsheet.brand.BrandFiles;
import broadsheet.sections.Section;
import java.time.LocalDate;
import java.util.List;

/**
 * What every page's frame needs: the paper, its sections for navigation, assets, the page's head,
 * the paper's brand, whether it offers subscriptions, and today's date in its time zone (the page
 * cache keeps one copy of each page per day: see {@link PageCache}).
 */
public record Layout(
        Site site,
        Assets assets,
        List<Section> nav,
        Meta meta,
        BrandFiles brand,
        boolean subscriptions,
        LocalDate today) {

    /** "Politics — The Meridian Ledger", or the paper's name alone on the home page. */
    public String fullTitle() {
        return meta.title() == null || meta.title().isEmpty() ? site.name() : meta.title() + " — " + site.name();
    }

    /** "Sun 6 Dec 2026", for the masthead on a phone. */
    public String todayShort() {
        return java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH)
                .format(today);
    }

    /** "Sunday 6 December 2026", for the masthead. */
    public String todayReadable() {
        return site.day(today);
    }
}
