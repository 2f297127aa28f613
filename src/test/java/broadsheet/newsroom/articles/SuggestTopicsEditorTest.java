package broadsheet.newsroom.articles;

import static broadsheet.newsroom.articles.Desk.fields;
import static broadsheet.newsroom.articles.Desk.idFrom;
import static broadsheet.newsroom.articles.Desk.post;
import static broadsheet.newsroom.articles.Desk.valid;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Json;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Suggest topics" in the editor without JavaScript: the form comes back as typed, with suggestions to add in one click. */
class SuggestTopicsEditorTest {

    static TestApp t;
    static Jdbi jdbi;
    static WebClient editor;
    static long section;
    static long meng;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        jdbi = t.fixtures.jdbi();
        section = t.fixtures.section("world", "World");
        meng = t.fixtures.topic("meng-wanzhou", "Meng Wanzhou", "person");
        jdbi.useHandle(h -> h.execute("update topics set aliases = '{\"Ms. Meng\"}' where id = ?", meng));
        editor = t.signedIn("suggest-editor@example.org", Role.EDITOR);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static List<Map.Entry<String, String>> typed(String action) {
        return fields(
                "headline", "Ambassador Oskar Lindqvist meets Ms. Meng in Washington",
                "deck", "The talks at the Halvard Bank turned on two detained citizens.",
                "slug", "",
                "section", String.valueOf(section),
                "kind", "news",
                "body",
                        "Oskar Lindqvist, the ambassador, said the talks with Ms. Meng were frank.\n\n"
                                + "Mr. Lindqvist flew to Washington after the Halvard Bank asked for a meeting.",
                "version", "0",
                "action", action);
    }

    @Test
    void suggestionsComeBackWithTheUnsavedFormAndAddInOneClick() {
        var r = post(editor, "/newsroom/articles", typed("suggest-topics"));
        assertThat(r.statusCode()).isEqualTo(200);
        valid(r.body());
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.selectFirst("#f-headline").val())
                .isEqualTo("Ambassador Oskar Lindqvist meets Ms. Meng in Washington");
        assertThat(doc.select(".suggestions li").eachText())
                .anyMatch(s -> s.startsWith("Meng Wanzhou (Person, as “Ms. Meng”)"))
                .anyMatch(s -> s.startsWith("Oskar Lindqvist (Person, new)"))
                .anyMatch(s -> s.startsWith("Halvard Bank (Organization, new)"));
        assertThat((Integer) jdbi.withHandle(
                        h -> h.createQuery("select count(*) from articles where slug like 'ambassador%'")
                                .mapTo(Integer.class)
                                .one()))
                .as("nothing saved")
                .isZero();

        // "Add" ticks the existing topic; "Create and add" types the new one; neither saves
        var added = post(editor, "/newsroom/articles", typed("add-topic:" + meng));
        Document a = Jsoup.parse(added.body());
        assertThat(a.selectFirst("#topic-" + meng).hasAttr("checked")).isTrue();
        assertThat(a.select(".suggestions li").eachText()).noneMatch(s -> s.startsWith("Meng Wanzhou"));
        List<Map.Entry<String, String>> next = new ArrayList<>(typed("new-topic:Oskar Lindqvist (person)"));
        next.add(Map.entry("topic", String.valueOf(meng)));
        Document b = Jsoup.parse(post(editor, "/newsroom/articles", next).body());
        assertThat(b.selectFirst("#f-newTopics").val()).isEqualTo("Oskar Lindqvist (person)");
        assertThat(b.selectFirst("#topic-" + meng).hasAttr("checked")).isTrue();

        // saving creates the new topic (name, kind, slug) and gives the article both
        List<Map.Entry<String, String>> save = new ArrayList<>(typed("save"));
        save.removeIf(e -> e.getKey().equals("slug"));
        save.add(Map.entry("slug", "ambassador-meets-meng"));
        save.add(Map.entry("topic", String.valueOf(meng)));
        save.add(Map.entry("newTopics", b.selectFirst("#f-newTopics").val()));
        long id = idFrom(post(editor, "/newsroom/articles", save));
        List<String> topics = jdbi.withHandle(
                h -> h.createQuery("""
                        select t.slug || ' ' || t.kind from article_topics x join topics t on t.id = x.topic_id
                         where x.article_id = :id order by t.slug""").bind("id", id).mapTo(String.class).list());
        assertThat(topics).containsExactly("meng-wanzhou person", "oskar-lindqvist person");
    }

    @Test
    void theEditorsScriptGetsTheSameSuggestionsAsJson() throws Exception {
        List<Map.Entry<String, String>> f = new ArrayList<>(typed("suggest-topics"));
        f.add(Map.entry("newTopics", "Halvard Bank (organization)"));
        String token = editor.cookie("bs_csrf").orElseThrow();
        var r = editor.postForm(
                NewsroomPaths.topicSuggestions(), f, "X-CSRF-Token", token, "Accept", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode list = Json.MAPPER.readTree(r.body()).path("suggestions");
        List<String> shown = new ArrayList<>();
        list.forEach(s -> shown.add(s.path("name").asText() + " "
                + s.path("kind").asText() + " "
                + (s.path("exists").asBoolean() ? "exists " + s.path("topicId").asLong() : "new")));
        // (the other test may have saved Oskar Lindqvist as a topic by now)
        assertThat(shown)
                .contains("Meng Wanzhou person exists " + meng, "Washington place new")
                .anyMatch(s -> s.startsWith("Oskar Lindqvist person"))
                .as("a new topic already typed is not suggested again")
                .noneMatch(s -> s.startsWith("Halvard Bank"));
        double before = Double.MAX_VALUE;
        for (JsonNode s : list) {
            assertThat(s.path("score").asDouble()).isPositive().isLessThanOrEqualTo(before);
            before = s.path("score").asDouble();
        }

        // a ticked topic is left out; nothing is saved
        f.add(Map.entry("topic", String.valueOf(meng)));
        int articles = jdbi.withHandle(h -> h.createQuery("select count(*) from articles")
                .mapTo(Integer.class)
                .one());
        var ticked = editor.postForm(
                NewsroomPaths.topicSuggestions(), f, "X-CSRF-Token", token, "Accept", "application/json");
        assertThat(ticked.body()).doesNotContain("Meng Wanzhou").contains("Washington");
        assertThat((int) jdbi.withHandle(h -> h.createQuery("select count(*) from articles")
                        .mapTo(Integer.class)
                        .one()))
                .as("nothing saved")
                .isEqualTo(articles);

        // without the CSRF token, or signed out, nothing is answered
        assertThat(editor.postForm(NewsroomPaths.topicSuggestions(), f, "Accept", "application/json")
                        .statusCode())
                .isEqualTo(403);
        assertThat(t.client()
                        .postForm(NewsroomPaths.topicSuggestions(), f, "Accept", "application/json")
                        .statusCode())
                .isIn(302, 303, 401, 403);
    }

    @Test
    void anArticleWithNoNamesSaysSo() {
        List<Map.Entry<String, String>> f = new ArrayList<>(typed("suggest-topics"));
        f.replaceAll(e -> e.getKey().equals("body") || e.getKey().equals("deck")
                ? Map.entry(e.getKey(), "")
                : e.getKey().equals("headline") ? Map.entry("headline", "what happened today") : e);
        Document doc = Jsoup.parse(post(editor, "/newsroom/articles", f).body());
        assertThat(doc.select(".topic-suggestions .empty").text()).startsWith("No topics to suggest");
    }
}
