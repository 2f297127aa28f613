package broadsheet.tools;

import java.util.Locale;
import java.util.Random;

/** Nonsense that reads like news copy, from our own word lists. */
public final class BenchWords {
    private final Random rnd;

    BenchWords(Random rnd) {
        this.rnd = rnd;
    }

    static final String[] FIRST = {
        "Ada", "Bram", "Cleo", "Dario", "Edith", "Femi", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Lior", "Mara",
        "Nico", "Oona", "Pavel", "Quinn", "Rosa", "Sami", "Tove", "Umar", "Vera", "Wes", "Xenia", "Yusuf", "Zora",
        "Alba", "Bruno", "Cora", "Dev", "Elin", "Farah", "Gil", "Hana", "Ivo", "June", "Kofi", "Lena", "Milo", "Nadia"
    };
    static final String[] LAST = {
        "Quill",
        "Marsh",
        "Okafor",
        "Lindqvist",
        "Ferreira",
        "Novak",
        "Hale",
        "Brennan",
        "Sato",
        "Iqbal",
        "Moreau",
        "Castell",
        "Dunmore",
        "Petrakis",
        "Voss",
        "Amadi",
        "Reyes",
        "Thorne",
        "Kowalski",
        "Lund",
        "Achebe",
        "Garnier",
        "Holm",
        "Nakamura",
        "Osei",
        "Pryce",
        "Rinaldi",
        "Strand",
        "Tamura",
        "Varga",
        "Whitlock",
        "Yilmaz",
        "Zeller",
        "Abbott",
        "Bexley",
        "Carrow",
        "Delacroix",
        "Eastwood",
        "Fenwick",
        "Grayling"
    };
    static final String[] PLACE_A = {
        "North", "South", "East", "West", "Upper", "Lower", "Old", "New", "Port", "Saint", "Great", "Little"
    };
    static final String[] PLACE_B = {
        "Harbour",
        "Millbrook",
        "Ashford",
        "Kelby",
        "Tarn",
        "Wexmoor",
        "Calder",
        "Brindle",
        "Orwell",
        "Fenmarch",
        "Larkhill",
        "Redwater",
        "Stonebridge",
        "Aldgate",
        "Marrow",
        "Quayside",
        "Hollins",
        "Dunmere",
        "Elmstead",
        "Greyhaven"
    };
    static final String[] ORGS = {
        "Council",
        "Authority",
        "Trust",
        "Union",
        "Society",
        "Institute",
        "Board",
        "Commission",
        "League",
        "Foundation",
        "Partnership",
        "Cooperative",
        "Assembly",
        "Agency",
        "Company",
        "Federation"
    };
    static final String[] TITLES = {
        "Reporter",
        "Political correspondent",
        "Business editor",
        "Sport reporter",
        "Culture writer",
        "World affairs editor",
        "Data journalist",
        "Columnist",
        "Chief reporter",
        "Science writer"
    };
    public static final String[] ADJECTIVES = {
        "coastal",
        "regional",
        "independent",
        "municipal",
        "national",
        "rural",
        "civic",
        "northern",
        "southern",
        "historic",
        "public",
        "digital",
        "green",
        "urban",
        "maritime",
        "royal",
        "open",
        "quiet",
        "bright",
        "modern"
    };
    public static final String[] NOUNS = {
        "harbour",
        "budget",
        "bridge",
        "railway",
        "school",
        "hospital",
        "library",
        "festival",
        "market",
        "election",
        "housing",
        "river",
        "museum",
        "stadium",
        "tram line",
        "ferry",
        "orchard",
        "theatre",
        "water supply",
        "bus network",
        "port",
        "airport",
        "archive",
        "park",
        "tax",
        "pension",
        "wage deal",
        "flood defence",
        "wind farm",
        "clinic"
    };
    static final String[] VERBS = {
        "approves",
        "rejects",
        "delays",
        "backs",
        "questions",
        "unveils",
        "reviews",
        "expands",
        "cuts",
        "funds",
        "halts",
        "revives",
        "defends",
        "opens",
        "closes",
        "doubles",
        "trims",
        "rethinks",
        "welcomes",
        "postpones"
    };
    static final String[] VERBS_PAST = {
        "said",
        "argued",
        "warned",
        "noted",
        "added",
        "insisted",
        "suggested",
        "explained",
        "confirmed",
        "claimed",
        "admitted",
        "estimated"
    };
    static final String[] CONNECTIVES = {
        "However",
        "Meanwhile",
        "Even so",
        "At the same time",
        "Last year",
        "By contrast",
        "In the spring",
        "For now",
        "Until then",
        "Since March",
        "Later that week",
        "Officially"
    };
    static final String[] FILLER = {
        "the plan",
        "the proposal",
        "the committee",
        "residents",
        "the minister",
        "local traders",
        "the opposition",
        "campaigners",
        "the chief executive",
        "officials",
        "the mayor",
        "engineers",
        "the auditors",
        "visitors",
        "the board",
        "teachers",
        "the unions",
        "commuters",
        "the review",
        "the inquiry"
    };
    static final String[] ACTIONS = {
        "would cost more than expected",
        "needed another round of consultation",
        "had been agreed in principle",
        "could open as early as next year",
        "was never properly costed",
        "depended on a grant that has not arrived",
        "should be judged by its results",
        "would take at least two summers",
        "was a matter for the full council",
        "had the support of most members",
        "left too many questions unanswered",
        "would be reviewed again in the autumn",
        "was the best of several poor options",
        "had already saved money",
        "needed a clearer timetable",
        "would be paid for from reserves"
    };

