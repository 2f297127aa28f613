package broadsheet.comments;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A held, rejected or removed comment is never quoted to another reader, on any form or refusal page. */
class HiddenCommentsTest {

    static TestApp t;
    static CommentsFixture f;

    @BeforeAll
    static void setUp() {
        t = new TestApp(broadsheet.mail.MailConfig.fromEnv(Map.of()));
        f = new CommentsFixture(t);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    @Test
    void noPageQuotesAHiddenCommentToSomeoneElse() {
        long article = f.article("Quay wall repairs");
        WebClient author = f.reader("author");
        long id = CommentsFixture.posted(author, article, "A sentence only the editors should see now");
        for (String status : List.of("pending", "rejected")) {
            t.fixtures.jdbi().useHandle(h -> h.execute("update comments set status = ? where id = ?", status, id));
            WebClient other = f.reader("other");
            other.get("/articles/" + article + "/comments");
            List<HttpResponse<String>> pages = List.of(
                    other.post("/comments/" + id + "/report", Map.of()),
                    other.post("/comments/" + id + "/like", Map.of()),
                    other.post("/comments/" + id + "/delete", Map.of()),
                    other.post("/comments/" + id + "/reply", Map.of("text", "")),
                    other.get("/comments/" + id + "/reply"),
                    other.get("/comments/" + id + "/report"),
                    other.get("/comments/" + id + "/edit"),
                    other.post("/comments/" + id + "/edit", Map.of("text", "x")));
            for (HttpResponse<String> p : pages) {
                assertThat(p.body()).as(status + " " + p.request().uri()).doesNotContain("only the editors should see");
            }
        }
        // its author still sees their own words while it waits
        t.fixtures.jdbi().useHandle(h -> h.execute("update comments set status = 'pending' where id = ?", id));
        assertThat(author.get("/comments/" + id + "/edit").body()).contains("only the editors should see");
    }
}
