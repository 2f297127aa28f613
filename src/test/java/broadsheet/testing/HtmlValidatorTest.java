package broadsheet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The checker that every page-validity test relies on still finds what is wrong, with its schema parsed
 * once and shared and each thread's validator kept from page to page: if it quietly passed everything, or
 * carried a finding over to the next page, those tests would pass or fail with it.
 */
class HtmlValidatorTest {
    private static final String VALID =
            "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Front page</title></head>"
                    + "<body><main><h1>News</h1><p>Today.</p></main></body></html>";
    private static final String INVALID =
            "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title></title></head>"
                    + "<body><p id=a>One</p><p id=a>Two <img src=x.jpg></p><span><div>block</div></span></body></html>";

    @Test
    void aValidPageHasNoProblems() {
        assertThat(HtmlValidator.problems(VALID)).isEmpty();
    }

    @Test
    void anInvalidPageHasEachOfItsProblemsNamed() {
        assertThat(HtmlValidator.problems(INVALID))
                .anySatisfy(p -> assertThat(p).contains("“title” must not be empty"))
                .anySatisfy(p -> assertThat(p).contains("Duplicate ID “a”"))
                .anySatisfy(p -> assertThat(p).contains("“img” element must have an “alt” attribute"))
                .anySatisfy(p -> assertThat(p).contains("“div” not allowed as child of element “span”"));
    }

    @Test
    void aCheckerKeptForTheNextPageCarriesNothingOverFromThePageBefore() {
        List<String> first = HtmlValidator.problems(INVALID);
        assertThat(HtmlValidator.problems(VALID)).isEmpty();
        assertThat(HtmlValidator.problems(INVALID)).isEqualTo(first);
        assertThat(HtmlValidator.problems("<!DOCTYPE html><html lang=en><head><title>t</title></head><body><p>x"))
                .as("an unclosed page after a full one")
                .isEmpty();
        assertThat(HtmlValidator.problems(INVALID)).isEqualTo(first);
        String longPage = "<!DOCTYPE html><html lang=en><head><title>t</title></head><body>\n" + "<p>line\n".repeat(200)
                + "<p id=a>x<p id=a>y</body></html>";
        assertThat(HtmlValidator.problems(longPage))
                .anySatisfy(p -> assertThat(p).contains("Duplicate ID “a”"));
        assertThat(HtmlValidator.problems(INVALID)).isEqualTo(first);
    }

    @Test
    void checksRunningAtOnceEachReportTheirOwnPage() throws Exception {
        List<String> expectedInvalid = HtmlValidator.problems(INVALID);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> valid = new java.util.ArrayList<>();
            List<Future<List<String>>> invalid = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                valid.add(pool.submit(() -> HtmlValidator.problems(VALID)));
                invalid.add(pool.submit(() -> HtmlValidator.problems(INVALID)));
            }
            for (Future<List<String>> f : valid) assertThat(f.get()).isEmpty();
            for (Future<List<String>> f : invalid) assertThat(f.get()).isEqualTo(expectedInvalid);
        } finally {
            pool.shutdownNow();
        }
    }
}
