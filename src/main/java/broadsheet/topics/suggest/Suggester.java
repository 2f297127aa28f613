package broadsheet.topics.suggest;

import broadsheet.newsroom.articles.ArticleDraft;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;

/**
 * Suggests topics for an article from its headline, deck and body: the paper's topics named in the
 * text (by name, alias or a person's surname) and runs of proper nouns that are not topics yet, each
 * new one with the kind its context points to. Ranked by salience: every mention counts by where it
 * stands (headline 4, deck 2.5, first paragraph 2, second 1.5, later 1), plus a little for topics the
 * paper has often used. Thread-safe; each call makes its own taggers.
 */
public final class Suggester {

    /** At most this many suggestions; the editor's first five are the ones that matter. */
    public static final int LIMIT = 10;

    /** A suggestion scoring under this share of the best one is left out. */
    static final double RELATIVE_FLOOR = 0.2;

    /** Weight of the paper's past assignments: PRIOR × ln(1 + articles carrying the topic), a tie-breaker. */
    static final double PRIOR = 0.1;

    /** Sentences longer than this many tokens are cut (a text without full stops would otherwise be one). */
    static final int MAX_SENTENCE_TOKENS = 200;

    /** "Brevanian", "Danish", "Japanese": words about a place or people, not names of one. */
    private static final java.util.regex.Pattern DEMONYM = java.util.regex.Pattern.compile(".*(ian|ean|ish|ese|ic|an)");

    /** Lower-case words that finish a place's name: "the Aske estuary", "the Lune valley". */
    private static final java.util.Set<String> FEATURES =
            java.util.Set.of("estuary", "river", "valley", "hills", "islands", "peninsula", "delta");

    private final Models models;

    public Suggester(Models models) {
        this.models = models;
    }

    public List<Suggestion> suggest(String headline, String deck, String body, List<KnownTopic> known) {
        Gazetteer gazetteer = new Gazetteer(known);
        SentenceDetectorME sentences = models.sentenceDetector();
        TokenizerME tokenizer = models.tokenizer();
        POSTaggerME tagger = models.tagger();
        Map<Long, Found> found = new LinkedHashMap<>();
        Map<String, Candidate> fresh = new LinkedHashMap<>();
        int position = 0;
        for (Text.Passage p : Text.of(headline, deck, body)) {
            boolean shouted = Text.shouted(p.text());
            for (String sentence : sentences.sentDetect(p.text())) {
                String[] all = tokenizer.tokenize(sentence);
                for (int from = 0; from < all.length; from += MAX_SENTENCE_TOKENS) {
                    String[] tokens =
                            java.util.Arrays.copyOfRange(all, from, Math.min(all.length, from + MAX_SENTENCE_TOKENS));
                    String[] tags = tagger.tag(tokens);
                    boolean[] covered = known(tokens, tags, gazetteer, found, p, shouted);
                    if (!shouted) proper(tokens, tags, covered, fresh, p, position);
                    position += tokens.length;
                }
            }
        }
        List<Suggestion> out = new ArrayList<>();
        for (Found f : found.values()) {
            double prior = PRIOR * Math.log1p(f.topic.uses());
            out.add(new Suggestion(
                    f.topic.id(),
                    f.topic.name(),
                    f.topic.slug(),
                    f.topic.kind(),
                    f.score + prior,
                    f.mentions,
                    f.surface));
        }
        for (Candidate c : merged(fresh)) {
            if (c.mentions < 2 && !c.lead && c.words.size() < 2) continue;
            if (c.words.size() == 1 && c.generic()) continue;
            String slug = ArticleDraft.slugOf(c.name);
            if (slug.isEmpty() || c.name.length() > 120) continue;
            out.add(new Suggestion(null, c.name, slug, c.kind(), c.score, c.mentions, c.name));
        }
        out.sort(Comparator.comparingDouble(Suggestion::salience).reversed());
        if (out.isEmpty()) return out;
        double floor = out.getFirst().salience() * RELATIVE_FLOOR;
        return out.stream().filter(s -> s.salience() >= floor).limit(LIMIT).toList();
    }

