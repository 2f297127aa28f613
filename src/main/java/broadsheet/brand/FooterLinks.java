package broadsheet.brand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks the footer links an admin types: "Label | address", one per line. */
final class FooterLinks {
    private FooterLinks() {}

    static final int MAX = 12;

    /** A path on this site, an https: address or a mailto: address; never javascript: or the like. */
    static boolean allowed(String href) {
        String h = href.toLowerCase(Locale.ROOT);
        return (h.startsWith("/") && !h.startsWith("//"))
                || (h.startsWith("https://") && h.length() > 8)
                || (h.startsWith("mailto:") && h.contains("@"));
    }

    /** What is wrong with the typed links, line by line; empty when they are all fine. */
    static List<String> problems(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\\R");
        int count = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            count++;
            int bar = line.indexOf('|');
            if (bar < 0) {
                out.add("Footer links, line " + (i + 1) + ": write the words, a bar and the address, like "
                        + "\"About us | /about\".");
                continue;
            }
            if (line.substring(0, bar).isBlank()) out.add("Footer links, line " + (i + 1) + ": the words are missing.");
            if (!allowed(line.substring(bar + 1).strip()))
                out.add(
                        "Footer links, line " + (i + 1)
                                + ": the address must be a path on this site (starting with /), an https:// address or a mailto: address.");
        }
        if (count > MAX) out.add("Footer links: at most " + MAX + " links (you gave " + count + ").");
        return out;
    }
}
