package broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.content.Importer.ImportResult;
import broadsheet.db.Database;
import broadsheet.media.MediaFiles;
import broadsheet.testing.TestDb;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.imageio.ImageIO;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

class ImportExportTest {

    @TempDir
    Path tmp;

    @Test
    void importsASmallFile() throws Exception {
        Path file = contentDir("in", fixture("small.json"));
        try (Database db = TestDb.fresh()) {
            Jdbi jdbi = db.jdbi();
            ImportResult r;
            // running servers listen for this to drop cached pages
            try (Connection listener = db.dataSource().getConnection();
                    Statement s = listener.createStatement()) {
                s.execute("listen content_changed");
                r = new Importer(jdbi, media("media", jdbi)).importFile(file);
                assertThat(listener.unwrap(PGConnection.class).getNotifications(5_000))
                        .hasSize(1);
            }

            assertThat(r).isEqualTo(new ImportResult(2, 2, 2, 3, 1, 3, 0));
            assertThat(strings(jdbi, "select slug from articles order by slug"))
                    .containsExactly("harbour-bill-passes", "port-fees-draft", "what-the-bill-means");
            assertThat(strings(jdbi, """
                    select au.slug from article_authors aa join authors au on au.id = aa.author_id
                      join articles a on a.id = aa.article_id where a.slug = 'harbour-bill-passes' order by aa.position""")).containsExactly("ben-marlow", "ada-quill");
            assertThat(strings(jdbi, """
                    select p.caption from article_photos ap join photos p on p.id = ap.photo_id
                      join articles a on a.id = ap.article_id where a.slug = 'harbour-bill-passes' order by ap.position""")).containsExactly("The council chamber", "The harbour at dawn");
            assertThat(strings(jdbi, "select kind || ': ' || body from corrections order by created_at"))
                    .containsExactly(
                            "correction: An earlier version misstated the vote.", "update: Adds the mayor's response.");
            assertThat(strings(jdbi, """
                    select a.slug from front_items f join articles a on a.id = f.article_id
                     where f.front = 'section:politics' order by f.position""")).containsExactly("what-the-bill-means", "harbour-bill-passes");
            assertThat(strings(
                            jdbi,
                            "select concat_ws(' ', external_id, status, published_at, kind) from articles"
                                    + " where slug = 'port-fees-draft'"))
                    .containsExactly("draft news");
            assertThat(strings(jdbi, "select p.caption from authors au join photos p on p.id = au.portrait_photo_id"))
                    .containsExactly("Ada Quill");
            assertThat(strings(jdbi, "select aliases::text from topics where slug = 'harbour-bill'"))
                    .containsExactly("{\"the bill\",\"harbour act\"}");
            assertThat(strings(jdbi, "select key || '=' || value from settings order by key"))
                    .containsExactly(
                            "site_name=The Meridian Ledger",
                            "site_tagline=News from the harbour city",
                            "site_time_zone=Europe/London");
            assertThat(strings(jdbi, "select position || ' ' || slug from sections order by position"))
                    .containsExactly("1 politics", "2 business");
            String key = strings(jdbi, "select file_key from photos where external_id = 'p-harbour-1'")
                    .get(0);
            assertThat(new MediaFiles(tmp.resolve("media"), jdbi).original(key)).isPresent();
        }
    }

    @Test
    void reimportingAnEditedFileUpdatesInPlaceAndBumpsTheVersion() throws Exception {
        String json = fixture("small.json");
        try (Database db = TestDb.fresh()) {
            Jdbi jdbi = db.jdbi();
            Importer importer = new Importer(jdbi, media("media", jdbi));
            importer.importFile(contentDir("first", json));
            String edited = replace(json, "Harbour bill passes after all-night sitting", "Harbour bill passes at dawn");
            ImportResult r = importer.importFile(contentDir("second", edited));

            assertThat(r.articlesCreated()).isZero();
            assertThat(r.articlesUpdated()).isEqualTo(3);
            assertThat(strings(jdbi, "select headline || ' v' || version from articles where external_id = 'a-0001'"))
                    .containsExactly("Harbour bill passes at dawn v2");
            assertThat(count(jdbi, "articles")).isEqualTo(3);
            assertThat(count(jdbi, "photos")).isEqualTo(3);
            assertThat(count(jdbi, "article_authors")).isEqualTo(4);
            assertThat(count(jdbi, "corrections")).isEqualTo(2);
            assertThat(count(jdbi, "front_items")).isEqualTo(4);
        }
    }

    @Test
    void anUnknownSectionImportsNothingAndNamesTheField() throws Exception {
        String json = replace(fixture("small.json"), "\"section\": \"business\"", "\"section\": \"sport\"");
        try (Database db = TestDb.fresh()) {
            Jdbi jdbi = db.jdbi();
            assertThatThrownBy(() -> new Importer(jdbi, media("media", jdbi)).importFile(contentDir("in", json)))
                    .isInstanceOf(ImportException.class)
                    .hasMessage("content.json: articles[2].section: unknown section \"sport\"");
            for (String table :
                    List.of("sections", "authors", "topics", "photos", "newsletters", "articles", "settings")) {
                assertThat(count(jdbi, table)).as(table).isZero();
            }
        }
    }

