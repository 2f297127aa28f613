package broadsheet.newsroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.HtmlValidator;
import broadsheet.testing.Waiting;
import broadsheet.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jsoup.Jsoup;

/** Helpers for driving the article desk like a browser. */
final class Desk {
    private Desk() {}

    /** Form fields from name, value pairs; names may repeat. */
    static List<Map.Entry<String, String>> fields(String... kv) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) out.add(Map.entry(kv[i], kv[i + 1]));
        return out;
    }

    /** Posts like a browser: the CSRF token from the cookie goes in the form. */
    static HttpResponse<String> post(WebClient c, String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("_csrf", c.cookie("bs_csrf").orElseThrow()));
        return c.postForm(path, all);
    }

    static HttpResponse<String> post(WebClient c, String path, String... kv) {
        return post(c, path, fields(kv));
    }

    /** The id in the Location of a redirect to /newsroom/articles/{id}?... */
    static long idFrom(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String loc = r.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(loc.replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
    }

    /** The version the editor page's form starts from. */
    static String version(WebClient c, long id) {
        return Jsoup.parse(c.get("/newsroom/articles/" + id).body())
                .selectFirst("input[name=version]")
                .attr("value");
    }

    static void valid(String html) {
        assertThat(HtmlValidator.problems(html)).isEmpty();
    }

    /** Waits (up to 5 s) until the condition holds: the page cache is dropped when the change notification arrives. */
    static void eventually(Supplier<Boolean> condition) {
        Waiting.fewSeconds().until(condition::get);
    }
}
