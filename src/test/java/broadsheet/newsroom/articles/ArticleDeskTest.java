package broadsheet.newsroom.articles;

import static broadsheet.newsroom.articles.Desk.eventually;
import static broadsheet.newsroom.articles.Desk.fields;
import static broadsheet.newsroom.articles.Desk.idFrom;
import static broadsheet.newsroom.articles.Desk.post;
import static broadsheet.newsroom.articles.Desk.valid;
import static broadsheet.newsroom.articles.Desk.version;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArticleDeskTest {

    static TestApp t;
    static Jdbi jdbi;
    static WebClient editor;
    static WebClient editor2;
    static WebClient writer;
    static long section;
    static long ann;
    static long bob;
    static long goodPhoto;
    static long barePhoto;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
        jdbi = t.fixtures.jdbi();
        section = t.fixtures.section("city", "City");
        ann = t.fixtures.author("ann-writer", "Ann Writer");
        bob = t.fixtures.author("bob-reporter", "Bob Reporter");
        goodPhoto = t.fixtures.photo(
                800, 600, Color.BLUE, "The harbour at dawn", "Photo: Desk", "Boats in a harbour at dawn");
        barePhoto = t.fixtures.photo(800, 600, Color.RED, "", "", "");
        editor = t.signedIn("editor@example.org", Role.EDITOR);
        editor2 = t.signedIn("editor2@example.org", Role.EDITOR);
        writer = t.signedIn("writer@example.org", Role.CONTRIBUTOR);
        jdbi.useHandle(h -> h.execute(
                "update authors set user_id = (select id from users where email = 'writer@example.org') where id = ?",
                ann));
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    /** A complete article ready to publish. */
    static List<Map.Entry<String, String>> complete(String headline, String slug, String body, String action) {
        return fields(
                "headline",
                headline,
                "deck",
                "A deck.",
                "slug",
                slug,
                "section",
                String.valueOf(section),
                "kind",
                "news",
                "author",
                String.valueOf(ann),
                "author",
                String.valueOf(bob),
                "author",
                "",
                "leadPhoto",
                String.valueOf(goodPhoto),
                "gallery",
                "",
                "body",
                body,
                "version",
                "0",
                "action",
                action);
    }

    static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> base, String name, String value) {
        List<Map.Entry<String, String>> out = new java.util.ArrayList<>(
                base.stream().filter(e -> !e.getKey().equals(name)).toList());
        out.add(Map.entry(name, value));
        return out;
    }

    static String status(long id) {
        return jdbi.withHandle(h -> h.createQuery("select status from articles where id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .one());
    }

    static String publicPath(WebClient c, long id) {
        return Jsoup.parse(c.get("/newsroom/articles/" + id).body())
                .selectFirst("a:containsOwn(See it on the site)")
                .attr("href");
    }

    static int audits(long id, String action) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from audit_log where subject_type = 'article' and subject_id = :id and action = :a")
                .bind("id", id)
                .bind("a", action)
                .mapTo(Integer.class)
                .one());
    }

    @Test
    void createEditPublishAndReadersSeeIt() {
        HttpResponse<String> blank = editor.get("/newsroom/articles/new");
        assertThat(blank.statusCode()).isEqualTo(200);
        valid(blank.body());

        long id = idFrom(
                post(editor, "/newsroom/articles", complete("Harbour opens at night", "", "First paragraph.", "save")));
        assertThat(status(id)).isEqualTo("draft");
        HttpResponse<String> page = editor.get("/newsroom/articles/" + id);
        valid(page.body());
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.selectFirst("#f-slug").attr("value")).isEqualTo("harbour-opens-at-night");
        assertThat(doc.select("#f-author-1 option[selected]").text()).isEqualTo("Ann Writer");
        assertThat(doc.select("#f-author-2 option[selected]").text()).isEqualTo("Bob Reporter");

        var edit = with(
                complete("Harbour opens at night", "harbour-opens-at-night", "First paragraph, **edited**.", "save"),
                "version",
                "1");
        assertThat(idFrom(post(editor, "/newsroom/articles/" + id, edit))).isEqualTo(id);
        assertThat(post(
                                editor,
                                "/newsroom/articles/" + id,
                                with(edit, "version", "2").stream()
                                        .map(e -> e.getKey().equals("action") ? Map.entry("action", "publish") : e)
                                        .toList())
                        .statusCode())
                .isEqualTo(303);
        assertThat(status(id)).isEqualTo("published");

        String path = publicPath(editor, id);
        HttpResponse<String> pub = t.client().get(path);
        assertThat(pub.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(pub.body()).select("h1").text()).isEqualTo("Harbour opens at night");
        assertThat(pub.body()).contains("<strong>edited</strong>");
        assertThat(audits(id, "created")).isEqualTo(1);
        assertThat(audits(id, "edited")).isEqualTo(1);
        assertThat(audits(id, "published")).isEqualTo(1);
        int revisions =
                jdbi.withHandle(h -> h.createQuery("select count(*) from article_revisions where article_id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
        assertThat(revisions).isEqualTo(3);
        String snapshot = jdbi.withHandle(h -> h.createQuery(
                        "select snapshot::text from article_revisions where article_id = :id and version = 3")
                .bind("id", id)
                .mapTo(String.class)
                .one());
        assertThat(snapshot)
                .contains("\"authorIds\": [" + ann + ", " + bob + "]")
                .contains("\"status\": \"published\"");

        // unpublishing hides it from readers at once
        assertThat(post(
                                editor,
                                "/newsroom/articles/" + id,
                                with(edit, "version", "3").stream()
                                        .map(e -> e.getKey().equals("action") ? Map.entry("action", "unpublish") : e)
                                        .toList())
                        .statusCode())
                .isEqualTo(303);
        eventually(() -> t.client().get(path).statusCode() == 404);
        assertThat(audits(id, "unpublished")).isEqualTo(1);
    }

    @Test
    void publishingListsEveryMissingPart() {
        long id = idFrom(post(
                editor,
                "/newsroom/articles",
                fields(
                        "headline",
                        "Half-written piece",
                        "slug",
                        "",
                        "section",
                        String.valueOf(section),
                        "kind",
                        "news",
                        "body",
                        "",
                        "version",
                        "0",
                        "action",
                        "save")));
        var r = post(
                editor,
                "/newsroom/articles/" + id,
                fields(
                        "headline",
                        "Half-written piece",
                        "slug",
                        "half-written-piece",
                        "section",
                        String.valueOf(section),
                        "kind",
                        "news",
                        "leadPhoto",
                        String.valueOf(barePhoto),
                        "gallery",
                        goodPhoto + ", " + barePhoto,
                        "body",
                        "  ",
                        "version",
                        "1",
                        "action",
                        "publish"));
        assertThat(r.statusCode()).isEqualTo(422);
        valid(r.body());
        Document doc = Jsoup.parse(r.body());
        String summary = doc.select(".error-summary").text();
        assertThat(summary)
                .contains("Add at least one byline")
                .contains("Write the body")
                .contains("The lead photo (no. " + barePhoto + ") needs a caption, a credit and alt text")
                .contains("photo no. " + barePhoto + " needs a caption, a credit and alt text");
        assertThat(doc.selectFirst("#f-author-1-error")).isNotNull();
        assertThat(doc.selectFirst("#f-body-error")).isNotNull();
        assertThat(doc.selectFirst("#f-headline").attr("value")).isEqualTo("Half-written piece");
        assertThat(status(id)).isEqualTo("draft");

        // a slug another article uses is refused on any save
        long other =
                idFrom(post(editor, "/newsroom/articles", complete("Another piece", "taken-slug", "Body.", "save")));
        var taken = post(
                editor,
                "/newsroom/articles/" + id,
                fields(
                        "headline",
                        "Half-written piece",
                        "slug",
                        "taken-slug",
                        "section",
                        String.valueOf(section),
                        "kind",
                        "news",
                        "body",
                        "x",
                        "version",
                        "1",
                        "action",
                        "save"));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(taken.body()).select("#f-slug-error").text())
                .contains("Another article already uses this slug");
        assertThat(other).isNotEqualTo(id);
    }

    @Test
    void badInputComesBackWithErrorsNextToFieldsAndWhatWasTyped() {
        var r = post(
                editor,
                "/newsroom/articles",
                fields(
                        "headline",
                        "",
                        "slug",
                        "Bad Slug!",
                        "section",
                        "",
                        "kind",
                        "news",
                        "newTopics",
                        "Jane Doe (animal)",
                        "gallery",
                        "twelve",
                        "body",
                        "Kept *body*",
                        "version",
                        "0",
                        "action",
                        "save"));
        assertThat(r.statusCode()).isEqualTo(422);
        valid(r.body());
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.select("#f-headline-error").text()).contains("Write a headline");
        assertThat(doc.select("#f-slug-error").text()).contains("lower-case letters");
        assertThat(doc.select("#f-section-error").text()).contains("Choose a section");
        assertThat(doc.select("#f-newTopics-error").text()).contains("not a kind of topic");
        assertThat(doc.select("#f-gallery-error").text()).contains("photo numbers");
        assertThat(doc.selectFirst("#f-body").text()).isEqualTo("Kept *body*");
        assertThat(doc.selectFirst("#f-slug").attr("value")).isEqualTo("Bad Slug!");
        assertThat(doc.selectFirst("#f-newTopics").attr("value")).isEqualTo("Jane Doe (animal)");
    }

    @Test
    void newTopicsAreCreatedOnTheSpotAndExistingOnesPicked() {
        long existing = t.fixtures.topic("harbour", "Harbour", "place");
        long id = idFrom(post(
                editor,
                "/newsroom/articles",
                with(
                        with(complete("Topics piece", "", "Body.", "save"), "topic", String.valueOf(existing)),
                        "newTopics",
                        "Jane Doe (person), City Council (organization)")));
        List<String> names = jdbi.withHandle(
                h -> h.createQuery("""
                select t.name from article_topics at join topics t on t.id = at.topic_id where at.article_id = :id order by at.position""").bind("id", id).mapTo(String.class).list());
        assertThat(names).containsExactly("Harbour", "Jane Doe", "City Council");
        assertThat((String) jdbi.withHandle(h -> h.createQuery("select kind from topics where slug = 'jane-doe'")
                        .mapTo(String.class)
                        .one()))
                .isEqualTo("person");
    }

    @Test
    void previewButtonRendersTheBodyAsReadersSeeItWithoutSaving() {
        long target = t.fixtures.article(
                "tide-tables",
                "Tide tables explained",
                section,
                "explainer",
                Instant.now().minusSeconds(3600),
                "Tides.");
        var r = post(
                editor,
                "/newsroom/articles",
                complete("Preview me", "", "Some **bold** words.\n\n[[related:tide-tables]]\n\nEnd.", "preview"));
        assertThat(r.statusCode()).isEqualTo(200);
        valid(r.body());
        Document doc = Jsoup.parse(r.body());
        assertThat(doc.select(".editor-preview .article__body strong").text()).isEqualTo("bold");
        assertThat(doc.select(".editor-preview .related a").text()).isEqualTo("Explainer: Tide tables explained");
        assertThat(doc.selectFirst("#f-body").text()).contains("[[related:tide-tables]]");
        assertThat(doc.select(".syntax-help").text()).contains("[[related:").contains("[[newsletter:");
        assertThat(target).isPositive();
        assertThat((Integer) jdbi.withHandle(
                        h -> h.createQuery("select count(*) from articles where headline = 'Preview me'")
                                .mapTo(Integer.class)
                                .one()))
                .isZero();
    }

    @Test
    void relatedSearchFindsPublishedArticlesAsHtmlAndJson() {
        t.fixtures.article(
                "ferry-strike-ends",
                "Ferry STRIKE ends",
                section,
                "news",
                Instant.now().minusSeconds(7200),
                "Body.");
        t.awaitSearch();
        var json = editor.get("/newsroom/articles/search?q=strike&format=json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("[[related:ferry-strike-ends]]");
        var html = editor.get("/newsroom/articles/search?q=Strike");
        valid(html.body());
        assertThat(Jsoup.parse(html.body()).select(".search-hits code").text())
                .isEqualTo("[[related:ferry-strike-ends]]");
        var inForm = post(
                editor,
                "/newsroom/articles",
                with(complete("Linking piece", "", "Body.", "find-related"), "relatedQuery", "ferry"));
        assertThat(inForm.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(inForm.body()).select(".related-results code").text())
                .isEqualTo("[[related:ferry-strike-ends]]");
    }

    @Test
    void contributorsWriteTheirOwnDraftsButNeitherPublishNorTouchOthers() {
        long own = idFrom(post(
                writer,
                "/newsroom/articles",
                fields(
                        "headline",
                        "Writer's draft",
                        "slug",
                        "",
                        "section",
                        String.valueOf(section),
                        "kind",
                        "news",
                        "author",
                        String.valueOf(ann),
                        "body",
                        "Draft.",
                        "version",
                        "0",
                        "action",
                        "save")));
        var page = writer.get("/newsroom/articles/" + own);
        assertThat(page.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        assertThat(doc.select("button[name=action]").eachAttr("value"))
                .contains("save", "ready")
                .doesNotContain("publish", "schedule");
        assertThat(post(
                                writer,
                                "/newsroom/articles/" + own,
                                fields(
                                        "headline",
                                        "Writer's draft",
                                        "slug",
                                        "writers-draft",
                                        "section",
                                        String.valueOf(section),
                                        "kind",
                                        "news",
                                        "author",
                                        String.valueOf(ann),
                                        "body",
                                        "Draft, better.",
                                        "version",
                                        "1",
                                        "action",
                                        "ready"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(status(own)).isEqualTo("ready");
        var publish = post(
                writer,
                "/newsroom/articles/" + own,
                fields(
                        "headline",
                        "Writer's draft",
                        "slug",
                        "writers-draft",
                        "section",
                        String.valueOf(section),
                        "kind",
                        "news",
                        "author",
                        String.valueOf(ann),
                        "body",
                        "Draft, better.",
                        "version",
                        "2",
                        "action",
                        "publish"));
        assertThat(publish.statusCode()).isEqualTo(403);
        assertThat(status(own)).isEqualTo("ready");

        long others = idFrom(post(
                editor,
                "/newsroom/articles",
                complete("Editor's own", "", "Body.", "save").stream()
                        .filter(e ->
                                !(e.getKey().equals("author") && e.getValue().equals(String.valueOf(ann))))
                        .toList()));
        assertThat(writer.get("/newsroom/articles/" + others).statusCode()).isEqualTo(403);
        assertThat(post(writer, "/newsroom/articles/" + others, complete("Taken over", "", "x", "save"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(writer.get("/newsroom/articles/" + others + "/revisions").statusCode())
                .isEqualTo(403);

        // the list shows a contributor only their own; an editor sees everything
        var list = writer.get("/newsroom/articles");
        valid(list.body());
        assertThat(Jsoup.parse(list.body()).select("tbody a").eachText())
                .contains("Writer's draft")
                .doesNotContain("Editor's own");
        assertThat(Jsoup.parse(editor.get("/newsroom/articles").body())
                        .select("tbody a")
                        .eachText())
                .contains("Writer's draft", "Editor's own");

        // once published, the contributor's own article is the editors'
        String v = version(editor, own);
        assertThat(post(
                                editor,
                                "/newsroom/articles/" + own,
                                fields(
                                        "headline",
                                        "Writer's draft",
                                        "slug",
                                        "writers-draft",
                                        "section",
                                        String.valueOf(section),
                                        "kind",
                                        "news",
                                        "author",
                                        String.valueOf(ann),
                                        "body",
                                        "Draft, better.",
                                        "leadPhoto",
                                        "",
                                        "version",
                                        v,
                                        "action",
                                        "publish"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(post(
                                writer,
                                "/newsroom/articles/" + own,
                                fields(
                                        "headline",
                                        "Changed after publication",
                                        "section",
                                        String.valueOf(section),
                                        "kind",
                                        "news",
                                        "body",
                                        "x",
                                        "version",
                                        String.valueOf(Integer.parseInt(v) + 1),
                                        "action",
                                        "save"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theListNarrowsBySectionAndABadNumberOrIdIsRefused() {
        long empty = t.fixtures.section("empty-desk-section", "Empty desk section");
        var narrowed = editor.get("/newsroom/articles?section=" + empty + "&status=draft");
        assertThat(narrowed.statusCode()).isEqualTo(200);
        valid(narrowed.body());
        assertThat(Jsoup.parse(narrowed.body()).select("tbody a")).isEmpty();
        assertThat(Jsoup.parse(narrowed.body())
                        .select("select#status option[selected]")
                        .attr("value"))
                .isEqualTo("draft");

        var bad = editor.get("/newsroom/articles?section=abc");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body()).text()).contains("section").contains("whole number");

        assertThat(editor.get("/newsroom/articles/abc").statusCode()).isEqualTo(404);
        assertThat(editor.get("/newsroom/articles/0/revisions").statusCode()).isEqualTo(404);
    }

    @Test
    void twoEditorsSavingTheSameVersionGetAConflictWithBothVersionsAndNothingLost() {
        long id = idFrom(post(editor, "/newsroom/articles", complete("Council votes", "", "Original body.", "save")));
        String v1 = version(editor, id);
        assertThat(version(editor2, id)).isEqualTo(v1).isEqualTo("1");
        assertThat(post(
                                editor,
                                "/newsroom/articles/" + id,
                                with(
                                        complete("Council votes yes", "council-votes", "Original body.", "save"),
                                        "version",
                                        v1))
                        .statusCode())
                .isEqualTo(303);
        var second = post(
                editor2,
                "/newsroom/articles/" + id,
                with(
                        complete(
                                "Council votes",
                                "council-votes",
                                "My rewritten body.\n\nWith a second paragraph.",
                                "save"),
                        "version",
                        v1));
        assertThat(second.statusCode()).isEqualTo(409);
        valid(second.body());
        Document doc = Jsoup.parse(second.body());
        assertThat(doc.select(".conflict h2").text()).contains("Someone else saved");
        String table = doc.select(".conflict table").text();
        assertThat(table)
                .contains("Council votes yes")
                .contains("Original body.")
                .contains("My rewritten body.");
        assertThat(doc.selectFirst("#f-body").wholeText()).isEqualTo("My rewritten body.\n\nWith a second paragraph.");
        assertThat(doc.selectFirst("form.editor input[name=version]").attr("value"))
                .isEqualTo("2");
        assertThat((String) jdbi.withHandle(h -> h.createQuery("select body from articles where id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one()))
                .isEqualTo("Original body.");

        // after merging by hand, the form saves over their version
        var merged = post(
                editor2,
                "/newsroom/articles/" + id,
                with(complete("Council votes yes", "council-votes", "My rewritten body.", "save"), "version", "2"));
        assertThat(merged.statusCode()).isEqualTo(303);
        assertThat(version(editor, id)).isEqualTo("3");
    }

    @Test
    void revisionsShowDiffsAndRestoreIsANewSave() {
        long id =
                idFrom(post(editor, "/newsroom/articles", complete("Budget day", "", "Line one.\nLine two.", "save")));
        post(
                editor,
                "/newsroom/articles/" + id,
                with(
                        complete("Budget day arrives", "budget-day-arrives", "Line one.\nLine 2, changed.", "save"),
                        "version",
                        "1"));
        var list = editor.get("/newsroom/articles/" + id + "/revisions");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        valid(list.body());
        assertThat(Jsoup.parse(list.body()).select("tbody tr")).hasSize(2);
        assertThat(Jsoup.parse(list.body()).select("tbody").text()).contains("editor");

        var diff = editor.get("/newsroom/articles/" + id + "/revisions/1");
        assertThat(diff.statusCode()).isEqualTo(200);
        valid(diff.body());
        Document d = Jsoup.parse(diff.body());
        assertThat(d.select(".diff del").eachText())
                .anyMatch(s -> s.contains("Line two."))
                .anyMatch(s -> s.contains("Budget day"));
        assertThat(d.select(".diff ins").eachText())
                .anyMatch(s -> s.contains("Line 2, changed."))
                .anyMatch(s -> s.contains("Budget day arrives"));
        assertThat(d.select("table").text())
                .contains("Slug")
                .contains("budget-day")
                .contains("budget-day-arrives");

        assertThat(editor.post("/newsroom/articles/" + id + "/revisions/1/restore", Map.of("version", "2"))
                        .statusCode())
                .isEqualTo(303);
        Map<String, Object> row =
                jdbi.withHandle(h -> h.createQuery("select headline, body, version from articles where id = :id")
                        .bind("id", id)
                        .mapToMap()
                        .one());
        assertThat(row)
                .containsEntry("headline", "Budget day")
                .containsEntry("body", "Line one.\nLine two.")
                .containsEntry("version", 3);
        // restoring over a version that moved on is a conflict, shown with both versions
        var stale = editor.post("/newsroom/articles/" + id + "/revisions/2/restore", Map.of("version", "2"));
        assertThat(stale.statusCode()).isEqualTo(409);
        valid(stale.body());
        assertThat(Jsoup.parse(stale.body()).selectFirst("#f-body").wholeText())
                .isEqualTo("Line one.\nLine 2, changed.");
        assertThat(Jsoup.parse(stale.body()).selectFirst("#f-slug").attr("value"))
                .isEqualTo("budget-day-arrives");
        assertThat(editor.get("/newsroom/articles/" + id + "/revisions/99").statusCode())
                .isEqualTo(404);
    }

    @Test
    void schedulingInThePastIsPublishedByThePublisher() {
        String oneHourAgo = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                .format(Instant.now().minus(1, ChronoUnit.HOURS).atZone(ZoneOffset.UTC));
        long id = idFrom(post(
                editor,
                "/newsroom/articles",
                with(complete("Tide turns", "", "Body.", "schedule"), "publishAt", oneHourAgo)));
        String st = status(id);
        assertThat(st).isEqualTo("scheduled"); // the test app runs no publisher of its own: this pass publishes it
        new ScheduledPublisher(jdbi).runOnce();
        assertThat(status(id)).isEqualTo("published");
        assertThat(audits(id, "scheduled")).isEqualTo(1);
        assertThat(audits(id, "published")).isEqualTo(1);
        Instant at = jdbi.withHandle(h -> h.createQuery("select published_at from articles where id = :id")
                        .bind("id", id)
                        .mapTo(java.time.OffsetDateTime.class)
                        .one())
                .toInstant();
        assertThat(at).isBefore(Instant.now().minus(50, ChronoUnit.MINUTES));
        String path = publicPath(editor, id);
        eventually(() -> t.client().get(path).statusCode() == 200);

        // scheduling needs a time, in the paper's zone
        var noTime = post(editor, "/newsroom/articles", complete("No time given", "", "Body.", "schedule"));
        assertThat(noTime.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(noTime.body()).select("#f-publishAt-error").text())
                .contains("Choose the date and time");
    }

    @Test
    void aCorrectionAppearsOnThePageAndMovesDateModified() {
        long id = idFrom(
                post(editor, "/newsroom/articles", complete("Bridge closed", "", "The bridge is closed.", "publish")));
        jdbi.useHandle(h -> h.execute("update articles set updated_at = now() - interval '2 hours' where id = ?", id));
        t.contentChanged();
        String path = publicPath(editor, id);
        String before = dateModified(t.client().get(path).body());
        var r = editor.post(
                "/newsroom/articles/" + id + "/corrections",
                Map.of("kind", "correction", "text", "The bridge is on Mill Street."));
        assertThat(r.statusCode()).isEqualTo(303);
        eventually(() -> t.client().get(path).body().contains("The bridge is on Mill Street."));
        String after = dateModified(t.client().get(path).body());
        assertThat(Instant.parse(after)).isAfter(Instant.parse(before));
        assertThat(audits(id, "corrected")).isEqualTo(1);
        var page = editor.get("/newsroom/articles/" + id);
        valid(page.body());
        assertThat(Jsoup.parse(page.body()).select("#corrections-h + ul").text())
                .contains("Mill Street");

        var empty = editor.post("/newsroom/articles/" + id + "/corrections", Map.of("kind", "update", "text", " "));
        assertThat(empty.statusCode()).isEqualTo(422);
        valid(empty.body());
        assertThat(Jsoup.parse(empty.body()).select("#f-text-error").text()).contains("Write the correction");
        assertThat(writer.post("/newsroom/articles/" + id + "/corrections", Map.of("kind", "update", "text", "x"))
                        .statusCode())
                .isEqualTo(403);
    }

    static String dateModified(String html) {
        String ld = Jsoup.parse(html)
                .selectFirst("script[type=application/ld+json]")
                .data();
        return ld.replaceAll("(?s).*\"dateModified\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    @Test
    void previewLinksWorkUntilTheyExpireAndNotForged() {
        long id = idFrom(post(editor, "/newsroom/articles", complete("Secret plans", "", "Not out yet.", "save")));
        var made = editor.post("/newsroom/articles/" + id + "/preview-link", Map.of());
        assertThat(made.statusCode()).isEqualTo(200);
        valid(made.body());
        String url = Jsoup.parse(made.body()).selectFirst("#preview-url").attr("value");
        assertThat(url).startsWith("http://news.example/preview/" + id + "?expires=");
        String path = url.substring("http://news.example".length());
        int audited = t.db.jdbi()
                .withHandle(h -> h.createQuery(
                                "select count(*) from audit_log where action = 'made a preview link' and subject_id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
        assertThat(audited).as("making a preview link is in the audit log").isEqualTo(1);

        HttpResponse<String> preview = t.get(path);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        Document doc = Jsoup.parse(preview.body());
        assertThat(doc.select(".preview-banner").text()).startsWith("Preview — not published");
        assertThat(doc.select("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(doc.select("h1").text()).isEqualTo("Secret plans");
        valid(preview.body());
        assertThat(t.client().get("/").body()).doesNotContain("Secret plans");

        String forged = path.substring(0, path.length() - 4) + "0000";
        assertThat(t.get(forged).statusCode()).isEqualTo(403);
        assertThat(t.get(path.replace("/preview/" + id, "/preview/" + (id + 1))).statusCode())
                .isEqualTo(403);
        assertThat(t.get("/preview/" + id).statusCode()).isEqualTo(403);
        String expired = new PreviewLinks(new broadsheet.db.Secrets(new broadsheet.db.Settings(jdbi)))
                .path(id, Instant.now().minusSeconds(60));
        assertThat(t.get(expired).statusCode()).isEqualTo(403);
        String later = new PreviewLinks(new broadsheet.db.Secrets(new broadsheet.db.Settings(jdbi)))
                .path(id, Instant.now().plusSeconds(60));
        assertThat(t.get(later).statusCode()).isEqualTo(200);
    }

    @Test
    void autosaveAnswersWithTheNewVersionRefusesStaleOnesAndNeedsTheToken() {
        long id = idFrom(post(editor, "/newsroom/articles", complete("Autosaved piece", "", "Typing.", "save")));
        String token = editor.cookie("bs_csrf").orElseThrow();
        var form = with(
                with(complete("Autosaved piece", "autosaved-piece", "Typing more.", "save"), "version", "1"),
                "action",
                "");
        var first = editor.postForm(
                "/newsroom/articles/" + id + "/autosave", form, "X-CSRF-Token", token, "Accept", "application/json");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"version\":2");
        var second = editor.postForm(
                "/newsroom/articles/" + id + "/autosave",
                with(with(form, "version", "2"), "body", "Typing even more."),
                "X-CSRF-Token",
                token);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"version\":3");
        // two autosaves in a row by one person share a revision
        List<Integer> versions = jdbi.withHandle(
                h -> h.createQuery("select version from article_revisions where article_id = :id order by version")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .list());
        assertThat(versions).containsExactly(1, 3);

        var stale = editor.postForm("/newsroom/articles/" + id + "/autosave", form, "X-CSRF-Token", token);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("\"conflict\":true");
        var noToken = editor.postForm("/newsroom/articles/" + id + "/autosave", with(form, "version", "3"));
        assertThat(noToken.statusCode()).isEqualTo(403);
        var editorPage = Jsoup.parse(editor.get("/newsroom/articles/" + id).body());
        assertThat(editorPage.selectFirst("form.editor").attr("data-autosave"))
                .isEqualTo("/newsroom/articles/" + id + "/autosave");
        assertThat(editorPage.select("script[src*=newsroom-editor]")).hasSize(1);
    }

    @Test
    void theListFiltersSortsAndPagesByKeyset() {
        long other = t.fixtures.section("sport", "Sport");
        jdbi.useHandle(h -> {
            for (int i = 0; i < 55; i++) {
                h.execute("""
                        insert into articles (slug, headline, section_id, status, updated_at, created_by)
                        values (?, ?, ?, 'draft', now() - make_interval(mins => ?), null)""", "paging-" + i, "Paging item " + i, other, i);
            }
        });
        var first = editor.get("/newsroom/articles?section=" + other);
        valid(first.body());
        Document d1 = Jsoup.parse(first.body());
        List<String> page1 = d1.select("tbody td:first-child a").eachText();
        assertThat(page1).hasSize(50).startsWith("Paging item 0");
        String next = d1.selectFirst("a[rel=next]").attr("href");
        List<String> page2 = Jsoup.parse(editor.get(next).body())
                .select("tbody td:first-child a")
                .eachText();
        assertThat(page2).hasSize(5).doesNotContainAnyElementsOf(page1);

        var byHeadline = Jsoup.parse(editor.get("/newsroom/articles?section=" + other + "&sort=headline")
                .body());
        assertThat(byHeadline.select("tbody td:first-child a").eachText())
                .startsWith("Paging item 0", "Paging item 1", "Paging item 10");
        var words = Jsoup.parse(editor.get("/newsroom/articles?q=PAGING+ITEM+5").body());
        assertThat(words.select("tbody td:first-child a").eachText())
                .containsExactlyInAnyOrder(
                        "Paging item 5",
                        "Paging item 50",
                        "Paging item 51",
                        "Paging item 52",
                        "Paging item 53",
                        "Paging item 54");
        assertThat(Jsoup.parse(editor.get("/newsroom/articles?status=published&section=" + other)
                                .body())
                        .select("tbody tr"))
                .isEmpty();
    }
}