    @Test
    void aDisguisedPhotoIsRefused() throws Exception {
        Path file = contentDir("in", fixture("small.json"));
        Files.writeString(file.resolveSibling("photos/harbour-2.png"), "this is not a picture");
        try (Database db = TestDb.fresh()) {
            assertThatThrownBy(() -> new Importer(db.jdbi(), media("media", db.jdbi())).importFile(file))
                    .hasMessage("content.json: photos[2].file: photos/harbour-2.png is not a JPEG, PNG or WebP image");
            assertThat(count(db.jdbi(), "photos")).isZero();
        }
    }

    @Test
    void everyProblemInAFileIsReportedAtOnce() throws Exception {
        String json = fixture("small.json");
        json = replace(json, "\"publishedAt\": \"2026-11-29T10:00:00Z\",", "");
        json = replace(json, "\"slug\": \"port-fees-draft\"", "\"slug\": \"Port Fees\"");
        json = replace(json, "[[related:what-the-bill-means]]", "[[related:no-such-story]]");
        json = replace(json, "\"authors\": [\"ada-quill\"]", "\"authors\": [\"ada-quil\"]");
        json = replace(json, "\"kind\": \"explainer\"", "\"kind\": \"feature\"");
        json = replace(json, "Europe/London", "Europe/Atlantis");
        try (Database db = TestDb.fresh()) {
            Path file = contentDir("in", json);
            assertThatThrownBy(() -> new Importer(db.jdbi(), media("media", db.jdbi())).importFile(file))
                    .isInstanceOfSatisfying(
                            ImportException.class,
                            e -> assertThat(e.problems())
                                    .containsExactly(
                                            "content.json: site.timeZone: unknown time zone \"Europe/Atlantis\" (use an id such as Europe/London)",
                                            "content.json: articles[0].body: [[related:no-such-story]]: unknown article \"no-such-story\"",
                                            "content.json: articles[1].kind: unknown kind \"feature\" (one of news, opinion, analysis, explainer)",
                                            "content.json: articles[1].publishedAt: required when status is published",
                                            "content.json: articles[1].authors[0]: unknown author \"ada-quil\"",
                                            "content.json: articles[2].slug: \"Port Fees\" is not a valid slug (lower-case letters and digits"
                                                    + " in words joined by single hyphens, e.g. harbour-bill)"));
        }
    }

    @Test
    void referencesMayNameWhatIsAlreadyInTheDatabase() throws Exception {
        try (Database db = TestDb.fresh()) {
            Importer importer = new Importer(db.jdbi(), media("media", db.jdbi()));
            importer.importFile(contentDir("first", fixture("small.json")));
            String later = """
                    {"format": "broadsheet-content/1", "articles": [{"slug": "council-responds", "headline": "Council responds",
                      "section": "politics", "authors": ["ada-quill"], "leadPhoto": "p-harbour-1",
                      "body": "[[related:harbour-bill-passes]]"}]}""";
            ImportResult r = importer.importFile(contentDir("second", later));
            assertThat(r.articlesCreated()).isEqualTo(1);
            assertThat(strings(db.jdbi(), "select status from articles where slug = 'council-responds'"))
                    .containsExactly("draft");
        }
    }

    @Test
    void exportThenImportIntoAnEmptyDatabaseGivesTheSamePaper() throws Exception {
        Path out = tmp.resolve("export");
        try (Database first = TestDb.fresh();
                Database second = TestDb.fresh()) {
            MediaFiles firstMedia = media("media-1", first.jdbi());
            new Importer(first.jdbi(), firstMedia).importFile(contentDir("in", fixture("small.json")));
            // a photo uploaded in the newsroom has no external id; the export must still carry it
            MediaFiles.Stored upload = firstMedia.store(png(new Color(40, 90, 10)));
            first.jdbi()
                    .useHandle(
                            h -> h.execute("""
                    insert into photos (file_key, mime_type, width, height, caption) values (?, ?, ?, ?, 'Uploaded')""", upload.fileKey(), upload.mimeType(), upload.width(), upload.height()));
            first.jdbi().useHandle(h -> h.execute("""
                    insert into article_photos (article_id, photo_id, position)
                    select a.id, p.id, 9 from articles a, photos p where a.slug = 'what-the-bill-means' and p.caption = 'Uploaded'"""));

            Exporter.ExportResult exported = new Exporter(first.jdbi(), firstMedia).export(out);
            assertThat(exported.articles()).isEqualTo(3);
            assertThat(exported.photos()).isEqualTo(4);
            ImportResult r = new Importer(second.jdbi(), media("media-2", second.jdbi())).importFile(exported.file());

            assertThat(r.articlesCreated()).isEqualTo(3);
            for (String query : List.of(ARTICLES, PHOTOS, AUTHORS, TOPICS, FRONTS, OTHERS)) {
                assertThat(strings(second.jdbi(), query))
                        .as(query)
                        .isEqualTo(strings(first.jdbi(), query))
                        .isNotEmpty();
            }
        }
    }

