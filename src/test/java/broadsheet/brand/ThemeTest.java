package broadsheet.brand;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.SamplePaper;
import broadsheet.testing.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A theme folder in the data folder replaces the templates it has and adds its CSS; the rest stays built in. */
class ThemeTest {

    @Test
    void aTemplateInTheThemeFolderWinsAndItsCssIsLinked() throws IOException {
        String page = Files.readString(Path.of("src/main/jte/layout/page.jte"))
                .replace("Skip to main content", "Skip to the news");
        try (TestApp t = new TestApp(TestApp.Options.defaults(), dir -> {
            try {
                Path templates = dir.resolve("theme/templates/layout");
                Files.createDirectories(templates);
                Files.writeString(templates.resolve("page.jte"), page);
                Files.writeString(dir.resolve("theme/theme.css"), ".masthead{border-bottom-color:#004d40}\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })) {
            new SamplePaper(t.fixtures);
            t.contentChanged();
            Document home = Jsoup.parse(t.client().get("/").body());
            assertThat(home.select(".skip-link").text()).isEqualTo("Skip to the news");
            // a template the theme does not have is the built-in one
            assertThat(home.select(".section-heading").text()).contains("Opinion and analysis");
            String css =
                    home.select("link[rel=stylesheet][href^=/assets/theme.]").attr("href");
            assertThat(css).isNotEmpty();
            assertThat(t.client().get(css).body()).contains("#004d40");
        }
    }

    @Test
    void withoutAThemeTheBuiltInTemplatesServe() {
        try (TestApp t = new TestApp()) {
            Document home = Jsoup.parse(t.client().get("/").body());
            assertThat(home.select(".skip-link").text()).isEqualTo("Skip to main content");
            assertThat(home.select("link[href^=/assets/theme.]")).isEmpty();
        }
    }
}
