package broadsheet.newsroom.photos;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.mail.MailConfig;
import broadsheet.testing.TestApp;
import broadsheet.web.Role;
import java.awt.Color;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An unused photo can be deleted, file and all; one that readers or articles use cannot. */
class PhotoDeleteTest {

    static TestApp t;

    @BeforeAll
    static void setUp() {
        t = new TestApp(MailConfig.fromEnv(Map.of()));
    }

    @AfterAll
    static void tearDown() {
        t.close();
    }

    String fileKey(long id) {
        return t.db.jdbi()
                .withHandle(h -> h.createQuery("select file_key from photos where id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    }

    int rows(long id) {
        return t.db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from photos where id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void anUnusedPhotoIsDeletedWithItsFileAndAUsedOneIsKept() {
        var editor = t.signedIn("deleter@example.org", Role.EDITOR);
        long unused = t.fixtures.photo(400, 300, Color.RED, "Red.", "Desk", "A red field");
        String key = fileKey(unused);
        assertThat(t.fixtures.originalKeys()).contains(key);
        editor.get("/newsroom/photos/" + unused);
        var r = editor.post("/newsroom/photos/" + unused + "/delete", Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(rows(unused)).isZero();
        assertThat(t.fixtures.originalKeys()).as("the stored original went too").doesNotContain(key);
        int audited = t.db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from audit_log where action = 'deleted photo'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(audited).isEqualTo(1);

        long s = t.fixtures.section("world", "World");
        long used = t.fixtures.photo(400, 300, Color.BLUE, "Blue.", "Desk", "A blue field");
        long a = t.fixtures.article(
                "blue-story", "Blue story", s, "news", Instant.parse("2026-11-20T10:00:00Z"), "Text.");
        t.fixtures.leadPhoto(a, used);
        var refused = editor.post("/newsroom/photos/" + used + "/delete", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("so it was not deleted");
        assertThat(rows(used)).isEqualTo(1);
    }

    @Test
    void aContributorMayNotDeleteSomeoneElsesPhoto() {
        long photo = t.fixtures.photo(400, 300, Color.GREEN, "Green.", "Desk", "A green field");
        var writer = t.signedIn("writer-del@example.org", Role.CONTRIBUTOR);
        writer.get("/newsroom/photos");
        assertThat(writer.post("/newsroom/photos/" + photo + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(rows(photo)).isEqualTo(1);
    }
}
