package broadsheet.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader typed, taken apart by our own rules, never by a query syntax: words, "phrases in
 * quotes", and -excluded words or -"phrases". Anything else (colons, brackets, stars, tildes...) is just
 * text that the analyzer splits into words or drops. An unclosed quote runs to the end.
 */
record QueryText(List<String> words, List<String> phrases, List<String> notWords, List<String> notPhrases) {

    /** Longer input is cut here: nobody types more, and every word costs a clause. */
    static final int MAX_CHARS = 200;

    static final int MAX_PARTS = 12;

    static QueryText parse(String raw) {
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> notWords = new ArrayList<>();
        List<String> notPhrases = new ArrayList<>();
        String s = raw == null ? "" : raw.strip();
        if (s.length() > MAX_CHARS) s = s.substring(0, MAX_CHARS);
        int i = 0;
        int parts = 0;
        while (i < s.length() && parts < MAX_PARTS) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean not = false;
            if (c == '-' && i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1))) {
                not = true;
                i++;
                c = s.charAt(i);
            }
            if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) end = s.length();
                String phrase = s.substring(i + 1, end).strip();
                i = end + 1;
                if (phrase.isEmpty()) continue;
                (not ? notPhrases : phrases).add(phrase);
            } else {
                int end = i;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '"') end++;
                String word = s.substring(i, end);
                i = end;
                (not ? notWords : words).add(word);
            }
            parts++;
        }
        return new QueryText(List.copyOf(words), List.copyOf(phrases), List.copyOf(notWords), List.copyOf(notPhrases));
    }

    boolean hasPositive() {
        return !words.isEmpty() || !phrases.isEmpty();
    }
}
