package broadsheet.search;

import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticleSummary;
import broadsheet.web.Chrome;
import broadsheet.web.Json;
import broadsheet.web.PageCache;
import broadsheet.web.Paths;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Suggestions while typing (JSON) and the OpenSearch description that lets browsers search the paper. */
public final class SearchSuggest {

    private static final int NAMES = 3;
    private static final int HEADLINES = 5;

    private final Search search;
    private final SearchDao dao;
    private final ArticleDao articles;
    private final Chrome chrome;
    private final PageCache cache;

    public SearchSuggest(Search search, SearchDao dao, ArticleDao articles, Chrome chrome, PageCache cache) {
        this.search = search;
        this.dao = dao;
        this.articles = articles;
        this.chrome = chrome;
        this.cache = cache;
    }

    /** {"items": [{"kind": "topic"|"author"|"article", "label": ..., "href": ...}, ...]}: names first. */
    public void suggest(Context ctx) {
        String raw = ctx.queryParam("q");
        String q = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (q.length() > 100) q = q.substring(0, 100);
        String typed = q;
        cache.serve(ctx, "suggest:" + typed, "public, max-age=60, s-maxage=300", "Accept-Encoding", () -> {
            List<Map<String, String>> items = new ArrayList<>();
            if (typed.length() >= 2 && search.ready()) {
                for (SearchDao.Named n : dao.namesStartingWith(typed, NAMES)) {
                    String href = n.kind().equals("author") ? Paths.author(n.slug()) : Paths.topic(n.slug());
                    items.add(Map.of("kind", n.kind(), "label", n.name(), "href", href));
                }
                items.sort((a, b) ->
                        a.get("kind").equals(b.get("kind")) ? 0 : a.get("kind").equals("topic") ? -1 : 1);
                List<ArticleSummary> found = articles.byIds(search.headlinesStartingWith(typed, HEADLINES));
                for (ArticleSummary a : found)
                    items.add(Map.of(
                            "kind",
                            "article",
                            "label",
                            a.kind().prefix() + a.headline(),
                            "href",
                            chrome.site().articlePath(a.slug(), a.publishedAt())));
            }
            byte[] body = Json.forScript(Map.of("items", items)).getBytes(StandardCharsets.UTF_8);
            return PageCache.Page.of(body, "application/json", Instant.now(), SearchFeature.SURROGATE_KEY);
        });
    }

    public void openSearch(Context ctx) {
        cache.serve(ctx, () -> {
            var site = chrome.site();
            String name = site.name().length() > 16 ? site.name().substring(0, 16) : site.name();
            String xml = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
                      <ShortName>%s</ShortName>
                      <Description>Search the articles of %s</Description>
                      <InputEncoding>UTF-8</InputEncoding>
                      <Image width="16" height="16" type="image/png">%s</Image>
                      <Url type="text/html" method="get" template="%s?q={searchTerms}"/>
                      <Url type="application/opensearchdescription+xml" rel="self" template="%s"/>
                    </OpenSearchDescription>
                    """.formatted(
                            xml(name),
                            xml(site.name()),
                            xml(site.absolute("/logo.png")),
                            xml(site.absolute(Paths.search())),
                            xml(site.absolute(Paths.openSearch())));
            return PageCache.Page.of(
                    xml.getBytes(StandardCharsets.UTF_8),
                    "application/opensearchdescription+xml; charset=utf-8",
                    null,
                    "search");
        });
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