    String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    String personName() {
        return pick(FIRST) + " " + pick(LAST);
    }

    String placeName() {
        return rnd.nextBoolean() ? pick(PLACE_A) + " " + pick(PLACE_B) : pick(PLACE_B);
    }

    String headline() {
        return switch (rnd.nextInt(4)) {
            case 0 ->
                placeName() + " " + pick(ORGS).toLowerCase(Locale.ROOT) + " " + pick(VERBS) + " " + pick(NOUNS)
                        + " plan";
            case 1 ->
                cap(pick(FILLER)) + " " + pick(VERBS) + " " + pick(ADJECTIVES) + " " + pick(NOUNS) + " in "
                        + placeName();
            case 2 ->
                personName() + " " + pick(VERBS) + " the " + pick(NOUNS) + " after " + (2 + rnd.nextInt(20))
                        + " months";
            default -> "Why the " + pick(ADJECTIVES) + " " + pick(NOUNS) + " " + pick(ACTIONS);
        };
    }

    String sentence(int minWords, int maxWords) {
        StringBuilder sb = new StringBuilder();
        int target = minWords + rnd.nextInt(maxWords - minWords + 1);
        switch (rnd.nextInt(4)) {
            case 0 -> sb.append(pick(CONNECTIVES)).append(", ").append(pick(FILLER));
            case 1 -> sb.append(cap(pick(FILLER)));
            case 2 ->
                sb.append(personName())
                        .append(", a ")
                        .append(pick(TITLES).toLowerCase(Locale.ROOT))
                        .append(" at the ")
                        .append(pick(PLACE_B))
                        .append(" ")
                        .append(pick(ORGS))
                        .append(",");
            default -> sb.append("The ").append(pick(ADJECTIVES)).append(" ").append(pick(NOUNS));
        }
        sb.append(' ')
                .append(pick(VERBS_PAST))
                .append(" that the ")
                .append(pick(NOUNS))
                .append(' ')
                .append(pick(ACTIONS));
        for (int words = 12; words < target; words += 9) {
            sb.append(rnd.nextBoolean() ? ", and " : " while ")
                    .append(pick(FILLER))
                    .append(' ')
                    .append(pick(VERBS_PAST))
                    .append(" the ")
                    .append(pick(NOUNS))
                    .append(' ')
                    .append(pick(ACTIONS));
        }
        return cap(sb.toString()) + ".";
    }

    /** Paragraphs of CommonMark, with a related-story marker after the second or third. */
    String body(int paragraphs, String relatedSlug) {
        StringBuilder sb = new StringBuilder();
        int relatedAfter = 2 + rnd.nextInt(2);
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0) sb.append("\n\n");
            int sentences = 2 + rnd.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) sb.append(' ');
                String text = sentence(10, 22);
                if (p == 1 && s == 0) text = "**" + text.substring(0, text.length() - 1) + "**.";
                sb.append(text);
            }
            if (p + 1 == relatedAfter && relatedSlug != null)
                sb.append("\n\n[[related:").append(relatedSlug).append("]]");
        }
        return sb.toString();
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
