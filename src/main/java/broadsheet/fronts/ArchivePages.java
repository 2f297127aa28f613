package broadsheet.fronts;

import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticleSummary;
import broadsheet.db.ContentChanges;
import broadsheet.web.Chrome;
import broadsheet.web.Layout;
import broadsheet.web.Meta;
import broadsheet.web.PageCache;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Views;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The date archive: months with articles, then one day's articles. */
public final class ArchivePages {

    /** The archive's front page: months with articles, newest first. */
    public record ArchiveIndex(Layout layout, List<Month> months) {}

    public record Month(String label, String path, int count) {}

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final ArticleDao articles;
    private final Chrome chrome;
    private final Views views;
    private final PageCache cache;

    public ArchivePages(ArticleDao articles, Chrome chrome, Views views, PageCache cache) {
        this.articles = articles;
        this.chrome = chrome;
        this.views = views;
        this.cache = cache;
    }

    public void index(Context ctx) {
        cache.serve(ctx, () -> {
            List<Month> months = articles.months(chrome.site().zone().getId()).stream()
                    .map(e -> {
                        YearMonth ym = YearMonth.parse(e.getKey());
                        return new Month(
                                MONTH.format(ym), Paths.archiveMonth(ym.getYear(), ym.getMonthValue()), e.getValue());
                    })
                    .toList();
            Meta meta = Meta.page(
                    "Archive", "Every article " + chrome.site().name() + " has published, by date.", Paths.archive());
            return PageCache.Page.html(
                    views.render("fronts/archive.jte", new ArchiveIndex(chrome.layout(meta), months)),
                    null,
                    "archive " + ContentChanges.LISTS);
        });
    }

    /** A month: its days with articles, each a list; one page per month keeps URLs stable. */
    public void month(Context ctx) {
        YearMonth ym = parseMonth(ctx);
        cache.serve(ctx, () -> {
            var zone = chrome.site().zone();
            List<ArticleSummary> items = articles.between(
                    ym.atDay(1).atStartOfDay(zone).toInstant(),
                    ym.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(),
                    1000);
            if (items.isEmpty()) throw new NotFoundResponse();
            String path = Paths.archiveMonth(ym.getYear(), ym.getMonthValue());
            Meta meta = Meta.page(MONTH.format(ym), "Articles published in " + MONTH.format(ym) + ".", path);
            ListPage page = new ListPage(
                    chrome.layout(meta), "Archive", MONTH.format(ym), "", "", null, null, items, null, null, null);
            return PageCache.Page.html(
                    views.render("fronts/list.jte", page), FrontPages.newest(items), "archive " + ContentChanges.LISTS);
        });
    }

    public void day(Context ctx) {
        LocalDate d;
        try {
            d = LocalDate.of(Params.pathNumber(ctx, "y"), Params.pathNumber(ctx, "m"), Params.pathNumber(ctx, "d"));
        } catch (DateTimeException e) {
            throw new NotFoundResponse();
        }
        cache.serve(ctx, () -> {
            var zone = chrome.site().zone();
            List<ArticleSummary> items = articles.between(
                    d.atStartOfDay(zone).toInstant(),
                    d.plusDays(1).atStartOfDay(zone).toInstant(),
                    1000);
            if (items.isEmpty()) throw new NotFoundResponse();
            String path = Paths.archiveDay(d);
            String label = chrome.site().day(d);
            Meta meta = Meta.page(label, "Articles published on " + label + ".", path);
            ListPage page =
                    new ListPage(chrome.layout(meta), "Archive", label, "", "", null, null, items, null, null, null);
            return PageCache.Page.html(
                    views.render("fronts/list.jte", page), FrontPages.newest(items), "archive " + ContentChanges.LISTS);
        });
    }

    /** The year and month in the path; 404 unless they name a real month. */
    static YearMonth parseMonth(Context ctx) {
        try {
            return YearMonth.of(Params.pathNumber(ctx, "y"), Params.pathNumber(ctx, "m"));
        } catch (DateTimeException e) {
            throw new NotFoundResponse();
        }
    }
}
