package broadsheet.newsroom.articles;

import broadsheet.web.Site;
import java.util.List;

/** A published article found to link to, with the marker that links it from a body. */
public record Hit(String headline, String slug, String path, String when) {

    public String code() {
        return "[[related:" + slug + "]]";
    }

    /** The newest published articles whose headline contains the words (at most 200 characters of them). */
    static List<Hit> search(ArticleDeskDao dao, Site site, String q) {
        if (q.isEmpty()) return List.of();
        return dao.publishedByHeadline(q.length() > 200 ? q.substring(0, 200) : q).stream()
                .map(p -> new Hit(
                        p.headline(),
                        p.slug(),
                        site.articlePath(p.slug(), p.publishedAt()),
                        site.readable(p.publishedAt())))
                .toList();
    }
}
