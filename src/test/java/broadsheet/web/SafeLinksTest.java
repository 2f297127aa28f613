package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared link rule, as the jsoup-cleaned renderers (comments, newsletter issues) apply it. */
class SafeLinksTest {

    private static final Safelist SAFE =
            SafeLinks.safelist(Safelist.basic().addTags("img").addAttributes("img", "src"));

    private static String cleaned(String html) {
        return Jsoup.clean(html, "", SAFE, new Document.OutputSettings().prettyPrint(false));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<a href=\"data:text/html,x\">x</a>",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
                "<a href=\"vbscript:msgbox(1)\">x</a>",
                "<a href=\"&#106;avascript&#x3A;alert(1)\">x</a>",
                "<a href=\"java&#9;script:alert(1)\">x</a>",
                "<a href=\" &#14; javascript:alert(1)\">x</a>",
                "<img src=\"data:image/png;base64,AAAA\">"
            })
    void otherSchemesAreDropped(String html) {
        assertThat(cleaned(html)).doesNotContain("href=").doesNotContain("src=");
    }

    @Test
    void webMailRelativeAndAnchorsAreKept() {
        assertThat(cleaned("<a href=\"https://example.org/\">a</a>")).contains("href=\"https://example.org/\"");
        assertThat(cleaned("<a href=\"mailto:desk@example.org\">a</a>")).contains("href=\"mailto:desk@example.org\"");
        assertThat(cleaned("<a href=\"/news/story\">a</a>")).contains("href=\"/news/story\"");
        assertThat(cleaned("<a href=\"#notes\">a</a>")).contains("href=\"#notes\"");
        assertThat(cleaned("<img src=\"/media/1.jpg\">")).contains("src=\"/media/1.jpg\"");
    }

    @Test
    void attributesTheBaseListRefusesStayRefused() {
        assertThat(cleaned("<p href=\"https://example.org/\">a</p>")).doesNotContain("href");
        assertThat(cleaned("<a href=\"https://example.org/\" onclick=\"x()\">a</a>"))
                .doesNotContain("onclick");
    }

    @Test
    void theRuleItself() {
        assertThat(SafeLinks.allowed("https://x.org")).isTrue();
        assertThat(SafeLinks.allowed("/a:b")).isTrue();
        assertThat(SafeLinks.allowed("java\u0000script:x")).isFalse();
        assertThat(SafeLinks.allowed("\u00a0javascript:x")).isFalse();
        assertThat(SafeLinks.allowed("data:x")).isFalse();
        assertThat(SafeLinks.allowed("ftp://x.org")).isFalse();
    }
}
