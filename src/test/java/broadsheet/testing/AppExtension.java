package broadsheet.testing;

import broadsheet.mail.MailConfig;
import broadsheet.subscriptions.StripeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The real app for a test class: one app (over one fresh database) shared by every test of the class,
 * started before the first test and closed after the last. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AppExtension app = AppExtension.plainHttp();
 * }</pre>
 *
 * and reach it through {@link #get()} or a {@link TestApp} parameter. Tests sharing an app keep out of
 * each other's way with their own addresses, slugs and ids. A test that needs an app of its own (an
 * empty database, other settings) asks for one with {@link #fresh()} or {@link #fresh(UnaryOperator)};
 * it is closed after that test.
 */
public final class AppExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, ParameterResolver {

    private final TestApp.Options options;
    private TestApp shared;
    private final List<TestApp> fresh = new ArrayList<>();

    private AppExtension(TestApp.Options options) {
        this.options = options;
    }

    /** Page cache on, mail to files, served as https://news.example (cookies are Secure). */
    public static AppExtension create() {
        return new AppExtension(TestApp.Options.defaults());
    }

    /** Served as plain http, so that the session cookie reaches the test client (the usual choice). */
    public static AppExtension plainHttp() {
        return new AppExtension(TestApp.Options.defaults().plainHttp());
    }

    /** With these settings; for instance {@code AppExtension.with(o -> o.withMail(smtp).withJobs())}. */
    public static AppExtension with(UnaryOperator<TestApp.Options> settings) {
        return new AppExtension(settings.apply(TestApp.Options.defaults()));
    }

    /** With mail going to this SMTP server, served as plain http. */
    public static AppExtension mail(MailConfig mail) {
        return with(o -> o.withMail(mail));
    }

    /** With these Stripe settings, served as plain http. */
    public static AppExtension stripe(StripeConfig stripe) {
        return with(o -> o.withStripe(stripe));
    }

    /** The class's app. */
    public TestApp get() {
        if (shared == null) throw new IllegalStateException("the app starts before the first test of the class");
        return shared;
    }

    /** A new app over a new empty database, with this class's settings, closed after the current test. */
    public TestApp fresh() {
        return fresh(UnaryOperator.identity());
    }

    /** A new app over a new empty database, with this class's settings changed so, closed after the current test. */
    public TestApp fresh(UnaryOperator<TestApp.Options> change) {
        TestApp t = new TestApp(change.apply(options));
        fresh.add(t);
        return t;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = new TestApp(options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (shared != null) shared.close();
        shared = null;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RuntimeException failure = null;
        for (TestApp t : fresh) {
            try {
                t.close();
            } catch (RuntimeException e) {
                if (failure == null) failure = e;
                else failure.addSuppressed(e);
            }
        }
        fresh.clear();
        if (failure != null) throw failure;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestApp.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return get();
    }
}
