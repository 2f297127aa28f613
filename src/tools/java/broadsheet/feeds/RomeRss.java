package broadsheet.feeds;

import broadsheet.articles.ArticleSummary;
import broadsheet.media.Photo;
import broadsheet.web.Site;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.nodes.Entities;

/**
 * The RSS feed as the server wrote it until December 2026, through Rome's generator and JDOM's pretty
 * printer: the reference {@link Rss} must match byte for byte (FeedsTest), and the old side of
 * {@code FeedCpuBench}.
 */
public final class RomeRss {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    private static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");

    private final Site site;

    public RomeRss(Site site) {
        this.site = site;
    }

    public String rss(Channel c, List<ArticleSummary> items) {
        var ch = new com.rometools.rome.feed.rss.Channel("rss_2.0");
        ch.setTitle(Text.clean(c.title()));
        ch.setLink(site.absolute(c.htmlPath()));
        ch.setDescription(Text.clean(c.description()));
        ch.setLanguage(site.language());
        ch.setLastBuildDate(Date.from(Feeds.lastUpdated(items)));
        ch.setGenerator(Feeds.GENERATOR);
        Element self = new Element("link", ATOM)
                .setAttribute("href", site.absolute(c.rssPath()))
                .setAttribute("rel", "self")
                .setAttribute("type", "application/rss+xml");
        ch.setForeignMarkup(List.of(self));
        ch.setItems(items.stream().map(this::rssItem).toList());
        boolean photos = items.stream().anyMatch(a -> a.leadPhoto() != null);
        return Feeds.write(ch, root -> {
            root.addNamespaceDeclaration(ATOM);
            if (photos) root.addNamespaceDeclaration(MEDIA);
        });
    }

    private Item rssItem(ArticleSummary a) {
        var item = new Item();
        String url = url(a);
        item.setTitle(title(a));
        item.setLink(url);
        var guid = new Guid();
        guid.setValue(url);
        guid.setPermaLink(true);
        item.setGuid(guid);
        // RSS readers treat <description> as HTML; the deck is plain text, so escape it once more.
        var description = new Description();
        description.setValue(Entities.escape(Text.clean(a.deck())));
        item.setDescription(description);
        item.setPubDate(Date.from(a.publishedAt()));
        var category = new Category();
        category.setValue(Text.clean(a.sectionName()));
        item.setCategories(List.of(category));
        List<Module> modules = new ArrayList<>();
        if (!a.authorNames().isEmpty()) {
            var dc = new DCModuleImpl();
            dc.setCreator(Text.clean(a.bylineText()));
            modules.add(dc);
        }
        item.setModules(modules);
        List<Element> foreign = new ArrayList<>();
        if (a.leadPhoto() != null) foreign.add(mediaContent(a.leadPhoto()));
        item.setForeignMarkup(foreign);
        return item;
    }

    /** Media RSS rather than an RSS enclosure, which would need a byte length we do not know here. */
    private Element mediaContent(Photo p) {
        var e = new Element("content", MEDIA)
                .setAttribute("url", image(p))
                .setAttribute("type", Feeds.IMAGE_TYPE)
                .setAttribute("medium", "image")
                .setAttribute("width", String.valueOf(p.fit(Feeds.IMAGE_WIDTH)))
                .setAttribute("height", String.valueOf(p.heightAt(Feeds.IMAGE_WIDTH)));
        if (Feeds.notBlank(p.caption())) {
            e.addContent(new Element("description", MEDIA)
                    .setAttribute("type", "plain")
                    .setText(Text.clean(p.caption())));
        }
        if (Feeds.notBlank(p.credit())) e.addContent(new Element("credit", MEDIA).setText(Text.clean(p.credit())));
        return e;
    }

    private String url(ArticleSummary a) {
        return site.absolute(site.articlePath(a.slug(), a.publishedAt()));
    }

    private static String title(ArticleSummary a) {
        return Text.clean(a.kind().prefix() + a.headline());
    }

    private String image(Photo p) {
        return site.absolute(p.src(Feeds.IMAGE_WIDTH));
    }
}
