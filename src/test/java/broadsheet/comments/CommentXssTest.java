package broadsheet.comments;

import static broadsheet.comments.CommentsFixture.posted;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Known cross-site scripting payloads posted as comments: none comes back as markup that could run. */
class CommentXssTest {

    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](java&#x09;script:alert(1))",
            "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&#60;img src=x onerror=alert(1)&#62;",
            "<body onload=alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "\"><script>alert(1)</script>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<form action=javascript:alert(1)><button>go</button></form>",
            "![img](x\" onerror=\"alert(1))",
            "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok</a>",
            "`<script>alert(1)</script>`",
            "<<script>script>alert(1)<</script>/script>");

    static final Set<String> ALLOWED = Set.of("p", "br", "em", "strong", "a");

    static TestApp t;
    static CommentsFixture f;

    @BeforeAll
    static void setUp() {
        t = new TestApp(broadsheet.mail.MailConfig.fromEnv(Map.of()));
        f = new CommentsFixture(t);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    @Test
    void noPayloadSurvivesAsExecutableMarkup() {
        long a = f.article("Safe comments");
        WebClient ann = f.reader("ann");
        for (String p : PAYLOADS) {
            long id = posted(ann, a, p);
            Document d = f.thread(a, "");
            Element body = d.getElementById("c" + id).selectFirst(".comment__body");
            for (Element e : body.select("*")) {
                if (e == body) continue;
                assertThat(ALLOWED).as("element <%s> from %s", e.tagName(), p).contains(e.tagName());
                for (Attribute at : e.attributes()) {
                    assertThat(at.getKey())
                            .as("attribute from %s", p)
                            .doesNotStartWith("on")
                            .isIn("href", "rel");
                    if (at.getKey().equals("href"))
                        assertThat(at.getValue()).as("link from %s", p).matches("https?://.*");
                }
            }
            assertThat(d.select("script[src*=evil], script:containsData(alert)"))
                    .as(p)
                    .isEmpty();
            // whatever looked like a tag is shown as text
            if (p.startsWith("<script>")) assertThat(body.text()).contains("<script>alert(1)</script>");
        }
    }

    @Test
    void emphasisAndLinksAreKeptAndLinksMarkedAsUserContent() {
        long a = f.article("Formatting");
        long id = posted(
                f.reader("ann"),
                a,
                "This is *really* **important**: see https://example.org/report and [the plan](https://example.org/plan).");
        Element body = f.thread(a, "").getElementById("c" + id).selectFirst(".comment__body");
        assertThat(body.selectFirst("em").text()).isEqualTo("really");
        assertThat(body.selectFirst("strong").text()).isEqualTo("important");
        assertThat(body.select("a").eachAttr("href"))
                .containsExactly("https://example.org/report", "https://example.org/plan");
        assertThat(body.select("a").eachAttr("rel")).containsOnly("nofollow ugc noopener");
    }
}
