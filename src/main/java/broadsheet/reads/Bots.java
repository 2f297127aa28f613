package broadsheet.reads;

import java.util.List;
import java.util.Locale;

/**
 * Tells crawlers, link previewers, headless browsers and scripts from readers' browsers by their
 * User-Agent. Every browser a person uses sends one beginning "Mozilla/"; what does not, or what
 * names itself a bot, is not counted. (Clients that run no scripts never send the beacon at all.)
 */
final class Bots {
    private Bots() {}

    private static final List<String> MARKERS = List.of(
            "bot",
            "crawl",
            "spider",
            "slurp",
            "archiver",
            "headless",
            "phantomjs",
            "selenium",
            "puppeteer",
            "playwright",
            "lighthouse",
            "pagespeed",
            "gtmetrix",
            "preview",
            "facebookexternalhit",
            "embedly",
            "python",
            "curl",
            "wget",
            "httpclient",
            "okhttp",
            "go-http",
            "node-fetch",
            "axios",
            "java/",
            "libwww",
            "scrapy");

    static boolean isBot(String userAgent) {
        if (userAgent == null || !userAgent.startsWith("Mozilla/") || userAgent.length() > 1000) return true;
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (String m : MARKERS) if (ua.contains(m)) return true;
        return false;
    }
}