    @Test
    void brokenJsonNamesTheLineAndColumn() throws Exception {
        try (Database db = TestDb.fresh()) {
            Path file = contentDir("in", fixture("broken.json"));
            assertThatThrownBy(() -> new Importer(db.jdbi(), media("media", db.jdbi())).importFile(file))
                    .hasMessageStartingWith("content.json: invalid JSON (line 4, column 26): Unexpected character");
        }
    }

    /** Content files are read strictly: nothing in them is silently dropped or overridden. */
    @Test
    void aFieldGivenTwiceAnUnknownFieldOrTextAfterTheObjectImportsNothing() throws Exception {
        String json = fixture("small.json");
        String twice = replace(json, "\"format\":", "\"format\": \"broadsheet-content/1\",\n  \"format\":");
        String unknown = replace(json, "\"format\":", "\"colour\": \"blue\",\n  \"format\":");
        String trailing = json + "\n{}\n";
        try (Database db = TestDb.fresh()) {
            Importer importer = new Importer(db.jdbi(), media("media", db.jdbi()));
            assertThatThrownBy(() -> importer.importFile(contentDir("twice", twice)))
                    .hasMessageStartingWith("content.json: invalid JSON (line 3, column")
                    .hasMessageContaining("Duplicate field 'format'");
            assertThatThrownBy(() -> importer.importFile(contentDir("unknown", unknown)))
                    .hasMessageStartingWith("content.json: colour: unknown field \"colour\"");
            assertThatThrownBy(() -> importer.importFile(contentDir("trailing", trailing)))
                    .hasMessageStartingWith("content.json: the file must hold one JSON object");
            assertThat(strings(db.jdbi(), "select slug from articles")).isEmpty();
        }
    }

    // Each row of these describes a thing by what a reader sees, never by database id.
    private static final String ARTICLES = """
            select concat_ws(' | ', a.external_id, a.slug, a.headline, a.deck, a.body, s.slug, a.kind, a.status,
                   a.published_at, a.updated_at, lp.file_key,
                   (select string_agg(au.slug, ',' order by aa.position) from article_authors aa
                      join authors au on au.id = aa.author_id where aa.article_id = a.id),
                   (select string_agg(t.slug, ',' order by at.position) from article_topics at
                      join topics t on t.id = at.topic_id where at.article_id = a.id),
                   (select string_agg(p.file_key || ':' || p.caption, ',' order by ap.position) from article_photos ap
                      join photos p on p.id = ap.photo_id where ap.article_id = a.id),
                   (select string_agg(c.kind || ':' || c.body || ':' || c.created_at, ',' order by c.created_at)
                      from corrections c where c.article_id = a.id))
              from articles a join sections s on s.id = a.section_id left join photos lp on lp.id = a.lead_photo_id
             order by a.slug""";
    private static final String PHOTOS = """
            select concat_ws(' | ', file_key, mime_type, width, height, caption, credit, alt_text) from photos
             order by file_key, caption""";
    private static final String AUTHORS = """
            select concat_ws(' | ', au.slug, au.name, au.title, au.bio, p.file_key) from authors au
              left join photos p on p.id = au.portrait_photo_id order by au.slug""";
    private static final String TOPICS =
            "select concat_ws(' | ', slug, name, kind, aliases::text) from topics order by slug";
    private static final String FRONTS = """
            select f.front || ' ' || f.position || ' ' || a.slug from front_items f join articles a on a.id = f.article_id
             order by f.front, f.position""";
    private static final String OTHERS = """
            select concat_ws(' | ', slug, name, description, position) from sections
            union all select concat_ws(' | ', slug, name, description, audience, schedule) from newsletters
            union all select key || '=' || value from settings order by 1""";

    // --- helpers

    /** A folder holding content.json and the PNGs the fixture names. */
    private Path contentDir(String name, String json) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name).resolve("photos"));
        Files.write(dir.resolve("ada.png"), png(new Color(200, 160, 120)));
        Files.write(dir.resolve("harbour-1.png"), png(new Color(20, 60, 140)));
        Files.write(dir.resolve("harbour-2.png"), png(new Color(140, 30, 30)));
        Path file = dir.getParent().resolve("content.json");
        Files.writeString(file, json);
        return file;
    }

    private MediaFiles media(String name, Jdbi jdbi) {
        return new MediaFiles(tmp.resolve(name), jdbi);
    }

    private static byte[] png(Color color) throws IOException {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ImportExportTest.class.getResourceAsStream("/content/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String replace(String text, String from, String to) {
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    private static List<String> strings(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private static int count(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from " + table)
                .mapTo(Integer.class)
                .one());
    }
}
