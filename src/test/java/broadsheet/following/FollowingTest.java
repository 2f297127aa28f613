package broadsheet.following;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.ContentChanges;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.Waiting;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Following over real HTTP on the real PostgreSQL: following from pages, the feed, suggestions, the reader's data. */
class FollowingTest extends FollowingTestBase {

    @Test
    void anAnonymousFollowSignsInThenFollowsAndReturnsToThePage() {
        long id = article("harbour-dredging-vote", politics, NOW.minus(3, ChronoUnit.HOURS), new long[] {harbour}, ana);
        t.contentChanged();
        String path = t.fixtures
                        .jdbi()
                        .withHandle(h -> h.createQuery(
                                        "select to_char(published_at at time zone 'UTC', 'YYYY/MM/DD') from articles where id = ?")
                                .bind(0, id)
                                .mapTo(String.class)
                                .one())
                + "/harbour-dredging-vote";
        WebClient c = t.client();
        Document page = Jsoup.parse(c.get("/" + path).body());
        var form = page.selectFirst("section.follow form[data-follow=topic:harbour]");
        assertThat(form).as("a Follow button for the article's topic").isNotNull();
        assertThat(form.attr("method")).isEqualTo("get");
        String next = form.select("input[name=next]").val();
        assertThat(next).isEqualTo("/" + path);

        HttpResponse<String> pressed = c.get("/follow?kind=topic&slug=harbour&next="
                + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(pressed.statusCode()).isEqualTo(303);
        String signIn = pressed.headers().firstValue("Location").orElseThrow();
        assertThat(signIn).startsWith("/sign-in?next=");
        Document signInPage = Jsoup.parse(c.get(signIn).body());
        assertThat(signInPage.select(".notice").text()).contains("to follow this");
        assertThat(signInPage.select("a:contains(Create an account)").attr("href"))
                .startsWith("/register?next=%2Ffollow");

        t.fixtures.user("late@example.org", Role.READER, "a long password 1");
        HttpResponse<String> in = c.post(
                "/sign-in",
                Map.of(
                        "email",
                        "late@example.org",
                        "password",
                        "a long password 1",
                        "next",
                        signInPage.select("input[name=next]").val()));
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).hasValue("/" + path);
        assertThat(Jsoup.parse(c.get("/following/manage").body())
                        .select(".follow-choices a")
                        .eachText())
                .contains("The Harbour");
    }

