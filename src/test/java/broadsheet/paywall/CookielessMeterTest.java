package broadsheet.paywall;

import static broadsheet.paywall.Paper.SUB2_SECRET;
import static broadsheet.paywall.Paper.SUB3_SECRET;
import static broadsheet.paywall.Paper.SUB_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client that never returns the meter cookie starts a fresh meter with every request; the meters a
 * network address starts are counted in the database per day, and past the bound that network's new
 * meters get the offer, while readers with a meter of their own read on, and a verified crawler is let through.
 */
class CookielessMeterTest {

    static TestApp t;
    static Paper p;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        p = new Paper(t.fixtures);
        t.fixtures.setting("paywall_meter", "2");
        t.contentChanged();
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static void startsToday(int n) {
        t.fixtures.jdbi().useHandle(h -> h.execute("delete from meter_networks where day = current_date"));
        if (n > 0) t.fixtures.jdbi().useHandle(h -> h.execute("""
                insert into meter_networks (network, day, starts) values ('127.0.0.1', current_date, ?)
                on conflict (network, day) do update set starts = excluded.starts""", n));
    }

    static String cookieless(String slug, String... headers) {
        var r = t.get(p.path(slug), headers);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void pastTheBoundACookielessClientGetsTheOfferWhileAReaderWithAMeterReadsOn() {
        startsToday(0);
        WebClient reader = t.client(); // keeps its cookies, as a browser does
        assertThat(reader.get(p.path("subscriber-story")).body()).contains(SUB_SECRET);

        startsToday(Meter.STARTS_PER_NETWORK_A_DAY - 1);
        // the last meter this network may start today: read in full
        assertThat(cookieless("second-subscriber-story")).contains(SUB2_SECRET);
        // every request after it would be a fresh meter: the offer, again and again
        for (int i = 0; i < 3; i++) {
            assertThat(cookieless("third-subscriber-story")).doesNotContain(SUB3_SECRET);
            assertThat(cookieless("second-subscriber-story")).doesNotContain(SUB2_SECRET);
        }
        // a user agent that only says it is Googlebot proves nothing (127.0.0.1 is not Google's)
        assertThat(cookieless(
                        "third-subscriber-story",
                        "User-Agent",
                        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"))
                .doesNotContain(SUB3_SECRET);
        // the reader who has a meter is counted by it, not by the network
        assertThat(reader.get(p.path("second-subscriber-story")).body()).contains(SUB2_SECRET);
        // and the count is in the database, where every node sees it
        int starts = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select starts from meter_networks where network = '127.0.0.1' and day = current_date")
                        .mapTo(Integer.class)
                        .one());
        assertThat(starts).isGreaterThan(Meter.STARTS_PER_NETWORK_A_DAY);
    }

    @Test
    void aNewDayStartsANewCount() {
        t.fixtures.jdbi().useHandle(h -> h.execute("""
                insert into meter_networks (network, day, starts) values ('127.0.0.1', current_date - 1, 1000)
                on conflict (network, day) do update set starts = excluded.starts"""));
        startsToday(0);
        assertThat(cookieless("subscriber-story")).contains(SUB_SECRET);
    }

    /** DNS replaced by a table: the addresses and names a crawler's verification would find. */
    record Table(Map<String, String> reverse, Map<String, List<String>> forward) implements Crawlers.Dns {
        @Override
        public String reverse(String address) throws UnknownHostException {
            String n = reverse.get(address);
            if (n == null) throw new UnknownHostException(address);
            return n;
        }

        @Override
        public List<String> forward(String name) throws UnknownHostException {
            List<String> a = forward.get(name);
            if (a == null) throw new UnknownHostException(name);
            return a;
        }
    }

    @Test
    void aCrawlerIsBelievedOnlyWhenItsAddressAndNameAgree() {
        String googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
        Crawlers c = new Crawlers(new Table(
                Map.of(
                        "66.249.66.1", "crawl-66-249-66-1.googlebot.com",
                        "203.0.113.9", "crawl-203-0-113-9.googlebot.com",
                        "198.51.100.7", "host.example.net"),
                Map.of(
                        "crawl-66-249-66-1.googlebot.com", List.of("66.249.66.1"),
                        "crawl-203-0-113-9.googlebot.com", List.of("66.249.66.2"),
                        "host.example.net", List.of("198.51.100.7"))));
        assertThat(c.verified("66.249.66.1", googlebot)).isTrue();
        assertThat(c.verified("203.0.113.9", googlebot))
                .as("the name does not lead back")
                .isFalse();
        assertThat(c.verified("198.51.100.7", googlebot))
                .as("not Google's domain")
                .isFalse();
        assertThat(c.verified("192.0.2.1", googlebot)).as("no reverse name").isFalse();
        assertThat(c.verified("66.249.66.1", "Mozilla/5.0 Firefox/140.0"))
                .as("not a crawler")
                .isFalse();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertThat(Meter.network("2001:db8:1:2:aaaa::1")).isEqualTo(Meter.network("[2001:db8:1:2:bbbb::9]"));
        assertThat(Meter.network("2001:db8:1:2:aaaa::1")).isNotEqualTo(Meter.network("2001:db8:1:3::1"));
        assertThat(Meter.network("192.0.2.10")).isEqualTo("192.0.2.10");
    }
}
