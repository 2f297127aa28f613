package broadsheet.brand;

import java.util.Arrays;
import java.util.Optional;

/**
 * The type a paper may choose for headings and body text: font stacks of faces readers' devices
 * already have, so pages make no request to any other site and load no font files.
 */
public enum FontChoice {
    CLASSIC_SERIF("Classic serif (Georgia)", "Georgia,\"Times New Roman\",serif"),
    BOOK_SERIF("Book serif (Charter, Cambria)", "Charter,\"Bitstream Charter\",\"Sitka Text\",Cambria,serif"),
    SYSTEM_SANS(
            "Plain sans-serif (the device's own)",
            "system-ui,-apple-system,\"Segoe UI\",Roboto,Helvetica,Arial,sans-serif"),
    HUMANIST_SANS(
            "Humanist sans-serif (Gill Sans, Calibri)",
            "Seravek,\"Gill Sans Nova\",Ubuntu,Calibri,\"DejaVu Sans\",source-sans-pro,sans-serif");

    private final String label;
    private final String stack;

    FontChoice(String label, String stack) {
        this.label = label;
        this.stack = stack;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String label() {
        return label;
    }

    /** The CSS font-family value. */
    public String stack() {
        return stack;
    }

    public static Optional<FontChoice> of(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }
}
