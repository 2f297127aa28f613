package broadsheet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import nu.validator.json.Serializer;
import nu.validator.messages.JsonMessageEmitter;
import nu.validator.messages.MessageEmitterAdapter;
import nu.validator.servlet.imagereview.ImageCollector;
import nu.validator.validation.SimpleDocumentValidator;
import nu.validator.xml.SystemErrErrorHandler;
import org.xml.sax.InputSource;

/**
 * The Nu HTML Checker, run in-process: the errors and warnings it finds in a page.
 *
 * <p>The checker's own {@code EmbeddedValidator} parses the HTML schema (RELAX NG compact syntax, some
 * hundreds of files) again on every call, about 85 ms of CPU each; the suite checks some hundreds of pages.
 * Here the schema is parsed once per JVM and each check gets a fresh {@link SimpleDocumentValidator} (its
 * parsers and source buffer are per document) given that schema. Jing documents its {@code Schema} as safe
 * for concurrent use by several threads (each check makes its own validator from it), and the checker's
 * wrappers around it hold nothing but the schema they wrap, so the two test classes running at once share
 * it; each thread then keeps its validator for its next pages (see {@link #REUSED}), which cut a check's CPU
 * to a third or a sixth (16.7, 8.7 and 10.5 ms to 4.7, 1.8 and 1.5 ms for the home, a section and the
 * newsletters page, warm, 8 December 2026). {@code SimpleDocumentValidator} has no setter for a schema it did not parse, hence the reflection,
 * pinned to the checker version in the pom (a newer checker that renames the fields fails here at once).
 */
public final class HtmlValidator {
    private static final List<Field> SCHEMA_FIELDS = fields(
            SimpleDocumentValidator.class,
            "mainSchema",
            "mainSchemaUrl",
            "hasHtml5Schema",
            "assertionSchema",
            "langdetectSchema");
    /** A checker whose only use is to hold the parsed schema that every check copies. */
    private static final SimpleDocumentValidator PARSED = parsed();

    private HtmlValidator() {}

    public static List<String> problems(String html) {
        try {
            List<String> problems = new ArrayList<>();
            for (JsonNode m : new ObjectMapper().readTree(check(html)).path("messages")) {
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

    /** The checker's JSON report on one document, as {@code EmbeddedValidator} writes it by default. */
    private static String check(String html) throws Exception {
        Reused r = REUSED.get();
        r.forgetLastPage();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageEmitterAdapter report = new MessageEmitterAdapter(
                null,
                r.checker.getSourceCode(),
                true,
                new ImageCollector(r.checker.getSourceCode()),
                0,
                true,
                new JsonMessageEmitter(new Serializer(out), null, false));
        report.setErrorsOnly(false);
        report.setHtml(true);
        report.start(null);
        r.reports.to = report;
        try {
            // resets the validators (and the checkers they carry) before it parses
            r.checker.checkHtmlInputSource(
                    new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
        } finally {
            r.reports.to = null;
        }
        report.end("Document checking completed. No errors found.", "Document checking completed.", "");
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * A thread's checker, kept for its next pages: Jing works out, as it validates, which patterns may
     * follow which (its "derivatives") and keeps them in the validator, so a validator made afresh for every
     * page worked them out again each time (most of a check's 8-20 ms of CPU). The validator is reset before
     * each page; its reports go to the page's own report through {@link Reports}.
     */
    private static final ThreadLocal<Reused> REUSED = ThreadLocal.withInitial(Reused::new);

    private static final class Reused {
        /**
         * What the source buffer remembers of a page's errors, to show them in its source at the end; its
         * {@code start()} clears the page's lines but not these, so a page's report would point into the page
         * before it.
         */
        private static final List<Field> ERRORS_SEEN =
                fields(nu.validator.source.SourceCode.class, "exactErrors", "rangeLasts", "oneBasedLineErrors");

        final SimpleDocumentValidator checker;
        final Reports reports = new Reports();

        void forgetLastPage() throws IllegalAccessException {
            for (Field f : ERRORS_SEEN) ((java.util.Collection<?>) f.get(checker.getSourceCode())).clear();
        }

        Reused() {
            try {
                // as EmbeddedValidator constructs it: no log4j set-up again, no URL logging, language detection on
                checker = new SimpleDocumentValidator(false, false, true);
                for (Field f : SCHEMA_FIELDS) f.set(checker, f.get(PARSED));
                checker.setUpValidatorAndParsers(reports, false, false);
            } catch (Exception e) {
                throw new IllegalStateException("the HTML checker could not be set up", e);
            }
        }
    }

    /** Passes the validator's findings on to the report of the page being checked. */
    private static final class Reports implements org.xml.sax.ErrorHandler {
        MessageEmitterAdapter to;

        @Override
        public void warning(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
            to.warning(e);
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
            to.error(e);
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
            to.fatalError(e);
        }
    }

    private static SimpleDocumentValidator parsed() {
        try {
            SimpleDocumentValidator v = new SimpleDocumentValidator(true, false, true);
            v.setUpMainSchema(EmbeddedValidator.SCHEMA_URL, new SystemErrErrorHandler());
            return v;
        } catch (Exception e) {
            throw new IllegalStateException("the HTML checker's schema could not be read", e);
        }
    }

    private static List<Field> fields(Class<?> of, String... names) {
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            try {
                Field f = of.getDeclaredField(name);
                f.setAccessible(true);
                fields.add(f);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("the HTML checker has no field " + name + " (another version?)", e);
            }
        }
        return List.copyOf(fields);
    }
}
