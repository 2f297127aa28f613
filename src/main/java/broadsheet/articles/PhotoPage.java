package broadsheet.articles;

import broadsheet.media.Photo;
import broadsheet.web.Layout;
import broadsheet.web.Paths;

/** One photo of an article's gallery as its own page: works without JavaScript. */
public record PhotoPage(Layout layout, ArticleView article, String articlePath, Photo photo, int index, int total) {

    public String prevPath() {
        return index > 1 ? Paths.articlePhoto(articlePath, index - 1) : null;
    }

    public String nextPath() {
        return index < total ? Paths.articlePhoto(articlePath, index + 1) : null;
    }
}
