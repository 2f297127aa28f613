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
}
