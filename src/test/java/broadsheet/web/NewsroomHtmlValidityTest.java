package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The newsroom's dashboard and editor (with its preview beside it) are valid HTML for an editor and a contributor. */
class NewsroomHtmlValidityTest {

    static TestApp t;
    static WebClient editor, writer;
    static long article;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        SamplePaper paper = new SamplePaper(t.fixtures);
        article = t.fixtures.article(
                "full-article",
                "A full article",
                paper.politics,
                "news",
                Instant.parse("2026-11-20T10:00:00Z"),
                "Opening *paragraph*.\n\n[[related:why-the-port-matters]]\n\n[[newsletter:politics-briefing]]\n\nEnd.");
        editor = t.signedIn("valid-editor@example.org", Role.EDITOR);
        writer = t.signedIn("valid-writer@example.org", Role.CONTRIBUTOR);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/newsroom", "EDITOR", "EDITOR?done=photo-lead", "/newsroom/articles/new"})
    void newsroomPageIsValidHtml(String path) {
        String p = path.replace("EDITOR", "/newsroom/articles/" + article);
        for (WebClient c : new WebClient[] {editor, writer}) {
            var r = c.get(p);
            if (r.statusCode() == 403) continue; // a contributor may not open another's article
            assertThat(r.statusCode()).as(p).isEqualTo(200);
            assertThat(HtmlValidator.problems(r.body())).as(p).isEmpty();
        }
    }

    @Test
    void theEditorWithItsPreviewBesideItIsValidHtml() {
        var form =
                Jsoup.parse(editor.get("/newsroom/articles/" + article).body()).selectFirst("form.editor");
        Map<String, String> fields = new LinkedHashMap<>();
        for (var el : form.select("input[name], textarea[name], select[name]")) {
            String type = el.attr("type");
            if ((type.equals("checkbox") || type.equals("radio")) && !el.hasAttr("checked")) continue;
            String v = el.tagName().equals("select")
                    ? el.select("option[selected]").val()
                    : el.tagName().equals("textarea") ? el.wholeText() : el.val();
            fields.putIfAbsent(el.attr("name"), v);
        }
        fields.put("action", "preview");
        var r = editor.post("/newsroom/articles/" + article, fields);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("editor-layout--preview", "Preview (not saved)");
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
    }
}
