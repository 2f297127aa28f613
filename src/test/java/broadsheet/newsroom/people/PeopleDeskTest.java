package broadsheet.newsroom.people;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.AppExtension;
import broadsheet.testing.HtmlValidator;
import broadsheet.testing.TestApp;
import broadsheet.testing.WebClient;
import broadsheet.web.Role;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PeopleDeskTest {

    @RegisterExtension
    static final AppExtension app = AppExtension.plainHttp();

    static TestApp t;
    static WebClient admin;
    static long adminId;

    @BeforeAll
    static void signIn() {
        t = app.get();
        admin = t.signedIn("chief@example.org", Role.ADMIN);
        adminId = id("chief@example.org");
    }

    /** Every test starts with the chief as the only admin (an earlier test may have changed who is). */
    @BeforeEach
    void chiefIsTheOnlyAdmin() {
        t.fixtures
                .jdbi()
                .useHandle(h -> h.execute(
                        "update users set role = case when id = ? then 'admin' else 'editor' end where role = 'admin' or id = ?",
                        adminId,
                        adminId));
    }

    static long id(String email) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select id from users where email = :e")
                        .bind("e", email)
                        .mapTo(Long.class)
                        .one());
    }

    String role(long id) {
        return t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery("select role from users where id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    }

    Document valid(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(HtmlValidator.problems(r.body())).isEmpty();
        return Jsoup.parse(r.body());
    }

    @Test
    void anAdminChangesRolesAndTheLastAdminKeepsTheirs() {
        long reader = t.fixtures.user("rosa@example.org", Role.READER, "a long password for rosa");
        Document list = valid(admin.get("/newsroom/people"), 200);
        assertThat(list.select("tbody th[scope=row]").eachText()).contains("chief@example.org", "rosa@example.org");
        assertThat(list.select("#role-" + reader + " option[selected]").val()).isEqualTo("reader");
        assertThat(list.select("label[for=role-" + reader + "]").text()).isEqualTo("Role of rosa@example.org");

        // filtered to readers, and the form comes back to the same filtered list at the person's row
        Document readers = valid(admin.get("/newsroom/people?role=reader&q=ROSA"), 200);
        assertThat(readers.select("tbody th[scope=row]").eachText()).containsExactly("rosa@example.org");
        String back = readers.select("#person-" + reader + " input[name=back]").val();
        var r = admin.post("/newsroom/people/" + reader + "/role", Map.of("role", "editor", "back", back));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location"))
                .hasValue("/newsroom/people?q=ROSA&role=reader&done=role#person-" + reader);
        assertThat(role(reader)).isEqualTo("editor");
        assertThat(valid(admin.get("/newsroom/people?done=role"), 200)
                        .select(".notice")
                        .text())
                .contains("role has been changed");
        String detail = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select detail from audit_log where action = 'changed role' and subject_type = 'user' and subject_id = :id")
                        .bind("id", reader)
                        .mapTo(String.class)
                        .one());
        assertThat(detail).isEqualTo("rosa@example.org: reader → editor");

        // nonsense is refused clearly
        Document bad = valid(admin.post("/newsroom/people/" + reader + "/role", Map.of("role", "emperor")), 422);
        assertThat(bad.select(".error-summary").text()).contains("Choose a role");
        assertThat(admin.post("/newsroom/people/999999/role", Map.of("role", "editor"))
                        .statusCode())
                .isEqualTo(404);

        // the only admin cannot stop being one
        Document last = valid(admin.post("/newsroom/people/" + adminId + "/role", Map.of("role", "editor")), 422);
        assertThat(last.select(".error-summary").text()).contains("You are the last admin");
        assertThat(role(adminId)).isEqualTo("admin");

        // with a second admin, they can; then this page is no longer theirs
        assertThat(admin.post("/newsroom/people/" + reader + "/role", Map.of("role", "admin"))
                        .statusCode())
                .isEqualTo(303);
        var stepDown = admin.post("/newsroom/people/" + adminId + "/role", Map.of("role", "editor"));
        assertThat(stepDown.statusCode()).isEqualTo(303);
        assertThat(stepDown.headers().firstValue("Location")).hasValue("/newsroom");
        assertThat(role(adminId)).isEqualTo("editor");
        assertThat(admin.get("/newsroom/people").statusCode()).isEqualTo(403);

        // and the remaining admin is now the last one
        WebClient rosa = t.client();
        rosa.get("/sign-in");
        rosa.post("/sign-in", Map.of("email", "rosa@example.org", "password", "a long password for rosa", "next", "/"));
        Document rosaLast = valid(rosa.post("/newsroom/people/" + reader + "/role", Map.of("role", "reader")), 422);
        assertThat(rosaLast.select(".error-summary").text()).contains("You are the last admin");
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        WebClient second = t.signedIn("deputy@example.org", Role.ADMIN);
        long deputy = id("deputy@example.org");
        for (int round = 0; round < 5; round++) {
            List<Thread> threads = new ArrayList<>();
            List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
            threads.add(Thread.ofVirtual()
                    .unstarted(() ->
                            statuses.add(admin.post("/newsroom/people/" + deputy + "/role", Map.of("role", "editor"))
                                    .statusCode())));
            threads.add(Thread.ofVirtual()
                    .unstarted(() ->
                            statuses.add(second.post("/newsroom/people/" + adminId + "/role", Map.of("role", "editor"))
                                    .statusCode())));
            threads.forEach(Thread::start);
            for (Thread th : threads) th.join();
            int admins = t.fixtures
                    .jdbi()
                    .withHandle(h -> h.createQuery("select count(*) from users where role = 'admin'")
                            .mapTo(Integer.class)
                            .one());
            assertThat(admins).as("round " + round + " " + statuses).isEqualTo(1);
            // put both back for the next round
            t.fixtures
                    .jdbi()
                    .useHandle(h -> h.execute("update users set role = 'admin' where id in (?, ?)", adminId, deputy));
        }
    }

    @Test
    void signOutEverywhereEndsEverySessionOfThatPerson() {
        WebClient laptop = t.signedIn("sam@example.org", Role.CONTRIBUTOR);
        WebClient phone = t.client();
        phone.get("/sign-in");
        phone.post(
                "/sign-in",
                Map.of("email", "sam@example.org", "password", "password for sam@example.org", "next", "/"));
        long sam = id("sam@example.org");
        assertThat(laptop.get("/newsroom").statusCode()).isEqualTo(200);
        assertThat(phone.get("/newsroom").statusCode()).isEqualTo(200);
        Document list = valid(admin.get("/newsroom/people?q=sam"), 200);
        assertThat(list.select("#person-" + sam).text()).contains("2 devices");

        var r = admin.post("/newsroom/people/" + sam + "/sign-out", Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/newsroom/people?done=signed-out#person-" + sam);
        assertThat(laptop.get("/newsroom").statusCode()).isEqualTo(303);
        assertThat(phone.get("/newsroom").statusCode()).isEqualTo(303);
        assertThat(admin.get("/newsroom").statusCode()).isEqualTo(200);
        String detail = t.fixtures
                .jdbi()
                .withHandle(h -> h.createQuery(
                                "select detail from audit_log where action = 'signed out everywhere' and subject_id = :id")
                        .bind("id", sam)
                        .mapTo(String.class)
                        .one());
        assertThat(detail).isEqualTo("sam@example.org: 2 sessions ended");
        assertThat(valid(admin.get("/newsroom/people?q=sam"), 200)
                        .select("#person-" + sam)
                        .text())
                .contains("0 devices");
    }

    @Test
    void theListPagesNewestFirst() {
        for (int i = 0; i < 60; i++)
            t.fixtures
                    .jdbi()
                    .useHandle(h -> h.execute(
                            "insert into users (email, password_hash, created_at) select 'pager' || (count(*) + 1) || '@example.org', 'x', "
                                    + "now() - (count(*) * interval '1 minute') from users"));
        Document first = valid(admin.get("/newsroom/people?role=reader&q=pager"), 200);
        List<String> seen = new ArrayList<>(first.select("tbody th[scope=row]").eachText());
        assertThat(seen).hasSize(PeopleDesk.PAGE_SIZE);
        String older = first.select("a[rel=next]").attr("href");
        assertThat(older).contains("q=pager", "role=reader", "before=");
        Document second = valid(admin.get(older), 200);
        seen.addAll(second.select("tbody th[scope=row]").eachText());
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(second.select("nav.pager a").first().attr("href")).isEqualTo("/newsroom/people?q=pager&role=reader");
        assertThat(seen).hasSize(60).doesNotHaveDuplicates();
        assertThat(admin.get("/newsroom/people?before=yesterday").statusCode()).isEqualTo(400);
    }
}
