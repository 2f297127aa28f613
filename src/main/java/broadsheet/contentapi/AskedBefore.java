package broadsheet.contentapi;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Which queries were asked recently, roughly and in a fixed amount of memory: one slot per hash of a query,
 * holding the last query's hash. A query is "asked before" when its slot still holds it, so one asked twice
 * within a while (until {@value #SLOTS} queries later, on average) is seen again; two queries sharing a slot
 * and hash are taken for one another, which only keeps an answer a little early.
 */
final class AskedBefore {
    static final int SLOTS = 1 << 16;

    private final AtomicIntegerArray slots = new AtomicIntegerArray(SLOTS);

    /** Notes that the query was asked; true when it was asked before. */
    boolean note(String query) {
        int hash = query.hashCode() | 1; // never 0, the empty slot
        int slot = (hash * 0x9E3779B9) >>> (32 - 16);
        return slots.getAndSet(slot, hash) == hash;
    }
}
