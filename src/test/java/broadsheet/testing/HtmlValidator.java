package broadsheet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;

/** The Nu HTML Checker, run in-process: the errors and warnings it finds in a page. */
public final class HtmlValidator {
    private HtmlValidator() {}

    public static List<String> problems(String html) {
        try {
            EmbeddedValidator v = new EmbeddedValidator();
            v.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
            String out = v.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            List<String> problems = new ArrayList<>();
            for (JsonNode m : new ObjectMapper().readTree(out).path("messages")) {
                String type = m.path("type").asText();
                String sub = m.path("subType").asText();
                // the checker on Maven Central predates the fetchpriority attribute, which browsers and the living
                // standard have
                if (m.path("message").asText().contains("“fetchpriority” not allowed")) continue;
                // ...and still warns that date inputs need a polyfill, which no current browser does
                if (m.path("message").asText().contains("“date” input type is not supported in all browsers")) continue;
                if (type.equals("error") || sub.equals("warning") || type.equals("non-document-error")) {
                    problems.add(type + (sub.isEmpty() ? "" : "/" + sub) + " line "
                            + m.path("lastLine").asText() + ": "
                            + m.path("message").asText() + " ["
                            + m.path("extract").asText().strip() + "]");
                }
            }
            return problems;
        } catch (Exception e) {
            throw new IllegalStateException("the HTML checker failed", e);
        }
    }
}
