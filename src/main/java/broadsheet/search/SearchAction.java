package broadsheet.search;

import broadsheet.web.Json;
import broadsheet.web.Paths;
import broadsheet.web.Site;
import java.util.LinkedHashMap;
import java.util.Map;

/** The home page's JSON-LD: the paper as a WebSite with a SearchAction, so search engines can offer its search. */
public final class SearchAction {

    private SearchAction() {}

    public static String webSiteJsonLd(Site site) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("@type", "EntryPoint");
        target.put("urlTemplate", site.absolute(Paths.search()) + "?q={search_term_string}");
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("@type", "SearchAction");
        action.put("target", target);
        action.put("query-input", "required name=search_term_string");
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "WebSite");
        ld.put("name", site.name());
        ld.put("url", site.absolute("/"));
        ld.put("potentialAction", action);
        return Json.forScript(ld);
    }
}
