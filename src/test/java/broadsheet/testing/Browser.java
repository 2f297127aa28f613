package broadsheet.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver; nothing is downloaded.
 *
 * <p>Starting Chromium and chromedriver costs a second or two of CPU, and some twenty classes use a browser,
 * so the browsers are kept for the whole run: {@link #start()} lends a class an idle one (a new one only when
 * none is idle, as when two browser classes run at once) and {@link #release} takes it back. A browser lent
 * again is as a new one would be to the tests: no cookies, an empty cache, one new tab (so no script a
 * previous class added to every page, no user-agent override and no history) at the usual window size.
 * The browsers are closed when the test JVM exits.
 */
public final class Browser {
    private static final Deque<ChromeDriver> IDLE = new ArrayDeque<>();
    private static final List<ChromeDriver> ALL = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitAll, "browsers-quit"));
    }

    private Browser() {}

    /** A browser for one class: an idle one, made as new, or a new one. Give it back with {@link #release}. */
    public static ChromeDriver start() {
        ChromeDriver idle;
        synchronized (Browser.class) {
            idle = IDLE.poll();
        }
        if (idle != null) {
            try {
                return asNew(idle);
            } catch (RuntimeException broken) {
                forget(idle);
            }
        }
        ChromeDriver fresh = launch();
        synchronized (Browser.class) {
            ALL.add(fresh);
        }
        return fresh;
    }

    /**
     * Takes back a browser from {@link #start()} for the next class. It is left on a blank page, so that
     * no page's scripts (the editor's autosave, a gallery) go on running, and costing CPU, while it waits.
     */
    public static void release(ChromeDriver browser) {
        try {
            browser.get("about:blank");
        } catch (RuntimeException broken) {
            forget(browser);
            return;
        }
        synchronized (Browser.class) {
            if (ALL.contains(browser) && !IDLE.contains(browser)) IDLE.push(browser);
        }
    }

    /** The browser as a new one would be: see the class comment. */
    static ChromeDriver asNew(ChromeDriver b) {
        b.switchTo().newWindow(WindowType.TAB);
        String tab = b.getWindowHandle();
        for (String h : b.getWindowHandles()) {
            if (!h.equals(tab)) b.switchTo().window(h).close();
        }
        b.switchTo().window(tab);
        b.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        b.executeCdpCommand("Network.clearBrowserCache", Map.of());
        b.manage().window().setSize(new Dimension(1280, 900));
        if (b.getWindowHandles().size() != 1) throw new IllegalStateException("a previous tab would not close");
        return b;
    }

    private static void forget(ChromeDriver b) {
        synchronized (Browser.class) {
            ALL.remove(b);
        }
        try {
            b.quit();
        } catch (RuntimeException alreadyGone) {
            // nothing to close
        }
    }

    private static void quitAll() {
        List<ChromeDriver> all;
        synchronized (Browser.class) {
            all = List.copyOf(ALL);
        }
        for (ChromeDriver b : all) forget(b);
    }

    private static ChromeDriver launch() {
        try {
            ChromeOptions o = new ChromeOptions();
            o.setBinary("/usr/bin/chromium");
            o.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=1280,900",
                    "--user-data-dir=" + Files.createTempDirectory("chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort()
                    .build();
            return new ChromeDriver(service, o);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits for a condition, tolerating elements that vanish while a page is being replaced. */
    public static void waitUntil(
            org.openqa.selenium.WebDriver driver,
            int seconds,
            java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(seconds))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(condition::apply);
    }

    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
    }
}
