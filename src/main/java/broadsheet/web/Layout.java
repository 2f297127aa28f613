package broadsheet.web;

import broadsheet.sections.Section;
import java.util.List;

/** What every page's frame needs: the paper, its sections for navigation, assets and the page's head. */
public record Layout(Site site, Assets assets, List<Section> nav, Meta meta) {

    /** "Politics — The Meridian Ledger", or the paper's name alone on the home page. */
    public String fullTitle() {
        return meta.title() == null || meta.title().isEmpty() ? site.name() : meta.title() + " — " + site.name();
    }
}
