package broadsheet.newsroom.articles;

import broadsheet.accounts.User;
import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticleStatus;
import broadsheet.newsroom.Desk;
import broadsheet.reads.ReadsDao;
import broadsheet.search.Search;
import broadsheet.sections.SectionDao;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Role;
import broadsheet.web.Site;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The desk's list of articles, filtered and a page at a time, and the search for published articles to link. */
public final class ArticleListPages {

    public record ListPage(
            Desk.Frame frame,
            DeskList.Filter filter,
            List<DeskList.Row> rows,
            String nextHref,
            boolean firstPage,
            Choices choices,
            boolean everyone,
            Site site,
            Map<Long, Long> reads) {
        /** Whether the list shows each article's reads of the last 24 hours (to editors). */
        public boolean showsReads() {
            return reads != null;
        }

        public long readsOf(long articleId) {
            return reads == null ? 0 : reads.getOrDefault(articleId, 0L);
        }
    }

    public record SearchPage(Desk.Frame frame, String q, List<Hit> hits) {}

    private final Desk desk;
    private final DeskListDao list;
    private final ArticleDeskDao dao;
    private final SectionDao sections;
    private final ReadsDao reads;
    private final Search search;
    private final ArticleDao published;

    /**
     * @param reads read counts for the list's "Reads 24 h" column
     * @param search finds the articles matching the list's words (every status) and the published ones to link
     * @param published the reader's articles, for the published ones search found
     */
    public ArticleListPages(
            Desk desk,
            DeskListDao list,
            ArticleDeskDao dao,
            SectionDao sections,
            ReadsDao reads,
            Search search,
            ArticleDao published) {
        this.search = search;
        this.published = published;
        this.desk = desk;
        this.list = list;
        this.dao = dao;
        this.sections = sections;
        this.reads = reads;
    }

    public void list(Context ctx) {
        User user = desk.user(ctx);
        String asked = Objects.requireNonNullElse(ctx.queryParam("status"), "");
        ArticleStatus status = Arrays.stream(ArticleStatus.values())
                .filter(s -> s.dbValue().equals(asked))
                .findFirst()
                .orElse(null);
        String q = Objects.requireNonNullElse(ctx.queryParam("q"), "").strip();
        DeskList.Filter f = new DeskList.Filter(
                status,
                Params.optionalQueryLong(ctx, "section").orElse(null),
                Params.optionalQueryLong(ctx, "author").orElse(null),
                q.length() > 200 ? q.substring(0, 200) : q,
                DeskList.Sort.of(ctx.queryParam("sort")),
                "1".equals(ctx.queryParam("mine")));
        boolean everyone = user.atLeast(Role.EDITOR);
        String after = ctx.queryParam("after");
        DeskList.Result r = list.page(
                f,
                everyone && !f.mine() ? null : user.id(),
                after,
                f.q().isEmpty() ? null : search.newsroomMatches(f.q(), false, 1000));
        String next = r.nextAfter() == null
                ? null
                : Paths.with(NewsroomPaths.newsroomArticles(f.query()), "after", r.nextAfter());
        desk.render(
                ctx,
                "newsroom/articles/list.jte",
                new ListPage(
                        desk.frame(ctx, "Articles", "articles"),
                        f,
                        r.rows(),
                        next,
                        after == null || after.isBlank(),
                        Choices.load(dao, sections),
                        everyone,
                        desk.chrome().site(),
                        everyone
                                ? reads.lastDay(
                                        r.rows().stream().map(DeskList.Row::id).toList())
                                : null));
    }

    public void search(Context ctx) {
        String q = Objects.requireNonNullElse(ctx.queryParam("q"), "").strip();
        List<Hit> hits = Hit.search(search, published, desk.chrome().site(), q);
        String accept = Objects.requireNonNullElse(ctx.header("Accept"), "");
        if ("json".equals(ctx.queryParam("format"))
                || (accept.contains("application/json") && !accept.contains("text/html"))) {
            ctx.header("Cache-Control", "private, no-store");
            ctx.json(hits.stream()
                    .map(h -> Map.of("headline", h.headline(), "slug", h.slug(), "code", h.code(), "when", h.when()))
                    .toList());
            return;
        }
        desk.render(
                ctx,
                "newsroom/articles/search.jte",
                new SearchPage(desk.frame(ctx, "Find articles to link", "articles"), q, hits));
    }
}
