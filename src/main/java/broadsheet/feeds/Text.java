package broadsheet.feeds;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Small text rules shared by the feed and sitemap writers. */
final class Text {
    private Text() {}

    /**
     * Drops characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/F).
     * Text pasted from word processors brings such characters (a vertical tab, say) into headlines;
     * one of them must not make a whole feed fail.
     */
    static String clean(String s) {
        if (s == null) return "";
        int plain = 0; // most text is all ordinary characters: found without decoding code points
        while (plain < s.length()) {
            char c = s.charAt(plain);
            if ((c >= 0x20 && c < 0xD800) || c == 0x9 || c == 0xA || c == 0xD) plain++;
            else break;
        }
        if (plain == s.length()) return s;
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean ok = cp == 0x9
                    || cp == 0xA
                    || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || cp >= 0x10000;
            if (!ok && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            if (ok && out != null) out.appendCodePoint(cp);
            i += n;
        }
        return out == null ? s : out.toString();
    }

    /** {@link #clean} then escape for XML text or a double- or single-quoted attribute. */
    static String xml(String s) {
        String c = clean(s);
        StringBuilder out = new StringBuilder(c.length() + 16);
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** RFC 3339 / W3C Datetime in UTC to the second, e.g. 2026-11-30T10:15:00Z. */
    static String rfc3339(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
