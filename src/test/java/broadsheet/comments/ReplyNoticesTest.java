package broadsheet.comments;

import static broadsheet.comments.CommentsFixture.posted;
import static broadsheet.comments.CommentsFixture.replied;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Readers learn of replies in their account area, and by email (through GreenMail) when they ask for it. */
class ReplyNoticesTest {

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static TestApp t;
    static CommentsFixture f;

    @BeforeAll
    static void setUp() {
        t = new TestApp(
                new MailConfig("localhost", smtp.getSmtp().getPort(), "", "", false, "Ledger <news@example.org>"));
        f = new CommentsFixture(t);
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    @Test
    void aReplyShowsInTheAccountAreaAndIsMailedOnlyToThoseWhoOptIn() throws Exception {
        long a = f.article("Reply notices");
        String annEmail = "ann-notices@example.org", benEmail = "ben-notices@example.org";
        WebClient ann = t.signedIn(annEmail, broadsheet.web.Role.READER),
                ben = t.signedIn(benEmail, broadsheet.web.Role.READER);
        long annsComment = posted(ann, a, "What do you all think?");
        long reply1 = replied(ben, annsComment, "I think it is fine.");
        String page = ann.get("/account/comments").body();
        assertThat(HtmlValidator.problems(page)).isEmpty();
        assertThat(Jsoup.parse(page).selectFirst("#replies-h").text()).isEqualTo("Replies to you (1 new)");
        assertThat(Jsoup.parse(page).selectFirst(".notices").text())
                .contains("ben-notices replied on")
                .contains("I think it is fine.");
        assertThat(Jsoup.parse(page).selectFirst(".notices a").attr("href"))
                .isEqualTo("/articles/" + a + "/comments#c" + reply1);
        assertThat(mailTo(annEmail)).isEmpty(); // not asked for yet
        // replying to oneself tells nobody
        replied(ann, reply1, "Thanks Ben.");
        assertThat(ben.get("/account/comments").body()).contains("Replies to you (1 new)");

        var saved = ann.post("/account/comments/email", Map.of("emailReplies", "on"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(ann.follow(saved).body()).contains("Your email choice has been saved.");
        replied(ben, annsComment, "A second thought.");
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        List<MimeMessage> got = mailTo(annEmail);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).getSubject()).contains("New reply to your comment");
        assertThat(GreenMailUtil.getBody(got.get(0)).replace("=\r\n", ""))
                .contains("A second thought.")
                .contains("Reply notices");

        ann.post("/account/comments/read", Map.of());
        assertThat(ann.get("/account/comments").body())
                .contains("Replies to you</h2>")
                .doesNotContain("New:");
        assertThat(ann.get("/account").body()).contains("href=\"/account/comments\"");
    }
}
