package broadsheet.search;

import broadsheet.articles.ArticleDao;
import broadsheet.articles.ArticleSummary;
import broadsheet.articles.Kind;
import broadsheet.web.Chrome;
import broadsheet.web.Meta;
import broadsheet.web.PageCache;
import broadsheet.web.Params;
import broadsheet.web.Paths;
import broadsheet.web.Views;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The reader's search: the results page (the same bytes for everyone, cached per URL). */
public final class SearchPages {

    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final List<String> WHENS = List.of("", "day", "week", "month", "year", "custom");
    private static final Map<String, String> WHEN_LABELS =
            Map.of("", "Any time", "day", "Past day", "week", "Past week", "month", "Past month", "year", "Past year");
    private static final Map<String, String> TITLES =
            Map.of("section", "Section", "kind", "Type", "author", "Author", "topic", "Topic");

    private final Search search;
    private final SearchDao dao;
    private final ArticleDao articles;
    private final Chrome chrome;
    private final Views views;
    private final PageCache cache;

    public SearchPages(Search search, SearchDao dao, ArticleDao articles, Chrome chrome, Views views, PageCache cache) {
        this.search = search;
        this.dao = dao;
        this.articles = articles;
        this.chrome = chrome;
        this.views = views;
        this.cache = cache;
    }

    public void results(Context ctx) {
        SearchRequest r = request(ctx);
        if (!search.ready()) {
            ctx.header("Retry-After", "60");
            ctx.status(503);
            ctx.contentType("text/html; charset=utf-8");
            ctx.result(render(r, Search.Results.NONE, new Search.NotReady().getMessage(), null));
            return;
        }
        // one cached page per normalized URL: the same search reached by any link is one entry
        cache.serve(ctx, SearchLinks.href(r), PageCache.CACHE_CONTROL, "Accept-Encoding", () -> {
            String q = r.q().strip();
            Search.Results found;
            String message = null;
            if (q.isEmpty()) {
                found = Search.Results.NONE;
                message = "Type a word or two to search every article we have published.";
            } else if (!Search.searchable(q)) {
                found = Search.Results.NONE;
                message = "There is nothing to search for in “" + shorten(q)
                        + "”. Try a few words from a headline, a name or a topic.";
            } else {
                found = search.search(r, chrome.site().zone(), Instant.now());
                if (found.total() == 0)
                    message = "No articles match “" + shorten(q) + "”"
                            + (filtered(r) ? " with these filters. Try removing one." : ". Try fewer or other words.");
            }
            String notice = found.fuzzy() && found.total() > 0
                    ? "Nothing matched “" + shorten(q) + "” exactly; these match similar spellings."
                    : null;
            return PageCache.Page.html(render(r, found, message, notice), null, SearchFeature.SURROGATE_KEY);
        });
    }

    private byte[] render(SearchRequest r, Search.Results found, String message, String notice) {
        Map<Long, ArticleSummary> byId = articles
                .byIds(found.hits().stream().map(Search.Hit::id).toList())
                .stream()
                .collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
        List<SearchPage.Item> items = new ArrayList<>();
        for (Search.Hit h : found.hits()) {
            ArticleSummary a = byId.get(h.id()); // published now, read from the database: nothing else is shown
            if (a != null) items.add(new SearchPage.Item(a, h.snippet()));
        }
        long shown = (long) (r.page() - 1) * Search.PAGE_SIZE + found.hits().size();
        String more = found.total() > shown && r.page() < SearchRequest.MAX_PAGE
                ? SearchLinks.href(r.withPage(r.page() + 1))
                : null;
        Map<String, String> names = names(r, found);
        String title = r.q().isBlank() ? "Search" : "Search: " + shorten(r.q().strip());
        Meta meta = new Meta(
                title, "Search " + chrome.site().name(), Paths.search(), "website", null, null, List.of(), true);
        SearchPage page = new SearchPage(
                chrome.layout(meta),
                r.q(),
                r.order().value(),
                count(found),
                items,
                sorts(r),
                dates(r),
                facets(r, found, names),
                found.total() > Search.FACETED && !found.facets().isEmpty()
                        ? String.format(java.util.Locale.UK, "Counted among the best %,d matches.", Search.FACETED)
                        : null,
                applied(r, names),
                message,
                notice,
                more,
                r.page());
        return views.render("search/results.jte", page);
    }

    static String count(Search.Results found) {
        String n = String.format(java.util.Locale.UK, "%,d", found.total());
        if (found.atLeast()) return "At least " + n + " articles";
        return found.total() == 1 ? "1 article" : n + " articles";
    }

    private static List<SearchPage.Link> sorts(SearchRequest r) {
        return List.of(
                new SearchPage.Link(
                        "Most relevant",
                        SearchLinks.href(SearchLinks.ordered(r, SearchRequest.Order.RELEVANCE)),
                        r.order() == SearchRequest.Order.RELEVANCE,
                        -1),
                new SearchPage.Link(
                        "Newest first",
                        SearchLinks.href(SearchLinks.ordered(r, SearchRequest.Order.NEWEST)),
                        r.order() == SearchRequest.Order.NEWEST,
                        -1));
    }

    private static List<SearchPage.Link> dates(SearchRequest r) {
        List<SearchPage.Link> out = new ArrayList<>();
        for (String w : List.of("", "day", "week", "month", "year"))
            out.add(new SearchPage.Link(
                    WHEN_LABELS.get(w),
                    SearchLinks.href(SearchLinks.with(r, "when", w)),
                    r.when().equals(w),
                    -1));
        return out;
    }

