package broadsheet.topics.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.topics.TopicKind;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an editor sees for one article, and answers (not exceptions) for text that is not an article. */
class SuggesterTest {

    static Suggester suggester;

    static final List<KnownTopic> PAPER = List.of(
            new KnownTopic(1, "Meng Wanzhou", "meng-wanzhou", TopicKind.PERSON, List.of("Ms. Meng"), 3),
            new KnownTopic(2, "Tobias Wrenfield", "tobias-wrenfield", TopicKind.PERSON, List.of(), 9),
            new KnownTopic(3, "Housing", "housing", TopicKind.SUBJECT, List.of("rents"), 4));

    @BeforeAll
    static void load() {
        suggester = new Suggester(Models.load());
    }

    @Test
    void anAliasFindsAnExistingTopicAndNewNamesComeWithTheirKind() {
        List<Suggestion> s = suggester.suggest(
                "Ambassador Oskar Lindqvist meets Ms. Meng in Washington",
                "The talks at the Halvard Bank turned on two detained citizens.",
                """
                Oskar Lindqvist, the ambassador, said on Monday that the talks with Ms. Meng had been "frank".
                Mr. Lindqvist flew to Washington after the Halvard Bank asked for a meeting.

                Rents in the capital rose again, the Prime Minister said.""",
                PAPER);
        assertThat(s).extracting(Suggestion::name).contains("Meng Wanzhou", "Oskar Lindqvist", "Halvard Bank");
        assertThat(s).extracting(Suggestion::name).doesNotContain("Tobias Wrenfield");
        Suggestion meng = s.stream()
                .filter(x -> x.name().equals("Meng Wanzhou"))
                .findFirst()
                .orElseThrow();
        assertThat(meng.topicId()).isEqualTo(1);
        assertThat(meng.found()).isEqualTo("Ms. Meng");
        assertThat(kindOf(s, "Oskar Lindqvist")).isEqualTo(TopicKind.PERSON);
        assertThat(kindOf(s, "Halvard Bank")).isEqualTo(TopicKind.ORGANIZATION);
        assertThat(kindOf(s, "Washington")).isEqualTo(TopicKind.PLACE);
        assertThat(s.getFirst().name()).isEqualTo("Oskar Lindqvist"); // headline, deck-free, lead and repeated
    }

    @Test
    void anEmptyArticleGetsNoSuggestions() {
        assertThat(suggester.suggest("", "", "", PAPER)).isEmpty();
        assertThat(suggester.suggest(null, null, null, List.of())).isEmpty();
    }

    @Test
    void symbolsAndShoutingGiveNoInventedNames() {
        assertThat(suggester.suggest("!!! ### ***", "", "$$$ %%% ^^^ &&& ((( ))) --- +++ ... ??? ".repeat(500), PAPER))
                .isEmpty();
        List<Suggestion> caps = suggester.suggest(
                "MINISTER RESIGNS",
                "",
                "THE MINISTER FOR HOUSING RESIGNED TODAY AFTER RENTS ROSE AGAIN IN THE CAPITAL. ".repeat(50),
                PAPER);
        assertThat(caps).allMatch(x -> !x.isNew());
        assertThat(caps).extracting(Suggestion::name).containsExactly("Housing");
    }

    @Test
    void anotherLanguageAndAHugeBodyGetAnAnswer() {
        List<Suggestion> german = suggester.suggest(
                "Der Bürgermeister von Hamburg besucht die Werft",
                "",
                "Am Montag besuchte Bürgermeister Klaus Hartmann die Werft Blohm in Hamburg. Die Arbeiter begrüßten ihn.",
                PAPER);
        assertThat(german).noneMatch(x -> x.name().isBlank());
        String words = "Oskar Lindqvist met the council in Washington and talked about rents for a long time. ";
        List<Suggestion> huge = suggester.suggest("A long day", "", words.repeat(200_000 / 16), PAPER);
        assertThat(huge).extracting(Suggestion::name).contains("Oskar Lindqvist", "Housing");
        assertThat(huge).hasSizeLessThanOrEqualTo(Suggester.LIMIT);
        // bounded work: of a 200,000-word body only the first MAX_BODY_CHARS characters are read
        assertThat(Text.of("A long day", "", words.repeat(200_000 / 16)).stream()
                        .mapToInt(p -> p.text().length())
                        .sum())
                .isLessThanOrEqualTo(Text.MAX_BODY_CHARS + "A long day".length());
    }

    private static TopicKind kindOf(List<Suggestion> s, String name) {
        return s.stream()
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElseThrow()
                .kind();
    }
}