    @Test
    void theFeedMergesFollowsNewestFirstOnceEachAndSaysWhy() throws Exception {
        long old = article("tariff-talks-open", business, NOW.minus(30, ChronoUnit.DAYS), new long[] {trade});
        long mid = article("ortiz-on-the-budget", politics, NOW.minus(2, ChronoUnit.DAYS), new long[] {}, ana);
        long both =
                article("ortiz-on-tariffs", business, NOW.minus(1, ChronoUnit.DAYS), new long[] {trade, energy}, ana);
        article("unrelated-cricket-report", business, NOW.minus(1, ChronoUnit.HOURS), new long[] {energy}, ben);
        WebClient c = reader();
        String token = csrf(c);
        assertThat(c.json(
                                "POST",
                                "/api/following",
                                "{\"kind\":\"topic\",\"slug\":\"trade-policy\"}",
                                "X-CSRF-Token",
                                token)
                        .statusCode())
                .isEqualTo(201);
        assertThat(c.json(
                                "POST",
                                "/api/following",
                                "{\"kind\":\"author\",\"slug\":\"ana-ortiz\"}",
                                "X-CSRF-Token",
                                token)
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> page = c.get("/following");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        Document d = Jsoup.parse(page.body());
        List<String> headlines = d.select(".following-item .card__headline").eachText();
        assertThat(headlines)
                .containsSubsequence(
                        "Headline ortiz-on-tariffs", "Headline ortiz-on-the-budget", "Headline tariff-talks-open");
        assertThat(headlines).doesNotContain("Headline unrelated-cricket-report");
        assertThat(headlines.stream().filter(h -> h.equals("Headline ortiz-on-tariffs")))
                .hasSize(1);
        Map<String, String> why = new java.util.HashMap<>();
        d.select(".following-item")
                .forEach(i -> why.put(
                        i.select(".card__headline").text(),
                        i.select(".following-item__why").text()));
        assertThat(why)
                .containsEntry("Headline ortiz-on-tariffs", "You follow Ana Ortiz and Trade policy")
                .containsEntry("Headline ortiz-on-the-budget", "You follow Ana Ortiz")
                .containsEntry("Headline tariff-talks-open", "You follow Trade policy");
        assertThat(HtmlValidator.problems(page.body())).isEmpty();
        assertThat(d.select(".following-suggestions form[action=/follow] input[name=slug]")
                        .eachAttr("value"))
                .as("what appears beside followed things is suggested, with a Follow button")
                .contains("energy")
                .doesNotContain("trade-policy", "ana-ortiz");

        JsonNode api = json(c.get("/api/feed"));
        List<Long> ids = new ArrayList<>();
        api.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        assertThat(ids).containsSubsequence(both, mid, old);
        JsonNode first = null;
        for (JsonNode i : api.get("items")) if (i.get("id").asLong() == both) first = i;
        assertThat(first.get("why").asText()).isEqualTo("You follow Ana Ortiz and Trade policy");
        assertThat(first.get("url").asText()).startsWith("http://news.example/").endsWith("/ortiz-on-tariffs");
        assertThat(first.get("reasons").findValuesAsText("slug")).containsExactly("ana-ortiz", "trade-policy");
    }

    @Test
    void moreMovesThroughTheFeedByKeysetWithoutRepeatsOrGaps() throws Exception {
        long topic = t.fixtures.topic("shipping", "Shipping", "subject");
        for (int i = 0; i < 45; i++) {
            article("shipping-note-" + i, business, NOW.minus(100 + i, ChronoUnit.MINUTES), new long[] {topic});
        }
        WebClient c = reader();
        c.get("/follow?kind=topic&slug=shipping&next=/");
        assertThat(c.post("/follow", Map.of("kind", "topic", "slug", "shipping", "next", "/following"))
                        .statusCode())
                .isEqualTo(303);
        List<String> seen = new ArrayList<>();
        String path = "/following";
        int pages = 0;
        while (path != null) {
            Document d = Jsoup.parse(c.get(path).body());
            seen.addAll(d.select(".following-item .card__headline").eachText());
            var more = d.selectFirst(".more a[rel=next]");
            path = more == null ? null : more.attr("href");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 45; i++) expected.add("Headline shipping-note-" + i);
        assertThat(seen).containsExactlyElementsOf(expected);

        // the API pages the same way, with its own page size
        List<String> viaApi = new ArrayList<>();
        String next = "/api/feed?limit=7";
        while (next != null) {
            JsonNode page = json(c.get(next));
            page.get("items").forEach(i -> viaApi.add(i.get("headline").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        }
        assertThat(viaApi).containsExactlyElementsOf(expected);
        assertThat(c.get("/api/feed?limit=500").statusCode()).isEqualTo(400);
        assertThat(c.get("/api/feed?before=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void publishingShowsAtOnceAndUnpublishingRemovesAtOnce() {
        long topic = t.fixtures.topic("ferries", "Ferries", "subject");
        WebClient c = reader();
        c.get("/following");
        c.post("/follow", Map.of("kind", "topic", "slug", "ferries", "next", "/following"));
        assertThat(feedHeadlines(c, "/following")).isEmpty();
        long id = article("new-ferry-timetable", politics, NOW.minus(1, ChronoUnit.MINUTES), new long[] {topic});
        assertThat(feedHeadlines(c, "/following")).containsExactly("Headline new-ferry-timetable");
        // unpublished and published again as the desk does it: the change announced in its transaction
        t.fixtures.jdbi().useTransaction(h -> {
            h.execute("update articles set status = 'unpublished' where id = ?", id);
            ContentChanges.announceArticles(h, List.of(id));
        });
        Waiting.fewSeconds()
                .untilAsserted(() -> assertThat(feedHeadlines(c, "/following")).isEmpty());
        t.fixtures.jdbi().useTransaction(h -> {
            h.execute("update articles set status = 'published' where id = ?", id);
            ContentChanges.announceArticles(h, List.of(id));
        });
        Waiting.fewSeconds()
                .untilAsserted(() ->
                        assertThat(feedHeadlines(c, "/following")).containsExactly("Headline new-ferry-timetable"));
        // a draft tagged with the topic never shows
        long draft = article("draft-ferry-fares", politics, NOW, new long[] {topic});
        t.fixtures
                .jdbi()
                .useHandle(h ->
                        h.execute("update articles set status = 'draft', published_at = null where id = ?", draft));
        assertThat(feedHeadlines(c, "/following")).containsExactly("Headline new-ferry-timetable");
    }

    @Test
    void followsAndUnfollowsShowAtOnceWhateverNodeMadeThem() {
        long tides = t.fixtures.topic("tides", "Tides", "subject");
        long gulls = t.fixtures.topic("gulls", "Gulls", "subject");
        article("spring-tide-tonight", politics, NOW.minus(3, ChronoUnit.MINUTES), new long[] {tides});
        article("gulls-nest-on-the-pier", politics, NOW.minus(2, ChronoUnit.MINUTES), new long[] {gulls});
        WebClient c = reader();
        c.post("/follow", Map.of("kind", "topic", "slug", "tides", "next", "/following"));
        assertThat(feedHeadlines(c, "/following")).containsExactly("Headline spring-tide-tonight");
        c.post("/follow", Map.of("kind", "topic", "slug", "gulls", "next", "/following"));
        assertThat(feedHeadlines(c, "/following"))
                .containsExactly("Headline gulls-nest-on-the-pier", "Headline spring-tide-tonight");
        c.post("/unfollow", Map.of("kind", "topic", "slug", "tides", "next", "/following"));
        assertThat(feedHeadlines(c, "/following")).containsExactly("Headline gulls-nest-on-the-pier");

        // another node's follow is a row in the table, which tells this node nothing: it shows all the same
        long userId = lastReaderId();
        t.fixtures
                .jdbi()
                .useHandle(h -> h.execute(
                        "insert into follows (user_id, kind, target_id) values (?, 'topic', ?)", userId, tides));
        assertThat(feedHeadlines(c, "/following"))
                .containsExactly("Headline gulls-nest-on-the-pier", "Headline spring-tide-tonight");
        t.fixtures
                .jdbi()
                .useHandle(h -> h.execute(
                        "delete from follows where user_id = ? and kind = 'topic' and target_id = ?", userId, gulls));
        assertThat(feedHeadlines(c, "/following")).containsExactly("Headline spring-tide-tonight");

        // a newly published article of a followed topic is on the next page rendered
        article("neap-tide-next-week", politics, NOW.minus(1, ChronoUnit.MINUTES), new long[] {tides});
        assertThat(feedHeadlines(c, "/following"))
                .containsExactly("Headline neap-tide-next-week", "Headline spring-tide-tonight");
    }

    @Test
    void sectionsCanBeFollowedFromTheirPage() {
        t.fixtures.section("science", "Science");
        t.contentChanged();
        WebClient c = reader();
        Document section = Jsoup.parse(c.get("/sections/science").body());
        assertThat(section.select("form[data-follow=section:science] button").text())
                .isEqualTo("Follow Science");
        c.post("/follow", Map.of("kind", "section", "slug", "science", "next", "/sections/science"));
        long scienceId = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from sections where slug = 'science'")
                        .mapTo(Long.class)
                        .one());
        article("comet-seen-over-the-bay", scienceId, NOW.minus(5, ChronoUnit.MINUTES), new long[] {});
        Document feed = Jsoup.parse(c.get("/following").body());
        assertThat(feed.select(".following-item__why").eachText()).containsExactly("You follow Science");
    }

    @Test
    void anEmptyFeedSuggestsWhatToFollowAndSuggestionsFollowWhatTheReaderReads() throws Exception {
        WebClient c = reader();
        Document empty = Jsoup.parse(c.get("/following").body());
        assertThat(empty.select(".empty").text()).contains("Your feed is empty");
        assertThat(empty.select(".follow-choices li")).isNotEmpty();
        assertThat(HtmlValidator.problems(c.get("/following").body())).isEmpty();

        long lighthouse = t.fixtures.topic("lighthouses", "Lighthouses", "subject");
        long keepers = t.fixtures.topic("keepers-union", "Keepers' union", "organization");
        for (int i = 0; i < 3; i++) {
            article("lighthouse-story-" + i, politics, NOW.minus(10 + i, ChronoUnit.MINUTES), new long[] {
                lighthouse, keepers
            });
        }
        c.post("/follow", Map.of("kind", "topic", "slug", "lighthouses", "next", "/"));
        JsonNode s = json(c.get("/api/following/suggestions"));
        List<String> slugs = s.get("suggestions").findValuesAsText("slug");
        assertThat(slugs.get(0)).isEqualTo("keepers-union");
        assertThat(slugs).doesNotContain("lighthouses");
        Document manage = Jsoup.parse(c.get("/following/manage").body());
        assertThat(manage.select("h2:contains(Suggestions) + ul a").eachText()).contains("Keepers' union");
        assertThat(HtmlValidator.problems(c.get("/following/manage").body())).isEmpty();
    }

    @Test
    void aReaderFollowingManyThingsGetsEveryArticleOnceInOrder() throws Exception {
        var rnd = new java.util.Random(3);
        List<Long> topics = new ArrayList<>();
        for (int i = 0; i < 30; i++) topics.add(t.fixtures.topic("many-" + i, "Many " + i, "subject"));
        long author = t.fixtures.author("prolific-writer", "Prolific Writer");
        for (int i = 0; i < 150; i++) {
            long[] tags = rnd.ints(1 + rnd.nextInt(3), 0, 30)
                    .distinct()
                    .mapToLong(topics::get)
                    .toArray();
            // some share a publication time, so the id breaks ties
            Instant at = NOW.minus(1000 + rnd.nextInt(2000), ChronoUnit.MINUTES);
            if (rnd.nextInt(4) == 0) article("many-story-" + i, politics, at, tags, author);
            else article("many-story-" + i, politics, at, tags);
        }
        WebClient c = reader();
        String token = csrf(c);
        for (int i = 0; i < 30; i += 2) {
            c.json("POST", "/api/following", "{\"kind\":\"topic\",\"slug\":\"many-" + i + "\"}", "X-CSRF-Token", token);
        }
        c.json("POST", "/api/following", "{\"kind\":\"author\",\"slug\":\"prolific-writer\"}", "X-CSRF-Token", token);
        long userId = lastReaderId();
        List<Long> expected = t.fixtures
                .jdbi()
                .withHandle(h ->
                        h.createQuery("""
                select a.id from articles a where a.status = 'published' and (
                  exists (select 1 from article_topics x join follows f on f.kind = 'topic' and f.target_id = x.topic_id
                           where x.article_id = a.id and f.user_id = :u)
                  or exists (select 1 from article_authors x join follows f on f.kind = 'author' and f.target_id = x.author_id
                           where x.article_id = a.id and f.user_id = :u))
                order by a.published_at desc, a.id desc""").bind("u", userId).mapTo(Long.class).list());
        assertThat(expected).hasSizeGreaterThan(60);
        for (int size : new int[] {1, 7, 20, 100}) {
            List<Long> got = new ArrayList<>();
            String next = "/api/feed?limit=" + size;
            while (next != null) {
                JsonNode page = json(c.get(next));
                page.get("items").forEach(i -> got.add(i.get("id").asLong()));
                next = page.get("next").isNull() ? null : page.get("next").asText();
            }
            assertThat(got).as("pages of " + size).containsExactlyElementsOf(expected);
        }
        // the first page merged from kept reads says why as the feed's statement does, article by article
        Feed fromStatement = new Feed(new FeedDao(t.fixtures.jdbi()), new FollowDao(t.fixtures.jdbi()));
        List<String> whyFromStatement = fromStatement.page(userId, broadsheet.db.Cursor.first(), 20).items().stream()
                .map(i -> i.article().id() + " " + i.why())
                .toList();
        List<String> whyOnPage = new ArrayList<>();
        json(c.get("/api/feed"))
                .get("items")
                .forEach(i ->
                        whyOnPage.add(i.get("id").asLong() + " " + i.get("why").asText()));
        assertThat(whyOnPage).hasSize(20).containsExactlyElementsOf(whyFromStatement);
    }

    @Test
    void registeringFromAFollowButtonFollowsAfterConfirmingAndSigningIn() throws Exception {
        WebClient c = t.client();
        String intent = "/follow?kind=topic&slug=energy&next=%2Ftopics%2Fenergy";
        String signIn = c.get(intent).headers().firstValue("Location").orElseThrow();
        String register = Jsoup.parse(c.get(signIn).body())
                .select("a:contains(Create an account)")
                .attr("href");
        Document form = Jsoup.parse(c.get(register).body());
        assertThat(form.select("input[name=next]").val())
                .isEqualTo("/follow?kind=topic&slug=energy&next=%2Ftopics%2Fenergy");
        c.post(
                "/register",
                Map.of(
                        "email",
                        "newcomer@example.org",
                        "displayName",
                        "New",
                        "password",
                        "newcomer's password",
                        "next",
                        form.select("input[name=next]").val()));
        String mail;
        try (var files = java.nio.file.Files.list(t.dataDir.resolve("mail"))) {
            java.nio.file.Path newest = files.filter(p -> p.toString().endsWith(".eml"))
                    .max(java.util.Comparator.comparing(p -> {
                        try {
                            return java.nio.file.Files.getLastModifiedTime(p);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }))
                    .orElseThrow();
            mail = java.nio.file.Files.readString(newest).replace("=\r\n", "").replace("=3D", "=");
        }
        var m = java.util.regex.Pattern.compile("http://news\\.example(/account/confirm\\S+)")
                .matcher(mail);
        assertThat(m.find()).as(mail).isTrue();
        Document confirmed = Jsoup.parse(c.get(m.group(1)).body());
        String signInLink = confirmed.select("a:contains(Sign in)").last().attr("href");
        assertThat(signInLink).startsWith("/sign-in?next=%2Ffollow");
        Document signInPage = Jsoup.parse(c.get(signInLink).body());
        HttpResponse<String> in = c.post(
                "/sign-in",
                Map.of(
                        "email",
                        "newcomer@example.org",
                        "password",
                        "newcomer's password",
                        "next",
                        signInPage.select("input[name=next]").val()));
        assertThat(in.headers().firstValue("Location")).hasValue("/topics/energy");
        assertThat(json(c.get("/api/following")).get("follows").findValuesAsText("slug"))
                .containsExactly("energy");
    }

    @Test
    void aReadersFollowsAndNewsletterListsAreInTheirDataAndGoWithTheAccount() throws Exception {
        WebClient c = reader();
        String email = "reader" + users + "@example.org";
        c.get("/following");
        c.post("/follow", Map.of("kind", "topic", "slug", "energy", "next", "/"));
        c.post("/follow", Map.of("kind", "author", "slug", "ana-ortiz", "next", "/"));
        c.post("/follow", Map.of("kind", "section", "slug", "politics", "next", "/"));
        long newsletter = t.fixtures.newsletter("tide-times", "Tide Times", "When the water turns", "everyone");
        t.fixtures
                .jdbi()
                .useHandle(h -> h.execute(
                        "insert into newsletter_subscribers (newsletter_id, email, status) values (?, ?, 'active')",
                        newsletter,
                        email));
        JsonNode data = json(c.get("/account/export.json"));
        // each follow by name and public address (the app is served as http://news.example), not by row number
        JsonNode following = data.get("following");
        assertThat(following.findValuesAsText("kind")).containsExactlyInAnyOrder("topic", "author", "section");
        assertThat(following.findValuesAsText("name")).containsExactlyInAnyOrder("Energy", "Ana Ortiz", "Politics");
        assertThat(following.findValuesAsText("url"))
                .containsExactlyInAnyOrder(
                        "http://news.example/topics/energy",
                        "http://news.example/authors/ana-ortiz",
                        "http://news.example/sections/politics");
        assertThat(following.findValues("id")).isEmpty();
        for (String url : following.findValuesAsText("url"))
            assertThat(c.get(url.replace("http://news.example", "")).statusCode())
                    .as(url)
                    .isEqualTo(200);
        assertThat(data.get("newsletters").findValuesAsText("newsletter")).containsExactly("tide-times");
        c.get("/account");
        assertThat(Jsoup.parse(c.post("/account/delete", Map.of("confirmPassword", "password for " + email))
                                .body())
                        .select("h1")
                        .text())
                .isEqualTo("Your account has been deleted");
        int left = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select (select count(*) from newsletter_subscribers where email = :e) + (select count(*) from users where email = :e)")
                        .bind("e", email)
                        .mapTo(Integer.class)
                        .one());
        assertThat(left).as("no list keeps a deleted reader's address").isZero();
    }
}
