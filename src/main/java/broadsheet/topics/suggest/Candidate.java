package broadsheet.topics.suggest;

import broadsheet.topics.TopicKind;
import java.util.List;
import java.util.Set;

/**
 * A run of proper nouns that is not yet a topic, with the clues to what it is gathered over its
 * mentions: a title before it ("Ms.", "minister"), "said" after it, a place preposition ("in",
 * "from") before it, and its own last word ("Council", "Street").
 */
final class Candidate {

    static final Set<String> TITLES = keyed(
            "mr",
            "mrs",
            "ms",
            "miss",
            "dr",
            "prof",
            "professor",
            "sir",
            "dame",
            "lord",
            "lady",
            "president",
            "minister",
            "senator",
            "judge",
            "justice",
            "mayor",
            "councillor",
            "councilor",
            "inspector",
            "detective",
            "sergeant",
            "constable",
            "captain",
            "capt",
            "general",
            "gen",
            "colonel",
            "admiral",
            "rev",
            "reverend",
            "father",
            "bishop",
            "king",
            "queen",
            "prince",
            "princess",
            "chancellor",
            "governor",
            "ambassador",
            "deputy",
            "chairman",
            "chairwoman",
            "chief",
            "coach",
            "superintendent",
            "commissioner");
    static final Set<String> ORG_WORDS = keyed(
            "inc",
            "ltd",
            "llc",
            "plc",
            "corp",
            "corporation",
            "company",
            "co",
            "group",
            "bank",
            "council",
            "authority",
            "party",
            "league",
            "union",
            "ministry",
            "department",
            "agency",
            "commission",
            "court",
            "university",
            "college",
            "school",
            "academy",
            "hospital",
            "trust",
            "foundation",
            "association",
            "society",
            "institute",
            "board",
            "committee",
            "assembly",
            "parliament",
            "police",
            "service",
            "club",
            "federation",
            "shipping",
            "airline",
            "airway",
            "railway",
            "mining",
            "energy",
            "holding",
            "partner",
            "press",
            "museum",
            "theatre",
            "theater",
            "orchestra",
            "fund",
            "office",
            "network",
            "alliance",
            "coalition",
            "cooperative",
            "works",
            "brewery",
            "yard",
            "shipyard",
            "mill",
            "ferries",
            "ferry",
            "gallery",
            "library",
            "festival",
            "opera",
            "ballet",
            "choir",
            "team",
            "fc",
            "united",
            "rovers",
            "industries",
            "industry",
            "technologies",
            "systems",
            "lab",
            "laboratories",
            "labs",
            "trading",
            "insurance",
            "capital",
            "media",
            "news",
            "times",
            "gazette",
            "herald",
            "post",
            "tribune",
            "exchange",
            "guild",
            "athletic",
            "inspectorate",
            "reserve",
            "directorate",
            "tribunal",
            "coastguard",
            "front",
            "federation",
            "church",
            "cathedral",
            "brigade",
            "regiment",
            "navy",
            "army",
            "guard",
            "engineering",
            "transit");
    static final Set<String> PLACE_WORDS = keyed(
            "street",
            "st",
            "road",
            "avenue",
            "lane",
            "square",
            "bridge",
            "river",
            "bay",
            "harbour",
            "harbor",
            "island",
            "isle",
            "valley",
            "hill",
            "mountain",
            "mount",
            "lake",
            "coast",
            "county",
            "province",
            "district",
            "park",
            "estuary",
            "strait",
            "sea",
            "ocean",
            "station",
            "airport",
            "quay",
            "quays",
            "mole",
            "point",
            "head",
            "cape",
            "heath",
            "moor",
            "forest",
            "wood",
            "fields",
            "field",
            "marsh",
            "creek",
            "canal",
            "pier",
            "wharf",
            "dock",
            "docks",
            "town",
            "city",
            "village",
            "region",
            "peninsula",
            "gulf",
            "falls",
            "ground",
            "row",
            "north",
            "south",
            "east",
            "west",
            "gate",
            "ridge",
            "green",
            "common",
            "crossing",
            "market",
            "quarter",
            "end",
            "beach",
            "sands");
    static final Set<String> PLACE_PREPOSITIONS =
            keyed("in", "at", "from", "near", "outside", "across", "around", "into", "towards", "toward", "to");
    static final Set<String> SPEECH = keyed("said", "says", "told", "added", "argued", "wrote", "asked", "warned");
    static final Set<String> NOT_NAMES = keyed(
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "the",
            "a",
            "an",
            "i",
            "he",
            "she",
            "it",
            "we",
            "they",
            "this",
            "that",
            "but",
            "and",
            "or",
            "if",
            "mr",
            "ms",
            "mrs",
            "dr",
            "yes",
            "no",
            "ok",
            "okay",
            "oh",
            "christmas",
            "easter",
            "god",
            "tv",
            "am",
            "pm");

    private static Set<String> keyed(String... words) {
        Set<String> out = new java.util.HashSet<>();
        for (String w : words) out.add(Text.key(w));
        return Set.copyOf(out);
    }

    final List<String> words;
    final String name;
    double score;
    int mentions;
    boolean lead;
    int first = Integer.MAX_VALUE;
    int titled;
    int spoke;
    int placed;
    int shortened;
    int surnamed;

    Candidate(List<String> words) {
        this.words = List.copyOf(words);
        this.name = String.join(" ", words).replace(" ,", ",");
    }

    String lastKey() {
        return Text.key(words.getLast());
    }

    String firstKey() {
        return Text.key(words.getFirst());
    }

    void absorb(Candidate other, boolean bySurname) {
        if (bySurname) surnamed++;
        score += other.score;
        mentions += other.mentions;
        lead |= other.lead;
        first = Math.min(first, other.first);
        titled += other.titled;
        spoke += other.spoke;
        placed += other.placed;
        shortened++;
    }

    /** "Assembly", "Hospital", "Harbour", "Minister": a generic word capitalized, not a name on its own. */
    boolean generic() {
        String k = lastKey();
        return ORG_WORDS.contains(k) || PLACE_WORDS.contains(k) || TITLES.contains(k);
    }

    /** The kind the clues point to; a name that ends in an organization's or a place's word says so itself. */
    TopicKind kind() {
        String last = lastKey();
        boolean acronym = words.size() == 1 && words.getFirst().matches("[A-Z]{2,6}");
        if (ORG_WORDS.contains(last) || acronym || (words.size() > 2 && ORG_WORDS.contains(firstKey())))
            return TopicKind.ORGANIZATION;
        if (PLACE_WORDS.contains(last) && titled == 0) return TopicKind.PLACE;
        if (titled > 0) return TopicKind.PERSON;
        if (words.size() >= 2 && words.size() <= 3 && (surnamed > 0 || spoke > 0) && !words.contains("of"))
            return TopicKind.PERSON;
        if (placed > 0) return TopicKind.PLACE;
        if (words.size() == 2 && !words.contains("of")) return TopicKind.PERSON;
        if (words.contains("of") || words.size() > 3) return TopicKind.ORGANIZATION;
        return spoke > 0 ? TopicKind.PERSON : TopicKind.PLACE;
    }
}
