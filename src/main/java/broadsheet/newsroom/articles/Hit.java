package broadsheet.newsroom.articles;

import broadsheet.articles.ArticleDao;
import broadsheet.search.Search;
import broadsheet.web.Site;
import java.util.List;

/** A published article found to link to, with the marker that links it from a body. */
public record Hit(String headline, String slug, String path, String when) {

    public String code() {
        return "[[related:" + slug + "]]";
    }

    /** Published articles to link, found by search's engine, most relevant first (at most 200 characters of words). */
    static List<Hit> search(Search search, ArticleDao published, Site site, String q) {
        if (q.isEmpty()) return List.of();
        return published.byIds(search.newsroomMatches(q.length() > 200 ? q.substring(0, 200) : q, true, 10)).stream()
                .map(p -> new Hit(
                        p.headline(),
                        p.slug(),
                        site.articlePath(p.slug(), p.publishedAt()),
                        site.readable(p.publishedAt())))
                .toList();
    }
}
