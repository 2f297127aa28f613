package broadsheet.brand;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Hex colours and their WCAG contrast, for checking a paper's accent colours before they reach readers. */
public final class Colours {
    private Colours() {}

    private static final Pattern HEX = Pattern.compile("#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");

    /** WCAG 2.2 AA for normal-size text. */
    public static final double AA = 4.5;

    /** "#1A5" or "1a5c2e" as "#11aa55" / "#1a5c2e"; empty when it is not a hex colour. */
    public static Optional<String> parse(String text) {
        String t = text == null ? "" : text.strip();
        var m = HEX.matcher(t);
        if (!m.matches()) return Optional.empty();
        String h = m.group(1).toLowerCase(Locale.ROOT);
        if (h.length() == 3) h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        return Optional.of("#" + h);
    }

    /** The contrast ratio of two "#rrggbb" colours, from 1 to 21. */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int v) {
        double c = (v & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /**
     * The colour mixed towards white until it reads on the dark theme's background, so a dark
     * accent chosen for white paper stays legible when the reader's device asks for dark mode.
     */
    public static String forDark(String hex, String background) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
        for (int step = 0; step <= 20; step++) {
            double t = step / 20.0;
            String mixed = String.format(
                    Locale.ROOT,
                    "#%02x%02x%02x",
                    (int) Math.round(r + (255 - r) * t),
                    (int) Math.round(g + (255 - g) * t),
                    (int) Math.round(b + (255 - b) * t));
            if (contrast(mixed, background) >= AA) return mixed;
        }
        return "#ffffff";
    }
}
