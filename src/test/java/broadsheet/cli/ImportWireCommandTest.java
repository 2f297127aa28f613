package broadsheet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.db.Database;
import broadsheet.testing.ExifSample;
import broadsheet.testing.IptcSample;
import broadsheet.testing.TestDb;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import-wire}: ninjs files from the command line, with a line per item and a summary. */
class ImportWireCommandTest {

    static String resource(String name) throws Exception {
        try (InputStream in = ImportWireCommandTest.class.getResourceAsStream("/wire/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void importsFilesWithPicturesBesideThemOrFromAnAllowedHostAndReportsEachItem(@TempDir Path dir) throws Exception {
        byte[] storm = new IptcSample()
                .iim(IptcSample.BY_LINE, "Ana Ruiz")
                .iim(IptcSample.CREDIT, "Northwind Press")
                .xmpAltText("Grey waves break over a harbour wall.")
                .jpeg(ExifSample.picture(500, 300, new Color(60, 70, 90)));
        HttpServer pictures = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pictures.createContext("/storm.jpg", ex -> {
            ex.sendResponseHeaders(200, storm.length);
            ex.getResponseBody().write(storm);
            ex.close();
        });
        pictures.start();
        try (Database db = TestDb.fresh()) {
            String url = db.jdbcUrl().replace("jdbc:postgresql://", "postgres://postgres@");
            db.jdbi().useHandle(h -> {
                h.execute("insert into sections (slug, name, position) values ('news', 'News', 0)");
                h.execute(
                        "insert into users (email, password_hash, display_name, role) values ('desk@example.org', 'x', 'Desk', 'editor')");
                h.execute(
                        "insert into users (email, password_hash, display_name, role) values ('writer@example.org', 'x', 'W', 'contributor')");
            });
            Files.write(
                    dir.resolve("ferry-strike.jpg"),
                    new IptcSample()
                            .xmpAltText("Dockers with a banner.")
                            .jpeg(ExifSample.picture(700, 420, Color.RED)));
            Files.writeString(dir.resolve("v1.json"), resource("ferry-strike-v1.json"));
            String host = "127.0.0.1:" + pictures.getAddress().getPort();
            Files.writeString(dir.resolve("feed.json"), resource("feed.json").replace("PICTURE_HOST", host));
            String[] common = {"--database-url", url, "--data-dir", dir.toString(), "--as", "desk@example.org"};

            // the local picture server is refused unless the operator names it
            Run refused = run(
                    concat(new String[] {"import-wire", dir.resolve("feed.json").toString()}, common));
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.out())
                    .contains("feed.json #2 refused: Storm warning for the coast")
                    .contains(
                            "associations[0].renditions: The picture's URL is refused: 127.0.0.1 is 127.0.0.1, a loopback address");

            Run r = run(concat(
                    new String[] {
                        "import-wire",
                        dir.resolve("v1.json").toString(),
                        dir.resolve("feed.json").toString(),
                        "--allow-host",
                        "127.0.0.1"
                    },
                    common));
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out())
                    .contains("v1.json #0 created draft")
                    .contains("feed.json #0 unchanged") // imported by the first run
                    .contains("feed.json #1 skipped: Embargoed: harbour report")
                    .contains("feed.json #2 created draft")
                    .contains(
                            "Imported 4 wire items from 2 files: 2 created, 0 updated, 1 unchanged, 0 kept (changed in the newsroom), 1 skipped, 0 refused.");
            Map<String, Object> photo =
                    db.jdbi().withHandle(h -> h.createQuery("""
                            select p.caption, p.credit, p.alt_text from photos p
                              join articles a on a.lead_photo_id = p.id where a.headline = 'Storm warning for the coast'""").mapToMap().one());
            assertThat(photo)
                    .containsEntry("caption", "Waves at the harbour wall.")
                    .containsEntry("credit", "Ana Ruiz/Northwind Press") // from its IPTC: the item names nobody
                    .containsEntry("alt_text", "Grey waves break over a harbour wall.");
            List<String> drafts = db.jdbi()
                    .withHandle(h -> h.createQuery("select headline from articles where status = 'draft' order by id")
                            .mapTo(String.class)
                            .list());
            assertThat(drafts)
                    .containsExactly(
                            "Lantern Bay council agrees budget",
                            "Ferry workers walk out at Ostrava Quay",
                            "Storm warning for the coast");

            Run writer = run(concat(
                    new String[] {"import-wire", dir.resolve("v1.json").toString()},
                    new String[] {"--database-url", url, "--data-dir", dir.toString(), "--as", "writer@example.org"}));
            assertThat(writer.code()).isEqualTo(2);
            assertThat(writer.err()).contains("wire imports need an editor or admin account");
        } finally {
            pictures.stop(0);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = new String[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
