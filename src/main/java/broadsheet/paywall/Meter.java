package broadsheet.paywall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The meter: a reader without a subscription may read a number of subscriber articles free in
 * any 30 days. Reading one of them again within the window never counts twice. Signed-in readers
 * are counted in the database; others in a signed cookie ({@link MeterCookie}).
 */
public final class Meter {

    public static final Duration WINDOW = Duration.ofDays(30);

    /**
     * How many meters one network address (an IPv4 address, an IPv6 /64) may start in a day: many more than
     * a household or an office starts, few enough that a client which never returns its meter cookie, and so
     * starts a fresh meter with every request, stops getting subscriber articles in full.
     */
    public static final int STARTS_PER_NETWORK_A_DAY = 50;

    /** A meter decision for a reader who is not signed in, and the cookie to send back (null: leave it). */
    record Anonymous(boolean granted, String cookie) {}

    private final Jdbi jdbi;
    private final Signer signer;

    public Meter(Jdbi jdbi, Signer signer) {
        this.jdbi = jdbi;
        this.signer = signer;
    }

    /**
     * Whether this signed-in reader may read the article on the meter, recording the read if so.
     * One transaction holding the reader's row, so two tabs at once cannot both take the last read.
     */
    public boolean readSignedIn(long userId, long articleId, int allowance) {
        if (allowance <= 0) return false;
        return jdbi.inTransaction(h -> {
            MeterDao.lockReader(h, userId);
            if (MeterDao.readWithin(h, userId, articleId, WINDOW)) return true;
            if (MeterDao.readsWithin(h, userId, WINDOW) >= allowance) return false;
            MeterDao.recordRead(h, userId, articleId);
            return true;
        });
    }

    /** Subscriber articles this signed-in reader read on the meter in the last 30 days. */
    public int used(long userId) {
        return jdbi.withHandle(h -> MeterDao.readsWithin(h, userId, WINDOW));
    }

    /** The same decision for a reader who is not signed in, from and to their meter cookie. */
    Anonymous readAnonymous(String cookie, long articleId, int allowance, Instant now) {
        if (allowance <= 0) return new Anonymous(false, null);
        MeterCookie.State state = MeterCookie.decode(cookie, signer);
        if (state.forged()) return new Anonymous(false, null);
        List<MeterCookie.Read> recent = MeterCookie.recent(state.reads(), now);
        if (recent.stream().anyMatch(r -> r.articleId() == articleId)) return new Anonymous(true, null);
        if (recent.size() >= allowance) return new Anonymous(false, null);
        List<MeterCookie.Read> next = new ArrayList<>(recent);
        next.add(new MeterCookie.Read(articleId, now.getEpochSecond()));
        return new Anonymous(true, MeterCookie.encode(next, signer));
    }

    /**
     * Whether a meter may start from this network address today, counting the start if so (in the database,
     * so every node shares the count).
     */
    boolean startFromNetwork(String address) {
        String network = network(address);
        return jdbi.withHandle(h -> MeterDao.startFromNetwork(h, network)) <= STARTS_PER_NETWORK_A_DAY;
    }

    /** The network a client's address stands for: an IPv4 address itself; for IPv6, its /64 prefix (one site). */
    static String network(String address) {
        String a = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
        if (!a.contains(":")) return a;
        try {
            byte[] b = java.net.InetAddress.getByName(a).getAddress();
            if (b.length != 16) return a;
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i += 2) sb.append(String.format("%02x%02x:", b[i], b[i + 1]));
            return sb.append(":/64").toString();
        } catch (java.net.UnknownHostException e) {
            return a;
        }
    }
}
