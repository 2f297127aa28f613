package broadsheet.topics.suggest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The article as the suggester reads it: plain-text passages, each with the weight of where it stands. */
final class Text {

    /** Body text past this many characters is not read: salience lives at the top, and time stays bounded. */
    static final int MAX_BODY_CHARS = 60_000;

    static final double HEADLINE = 4.0;
    static final double DECK = 2.5;
    static final double FIRST_PARAGRAPH = 2.0;
    static final double SECOND_PARAGRAPH = 1.5;
    static final double REST = 1.0;

    /** A passage and its weight; {@code lead} is true for the headline, deck and first paragraph. */
    record Passage(String text, double weight, boolean lead) {}

    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern MARKS = Pattern.compile("(?m)^\\s{0,3}(#{1,6}|>|[-*+]|\\d+\\.)\\s+|[*_`]+");

    private Text() {}

    static List<Passage> of(String headline, String deck, String body) {
        List<Passage> out = new ArrayList<>();
        add(out, headline, HEADLINE, true);
        add(out, deck, DECK, true);
        String b = body == null ? "" : body;
        if (b.length() > MAX_BODY_CHARS) b = b.substring(0, MAX_BODY_CHARS);
        int n = 0;
        for (String para : b.replace("\r\n", "\n").split("\n\\s*\n")) {
            String p = para.strip();
            if (p.isEmpty() || p.startsWith("[[")) continue;
            p = MARKS.matcher(LINK.matcher(IMAGE.matcher(p).replaceAll(" ")).replaceAll("$1"))
                    .replaceAll(" ");
            double w = n == 0 ? FIRST_PARAGRAPH : n == 1 ? SECOND_PARAGRAPH : REST;
            add(out, p, w, n == 0);
            n++;
        }
        return out;
    }

    private static void add(List<Passage> out, String text, double weight, boolean lead) {
        if (text == null || text.isBlank()) return;
        out.add(new Passage(text.replaceAll("\\s+", " ").strip(), weight, lead));
    }

    /** True when most letters are capitals: a shouted text whose capitals say nothing about names. */
    static boolean shouted(String s) {
        int upper = 0;
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) upper++;
            }
        }
        return letters >= 12 && upper * 10 > letters * 6;
    }

    /**
     * The form in which words are compared: lower case, letters and digits only, and a final "s"
     * dropped from longer words so that "rates" finds "interest rate". Empty for punctuation.
     */
    static String key(String token) {
        StringBuilder b = new StringBuilder(token.length());
        token.toLowerCase(Locale.ROOT)
                .codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(b::appendCodePoint);
        int len = b.length();
        if (len > 3 && b.charAt(len - 1) == 's' && b.charAt(len - 2) != 's') b.setLength(len - 1);
        return b.toString();
    }

    static boolean capitalized(String token) {
        return !token.isEmpty() && Character.isUpperCase(token.codePointAt(0));
    }
}
