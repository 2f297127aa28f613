package broadsheet.paywall;

import java.util.Locale;

/**
 * What a reader may read, and so which cached variant of a page they get: pages are kept per
 * level, never per reader. Staff read as subscribers.
 */
public enum Level {
    ANONYMOUS,
    REGISTERED,
    SUBSCRIBER;

    public boolean atLeast(Level other) {
        return ordinal() >= other.ordinal();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
