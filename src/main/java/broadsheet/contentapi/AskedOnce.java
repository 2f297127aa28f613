package broadsheet.contentapi;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The queries asked lately, as a 64-bit hash each in a fixed table (a newer query takes an older one's slot):
 * the Content API keeps an answer from the second time its query is asked. A query asked once (a cursor page
 * a sync reads once, a cache-buster) is made and sent but not kept, so one-off answers do not fill the heap,
 * where the garbage collector would copy them from young to old regions. No allocation, no lock: a slot lost
 * to a concurrent write only means an answer kept one ask later; two queries with one hash, one ask sooner.
 */
final class AskedOnce {

    private static final int SLOTS = 1 << 14;
    private final AtomicLongArray seen = new AtomicLongArray(SLOTS);

    /** Whether this query was asked before (recently enough to hold its slot); notes it if not. */
    boolean again(String query) {
        long h = hash(query);
        int slot = (int) (h >>> 50) & (SLOTS - 1);
        if (seen.getPlain(slot) == h) return true;
        seen.setPlain(slot, h);
        return false;
    }

    private static long hash(String s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) h = 31 * h + s.charAt(i);
        h *= 0x9E3779B97F4A7C15L; // spread the polynomial's low bits into the slot's high ones
        return h == 0 ? 1 : h;
    }
}
