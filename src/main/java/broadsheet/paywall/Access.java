package broadsheet.paywall;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Who may read an article in full: everyone, any signed-in reader, or subscribers. */
public enum Access {
    FREE("Everyone"),
    REGISTERED("Signed-in readers"),
    SUBSCRIBERS("Subscribers");

    private final String label;

    Access(String label) {
        this.label = label;
    }

    /** The stored value: free, registered, subscribers. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static List<String> values(boolean quoted) {
        return Arrays.stream(values())
                .map(a -> quoted ? "“" + a.value() + "”" : a.value())
                .toList();
    }

    public static Optional<Access> parse(String value) {
        if (value == null) return Optional.empty();
        String v = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.value().equals(v)).findFirst();
    }

    /** A stored value; anything unknown is read as the most closed level, never as free. */
    public static Access of(String stored) {
        return stored == null ? FREE : parse(stored).orElse(SUBSCRIBERS);
    }

    /** The reader level that sees this article in full without the meter or a gift. */
    public Level needs() {
        return switch (this) {
            case FREE -> Level.ANONYMOUS;
            case REGISTERED -> Level.REGISTERED;
            case SUBSCRIBERS -> Level.SUBSCRIBER;
        };
    }
}
