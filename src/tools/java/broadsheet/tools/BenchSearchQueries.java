package broadsheet.tools;

import broadsheet.search.SearchRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;

/**
 * The query mix of bench-search, drawn from a bench-data archive: for each kind of query a reader
 * types, a few hundred examples, each as the search page's address, as the engine's request, and as
 * the words and filters PostgreSQL's full-text search is given.
 */
public final class BenchSearchQueries {

    /** One query: the words, and the filters (null when unused). */
    record Query(String words, String section, Long sectionId, String kind, LocalDate from, LocalDate to) {

        String path() {
            StringBuilder p = new StringBuilder("/search?q=").append(URLEncoder.encode(words, StandardCharsets.UTF_8));
            if (section != null) p.append("&section=").append(section);
            if (kind != null) p.append("&kind=").append(kind);
            if (from != null) p.append("&from=").append(from).append("&to=").append(to);
            return p.toString();
        }

        SearchRequest request() {
            return new SearchRequest(
                    words,
                    SearchRequest.Order.RELEVANCE,
                    section == null ? "" : section,
                    "",
                    "",
                    kind == null ? "" : kind,
                    from == null ? "" : "custom",
                    from,
                    to,
                    1);
        }
    }

    /** A kind of query and its examples. */
    record Type(String name, List<Query> queries) {}

    private record Section(long id, String slug) {}

    static List<Type> draw(Jdbi jdbi, long seed, int each) {
        Random rnd = new Random(seed);
        BenchWords w = new BenchWords(rnd);
        List<String> authors = jdbi.withHandle(h -> h.createQuery("select name from authors order by id")
                .mapTo(String.class)
                .list());
        List<Section> sections = jdbi.withHandle(h -> h.createQuery("select id, slug from sections order by id")
                .map((rs, ctx) -> new Section(rs.getLong("id"), rs.getString("slug")))
                .list());
        LocalDate newest = jdbi.withHandle(h -> h.createQuery(
                        "select coalesce(max(published_at), now())::date from articles where status = 'published'")
                .mapTo(LocalDate.class)
                .one());
        List<Type> types = new ArrayList<>();
        types.add(new Type("one common word", make(each, () -> plain(w.pick(BenchWords.NOUNS)))));
        types.add(new Type(
                "two words", make(each, () -> plain(w.pick(BenchWords.ADJECTIVES) + " " + w.pick(BenchWords.NOUNS)))));
        types.add(new Type(
                "a phrase",
                make(each, () -> plain("\"" + w.pick(BenchWords.ADJECTIVES) + " " + w.pick(BenchWords.NOUNS) + "\""))));
        types.add(new Type(
                "a rare name (an author)", make(each, () -> plain(authors.get(rnd.nextInt(authors.size()))))));
        types.add(new Type(
                "a misspelt name", make(each, () -> plain(misspell(authors.get(rnd.nextInt(authors.size())), rnd)))));
        types.add(new Type("faceted (a word, a section and a kind)", make(each, () -> {
            Section s = sections.get(rnd.nextInt(sections.size()));
            return new Query(w.pick(BenchWords.NOUNS), s.slug(), s.id(), "analysis", null, null);
        })));
        types.add(new Type("date-filtered (a word, one month)", make(each, () -> {
            LocalDate from = newest.minusDays(30 + rnd.nextInt(900));
            return new Query(w.pick(BenchWords.NOUNS), null, null, null, from, from.plusMonths(1));
        })));
        return types;
    }

    private static Query plain(String words) {
        return new Query(words, null, null, null, null, null);
    }

    private static List<Query> make(int n, java.util.function.Supplier<Query> one) {
        List<Query> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(one.get());
        return out;
    }

    /** The name with two neighbouring letters of its last word swapped ("Quill" to "Qiull"). */
    public static String misspell(String name, Random rnd) {
        int space = name.lastIndexOf(' ');
        int at = space + 2 + rnd.nextInt(Math.max(1, name.length() - space - 3));
        if (at + 1 >= name.length()) return name + "e";
        char[] c = name.toCharArray();
        char t = c[at];
        c[at] = c[at + 1];
        c[at + 1] = t;
        return new String(c);
    }
}