    private static final class Found {
        final KnownTopic topic;
        final String surface;
        double score;
        int mentions;
        boolean lead;

        Found(KnownTopic topic, String surface) {
            this.topic = topic;
            this.surface = surface;
        }
    }

    /** Finds the paper's topics in the sentence (longest match first); returns which tokens they took. */
    private static boolean[] known(
            String[] tokens, String[] tags, Gazetteer g, Map<Long, Found> found, Text.Passage p, boolean shouted) {
        boolean[] covered = new boolean[tokens.length];
        if (g.isEmpty()) return covered;
        String[] keys = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) keys[i] = Text.key(tokens[i]);
        int i = 0;
        while (i < tokens.length) {
            int taken = 0;
            if (!keys[i].isEmpty()) {
                StringBuilder seq = new StringBuilder();
                List<String> prefixes = new ArrayList<>();
                for (int j = i; j < tokens.length && j - i < g.longest() && !keys[j].isEmpty(); j++) {
                    if (j > i) seq.append(' ');
                    seq.append(keys[j]);
                    prefixes.add(seq.toString());
                }
                for (int len = prefixes.size(); len >= 1; len--) {
                    Gazetteer.Term t = g.find(prefixes.get(len - 1));
                    if (t == null || (t.capital() && !Text.capitalized(tokens[i]))) continue;
                    if (!shouted && partOfLongerName(tokens, tags, i, len)) continue;
                    String surface = String.join(" ", java.util.Arrays.copyOfRange(tokens, i, i + len));
                    Found f = found.computeIfAbsent(t.topic().id(), k -> new Found(t.topic(), surface));
                    f.score += p.weight();
                    f.lead |= p.lead();
                    f.mentions++;
                    taken = len;
                    break;
                }
            }
            for (int k = i; k < i + taken; k++) covered[k] = true;
            i += Math.max(1, taken);
        }
        return covered;
    }

    /** Gathers runs of capitalized proper nouns ("Port Authority of Eastmouth") with the clues around them. */
    private static void proper(
            String[] tokens,
            String[] tags,
            boolean[] covered,
            Map<String, Candidate> fresh,
            Text.Passage p,
            int position) {
        int i = 0;
        while (i < tokens.length) {
            if (!startsName(tokens, tags, covered, i)) {
                i++;
                continue;
            }
            int start = i;
            int end = i + 1;
            while (end < tokens.length && !(possessive(tokens[end - 1]) && !startsName(tokens, tags, covered, end))) {
                if (startsName(tokens, tags, covered, end)) end++;
                else if (connector(tokens[end])
                        && end + 1 < tokens.length
                        && startsName(tokens, tags, covered, end + 1)) end += 2;
                else break;
            }
            if (end < tokens.length && FEATURES.contains(tokens[end])) end++;
            int titled = 0;
            int s = start;
            while (s < end && Candidate.TITLES.contains(Text.key(tokens[s]))) s++;
            if (s > start) titled = 1;
            else if (start > 0 && Candidate.TITLES.contains(Text.key(tokens[start - 1]))) titled = 1;
            while (s < end && Text.key(tokens[s]).equals("the")) s++;
            List<String> words = new ArrayList<>(List.of(tokens).subList(s, end));
            if (!words.isEmpty() && possessive(words.getLast())) {
                String w = words.getLast();
                words.set(words.size() - 1, w.substring(0, w.length() - 2));
            }
            if (!words.isEmpty()
                    && !words.stream().allMatch(w -> Candidate.NOT_NAMES.contains(Text.key(w)))
                    && !(words.size() == 1
                            && titled == 0
                            && DEMONYM.matcher(words.getFirst()).matches())) {
                String key = String.join(" ", Gazetteer.keys(String.join(" ", words)));
                Candidate c = fresh.computeIfAbsent(key, k -> new Candidate(words));
                c.score += p.weight();
                c.mentions++;
                c.lead |= p.lead() && (s > 0 || words.size() > 1);
                c.first = Math.min(c.first, position + s);
                c.titled += titled;
                String before = start > 0 ? Text.key(tokens[start - 1]) : "";
                String after = end < tokens.length ? Text.key(tokens[end]) : "";
                String after2 = end + 1 < tokens.length ? Text.key(tokens[end + 1]) : "";
                if (Candidate.SPEECH.contains(after) || Candidate.SPEECH.contains(before)) c.spoke++;
                if (after.isEmpty() && end < tokens.length && tokens[end].equals(",") && after2.matches("\\d{2}"))
                    c.spoke++;
                if (Candidate.PLACE_PREPOSITIONS.contains(before) && titled == 0) c.placed++;
            }
            i = end;
        }
    }

    /**
     * True when a topic's words are only part of a name: "Magnus Halloran" is not Halloran Shipping,
     * "Saltmere Point" not the town of Saltmere, "Kestwick Transit" not the city: a capitalized word
     * (not a title, day or month) beside it extends the name.
     */
    private static boolean partOfLongerName(String[] tokens, String[] tags, int i, int len) {
        if (i > 0 && proper(tokens[i - 1], tags[i - 1]) && !Candidate.TITLES.contains(Text.key(tokens[i - 1])))
            return true;
        int next = i + len;
        if (next >= tokens.length || !Text.capitalized(tokens[next])) return false;
        String k = Text.key(tokens[next]);
        return !Candidate.TITLES.contains(k)
                && !Candidate.NOT_NAMES.contains(k)
                && tokens[next].codePoints().anyMatch(Character::isLetter);
    }

    private static boolean proper(String token, String tag) {
        return (tag.startsWith("PROPN") || tag.startsWith("NNP")) && Text.capitalized(token);
    }

    private static boolean startsName(String[] tokens, String[] tags, boolean[] covered, int i) {
        if (covered[i]) return false;
        String t = tokens[i];
        if (!Text.capitalized(t) || !t.codePoints().anyMatch(Character::isLetter)) return false;
        if ((t.contains("'") || t.contains("’")) && (!possessive(t) || t.length() < 4)) return false;
        if (tags[i].startsWith("PROPN") || tags[i].startsWith("NNP")) return true;
        boolean mid = i > 0 && !tokens[i - 1].matches("[.!?:;\"“‘]");
        // mid-sentence capitals mark a name whatever the tagger says ("Bertil" tagged as a verb)
        return mid && !tags[i].equals("PRON") && !tags[i].startsWith("PRP");
    }

    /** "Aldric's", "Fishermen’s": a name word with the possessive ending; a run of names ends with it unless a name follows. */
    static boolean possessive(String token) {
        return token.length() > 2 && (token.endsWith("'s") || token.endsWith("’s"));
    }

    private static boolean connector(String token) {
        return switch (token) {
            case "of", "de", "la", "van", "von", "der", "du", "da", "al", "bin", "&" -> true;
            default -> false;
        };
    }

    /**
     * Joins short forms to their full names: "Okafor" and "Ms. Okafor" to "Amara Okafor", "Halloran"
     * to "Halloran Shipping", "Sea Council" to "Northern Sea Council", when exactly one longer
     * candidate ends or begins with the same words.
     */
    private static List<Candidate> merged(Map<String, Candidate> fresh) {
        List<Candidate> all = new ArrayList<>(fresh.values());
        all.sort(Comparator.comparingInt((Candidate c) -> c.words.size()).reversed());
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : all) {
            String key = " " + String.join(" ", Gazetteer.keys(c.name)) + " ";
            List<Candidate> ends = new ArrayList<>();
            List<Candidate> begins = new ArrayList<>();
            for (Candidate longer : out) {
                if (longer.words.size() <= c.words.size()) continue;
                String k = " " + String.join(" ", Gazetteer.keys(longer.name)) + " ";
                if (k.endsWith(key)) ends.add(longer);
                else if (k.startsWith(key)) begins.add(longer);
            }
            if (ends.size() == 1) ends.getFirst().absorb(c, c.words.size() == 1);
            else if (ends.isEmpty() && begins.size() == 1) begins.getFirst().absorb(c, false);
            else out.add(c);
        }
        return out;
    }
}
