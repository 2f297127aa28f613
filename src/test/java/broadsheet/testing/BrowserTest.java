package broadsheet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A browser lent again to the next class is as a new one: what a class before it left (a sign-in cookie,
 * a script run on every page, another user agent, a narrow window, a second tab) is gone.
 */
class BrowserTest {

    @Test
    void aBrowserLentAgainKeepsNothingFromTheClassBefore() throws Exception {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        List<String> cookiesSeen = new CopyOnWriteArrayList<>();
        List<String> agentsSeen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            cookiesSeen.add(String.valueOf(x.getRequestHeaders().getFirst("Cookie")));
            agentsSeen.add(String.valueOf(x.getRequestHeaders().getFirst("User-Agent")));
            if (x.getRequestURI().getPath().equals("/sign-in")) {
                x.getResponseHeaders().add("Set-Cookie", "session=signed-in; Path=/; HttpOnly");
            }
            x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            byte[] page = "<!DOCTYPE html><title>t</title><p>page".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, page.length);
            x.getResponseBody().write(page);
            x.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        ChromeDriver b = Browser.start();
        try {
            b.executeCdpCommand(
                    "Page.addScriptToEvaluateOnNewDocument", Map.of("source", "window.leftBehind = 'yes';"));
            b.executeCdpCommand("Network.enable", Map.of());
            b.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", "an overridden agent"));
            b.manage().window().setSize(new Dimension(320, 800));
            b.get(url + "sign-in");
            b.get(url);
            assertThat(cookiesSeen).anyMatch(c -> c.contains("session=signed-in"));
            assertThat(agentsSeen).anyMatch(a -> a.contains("overridden"));
            assertThat(b.executeScript("return window.leftBehind")).isEqualTo("yes");
            b.switchTo().newWindow(WindowType.TAB);

            Browser.asNew(b);
            cookiesSeen.clear();
            agentsSeen.clear();
            b.get(url);

            // (Chromium may ask for /favicon.ico as well: every request counts)
            assertThat(cookiesSeen).isNotEmpty().containsOnly("null");
            assertThat(agentsSeen).isNotEmpty().noneMatch(a -> a.contains("overridden"));
            assertThat(b.executeScript("return window.leftBehind")).isNull();
            assertThat(b.getWindowHandles()).hasSize(1);
            assertThat(b.manage().window().getSize()).isEqualTo(new Dimension(1280, 900));
        } finally {
            Browser.release(b);
            server.stop(0);
        }
    }
}
