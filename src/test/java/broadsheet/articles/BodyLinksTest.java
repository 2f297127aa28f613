package broadsheet.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Article bodies link only to http, https, mailto and relative addresses (issue 17, item 8). */
class BodyLinksTest {

    private final BodyRenderer renderer = new BodyRenderer();

    private List<String> addresses(String body) {
        String html = renderer.render(body, null).stream()
                .map(b -> ((BodyRenderer.Html) b).html())
                .collect(Collectors.joining());
        return Jsoup.parseBodyFragment(html).select("a[href], img[src]").stream()
                .map(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src"))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[x](data:text/html,<script>alert(1)</script>)",
                "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[x](javascript:alert(1))",
                "[x](JaVaScRiPt:alert(1))",
                "[x](vbscript:msgbox(1))",
                "[x](&#106;avascript:alert(1))",
                "[x](&#x6A;&#x61;vascript&#58;alert(1))",
                "[x](javascript&colon;alert(1))",
                "[x](<java\tscript:alert(1)>)",
                "[x](java&#9;script:alert(1))",
                "[x](java&#10;script:alert(1))",
                "[x](&#32;javascript:alert(1))",
                "[x](<data :text/html,x>)",
                "[x](\u0001javascript:alert(1))",
                "<data:text/html,hello>",
                "[x][r]\n\n[r]: data:text/html,hello",
                "![x](data:image/svg+xml,<svg onload=alert(1)>)",
                "![x](javascript:alert(1))"
            })
    void dangerousSchemesBecomeNoAddress(String body) {
        List<String> found = addresses(body);
        assertThat(found).as(body).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[x](https://example.org/a?b=c#d)|https://example.org/a?b=c#d",
                "[x](http://example.org/)|http://example.org/",
                "[x](mailto:desk@example.org)|mailto:desk@example.org",
                "[x](MAILTO:desk@example.org)|MAILTO:desk@example.org",
                "[x](/news/2024/01/02/story)|/news/2024/01/02/story",
                "[x](../story)|../story",
                "[x](#notes)|#notes",
                "[x](?page=2)|?page=2",
                "[x](/search?q=a:b)|/search?q=a:b",
                "![chart](/media/photos/1/chart.jpg)|/media/photos/1/chart.jpg",
                "<https://example.org/x>|https://example.org/x"
            })
    void webMailAndRelativeAddressesAreKept(String row) {
        String[] parts = row.split("\\|");
        assertThat(addresses(parts[0])).as(parts[0]).containsExactly(parts[1]);
    }

    @org.junit.jupiter.api.Test
    void aDroppedAddressKeepsTheLinkText() {
        String html = ((BodyRenderer.Html) renderer.render("See [the page](data:text/html,x).", null)
                        .get(0))
                .html();
        Element a = Jsoup.parseBodyFragment(html).selectFirst("a");
        assertThat(Jsoup.parseBodyFragment(html).text()).isEqualTo("See the page.");
        assertThat(a == null ? "" : a.attr("href")).isEmpty();
    }
}