    /**
     * The names of the sections, and of the authors and topics among the facets and the filters, in one
     * query for both the facets and the filters in force (none when there is nothing to name).
     */
    private Map<String, String> names(SearchRequest r, Search.Results found) {
        Set<String> authors = new HashSet<>();
        Set<String> topics = new HashSet<>();
        found.facets().getOrDefault("author", List.of()).forEach(v -> authors.add(v.value()));
        found.facets().getOrDefault("topic", List.of()).forEach(v -> topics.add(v.value()));
        if (!r.author().isEmpty()) authors.add(r.author());
        if (!r.topic().isEmpty()) topics.add(r.topic());
        boolean named =
                !r.author().isEmpty() || !r.topic().isEmpty() || !r.section().isEmpty();
        return found.facets().isEmpty() && !named ? Map.of() : dao.names(authors, topics);
    }

    private List<SearchPage.FacetGroup> facets(SearchRequest r, Search.Results found, Map<String, String> names) {
        List<SearchPage.FacetGroup> groups = new ArrayList<>();
        for (Map.Entry<String, List<Search.FacetValue>> dim : found.facets().entrySet()) {
            String selected = selected(r, dim.getKey());
            List<SearchPage.Link> links = new ArrayList<>();
            for (Search.FacetValue v : dim.getValue()) {
                String label = label(dim.getKey(), v.value(), names);
                links.add(new SearchPage.Link(
                        label,
                        SearchLinks.href(SearchLinks.with(r, dim.getKey(), v.value())),
                        v.value().equals(selected),
                        v.count()));
            }
            if (!links.isEmpty())
                groups.add(new SearchPage.FacetGroup("facet-" + dim.getKey(), TITLES.get(dim.getKey()), links));
        }
        return groups;
    }

    /** The filters in force, each as a link that removes it. */
    private List<SearchPage.Link> applied(SearchRequest r, Map<String, String> names) {
        List<SearchPage.Link> out = new ArrayList<>();
        for (String dim : List.of("section", "kind", "author", "topic")) {
            String v = selected(r, dim);
            if (!v.isEmpty())
                out.add(new SearchPage.Link(
                        TITLES.get(dim) + ": " + label(dim, v, names),
                        SearchLinks.href(SearchLinks.with(r, dim, "")),
                        true,
                        -1));
        }
        if (!r.when().isEmpty()) {
            String label = r.when().equals("custom")
                    ? "From " + (r.from() == null ? "the start" : r.from()) + " to "
                            + (r.to() == null ? "today" : r.to())
                    : WHEN_LABELS.get(r.when());
            out.add(new SearchPage.Link(label, SearchLinks.href(SearchLinks.with(r, "when", "")), true, -1));
        }
        return out;
    }

    private static String selected(SearchRequest r, String dim) {
        return switch (dim) {
            case "section" -> r.section();
            case "author" -> r.author();
            case "topic" -> r.topic();
            case "kind" -> r.kind();
            default -> "";
        };
    }

    private static String label(String dim, String value, Map<String, String> names) {
        if (dim.equals("kind")) {
            Kind k = Kind.of(value);
            return k == Kind.NEWS ? "News" : k.label();
        }
        return names.getOrDefault(dim + ":" + value, value);
    }

    private static boolean filtered(SearchRequest r) {
        return !(r.section().isEmpty()
                && r.author().isEmpty()
                && r.topic().isEmpty()
                && r.kind().isEmpty()
                && r.when().isEmpty());
    }

    static String shorten(String q) {
        return q.length() <= 80 ? q : q.substring(0, 80) + "…";
    }

    /** Reads and checks the URL's parameters; a bad one is a 400 naming it (the words themselves never are). */
    static SearchRequest request(Context ctx) {
        String q = param(ctx, "q");
        String sort = param(ctx, "sort");
        SearchRequest.Order order = switch (sort) {
            case "", "relevance" -> SearchRequest.Order.RELEVANCE;
            case "newest" -> SearchRequest.Order.NEWEST;
            default -> throw new BadRequestResponse("The 'sort' parameter must be 'relevance' or 'newest'.");
        };
        String kind = param(ctx, "kind");
        if (!kind.isEmpty()
                && !List.of("news", "opinion", "analysis", "explainer").contains(kind))
            throw new BadRequestResponse("The 'kind' parameter must be news, opinion, analysis or explainer.");
        String when = param(ctx, "when");
        if (!WHENS.contains(when))
            throw new BadRequestResponse("The 'when' parameter must be day, week, month, year or custom.");
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        if ((from != null || to != null) && when.isEmpty()) when = "custom";
        if (from != null && to != null && to.isBefore(from))
            throw new BadRequestResponse("The 'to' date must not be before the 'from' date.");
        int page = 1;
        String p = param(ctx, "page");
        if (!p.isEmpty()) {
            page = Params.typedInt(p).orElse(0);
            if (page < 1 || page > SearchRequest.MAX_PAGE)
                throw new BadRequestResponse(
                        "The 'page' parameter must be a whole number from 1 to " + SearchRequest.MAX_PAGE + ".");
        }
        return new SearchRequest(
                q, order, slug(ctx, "section"), slug(ctx, "author"), slug(ctx, "topic"), kind, when, from, to, page);
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v;
    }

    private static String slug(Context ctx, String name) {
        String v = param(ctx, name);
        if (!v.isEmpty() && (v.length() > 120 || !SLUG.matcher(v).matches()))
            throw new BadRequestResponse("The '" + name + "' parameter must be a short name like 'city-hall'.");
        return v;
    }

    private static LocalDate date(Context ctx, String name) {
        String v = param(ctx, name);
        if (v.isEmpty()) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("The '" + name + "' parameter must be a date like 2026-11-30.");
        }
    }
}
