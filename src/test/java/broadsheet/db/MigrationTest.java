package broadsheet.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.testing.TestDb;
import org.junit.jupiter.api.Test;

class MigrationTest {

    @Test
    void migrationsCreateTheContentModelAndItsRulesHold() {
        try (Database db = TestDb.fresh()) {
            var jdbi = db.jdbi();
            jdbi.useHandle(h -> h.execute("insert into sections (slug, name) values ('politics', 'Politics')"));
            int n = jdbi.withHandle(h -> h.createQuery("select count(*) from sections")
                    .mapTo(Integer.class)
                    .one());
            assertThat(n).isEqualTo(1);
            // a published article must have a publication time
            assertThatThrownBy(
                            () -> jdbi.useHandle(
                                    h -> h.execute(
                                            "insert into articles (slug, headline, section_id, status) select 'x', 'X', id, 'published' from sections")))
                    .hasMessageContaining("check");
            // slugs are lower-case words joined by hyphens
            assertThatThrownBy(() -> jdbi.useHandle(
                            h -> h.execute("insert into sections (slug, name) values ('Bad Slug', 'B')")))
                    .hasMessageContaining("slug");
        }
    }
}
