package broadsheet.adminapi;

import broadsheet.testing.ApiExampleContext;
import broadsheet.testing.ApiExamples;
import broadsheet.testing.Multipart;
import broadsheet.web.ApiPaths;
import broadsheet.web.Role;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/** Example calls of the Admin API's operations (and the wire import), for OpenApiConformanceTest. */
public final class AdminApiExamples implements ApiExamples {

    private static final AtomicInteger SLUGS = new AtomicInteger();

    /** An editor's staff token, with a section and an author to write with, made once. */
    static AdminApiClient editor(ApiExampleContext c) {
        return c.once("admin:editor", () -> {
            var f = c.app().fixtures;
            long section = f.section("admin-examples", "Admin examples");
            long author = f.author("admin-example-writer", "Admin Example Writer");
            c.app().contentChanged();
            AdminApiClient client = AdminApiClient.forNewStaff(c.app(), "admin-examples@example.org", Role.EDITOR);
            c.once("admin:section", () -> section);
            c.once("admin:author", () -> author);
            return client;
        });
    }

    /** A new draft through the API; its id. */
    static long draft(ApiExampleContext c) {
        AdminApiClient e = editor(c);
        long section = c.once("admin:section", () -> 0L);
        long author = c.once("admin:author", () -> 0L);
        HttpResponse<String> r =
                e.send("POST", ApiPaths.adminArticles(), """
                {"headline": "An example from the Admin API", "slug": "admin-example-%d", "section": %d,
                 "authors": [%d], "body": "A first paragraph.\\n\\nA second one."}""".formatted(SLUGS.incrementAndGet(), section, author));
        return AdminApiClient.body(r).path("id").asLong();
    }

    private static String etag(HttpResponse<String> r) {
        return r.headers().firstValue("ETag").orElse("\"0\"");
    }

    static byte[] jpeg() {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) for (int x = 0; x < 400; x++) img.setRGB(x, y, (x * 255 / 400) << 16 | y);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void register(Registry r) {
        r.call("adminCreateArticle", c -> {
            editor(c);
            return editor(c).send("POST", ApiPaths.adminArticles(), """
                    {"headline": "Created for the document", "slug": "admin-created-%d", "section": %d,
                     "body": "Text."}""".formatted(
                            SLUGS.incrementAndGet(), (long) c.once("admin:section", () -> 0L)));
        });
        r.call("adminCreateArticle", c -> editor(c).send("POST", ApiPaths.adminArticles(), "{\"headline\": 7}"));
        r.call("adminGetArticle", c -> editor(c).send("GET", ApiPaths.adminArticle(draft(c)), null));
        r.call("adminGetArticle", c -> editor(c).send("GET", ApiPaths.adminArticle(999_999), null));
        r.call("adminUpdateArticle", c -> {
            long id = draft(c);
            String tag = etag(editor(c).send("GET", ApiPaths.adminArticle(id), null));
            return editor(c).send("PATCH", ApiPaths.adminArticle(id), "{\"deck\": \"A deck.\"}", "If-Match", tag);
        });
        r.call("adminUpdateArticle", c -> {
            long id = draft(c);
            return editor(c).send("PATCH", ApiPaths.adminArticle(id), "{\"deck\": \"Stale.\"}", "If-Match", "\"999\"");
        });
        r.call("adminArticleSubmit", c -> editor(c).send("POST", ApiPaths.adminArticle(draft(c), "submit"), null));
        r.call("adminArticlePublish", c -> editor(c).send("POST", ApiPaths.adminArticle(draft(c), "publish"), null));
        r.call("adminArticleUnpublish", c -> {
            long id = draft(c);
            editor(c).send("POST", ApiPaths.adminArticle(id, "publish"), null);
            return editor(c).send("POST", ApiPaths.adminArticle(id, "unpublish"), null);
        });
        r.call(
                "adminArticleSchedule",
                c -> editor(c)
                        .send(
                                "POST",
                                ApiPaths.adminArticle(draft(c), "schedule"),
                                "{\"publishAt\": \""
                                        + Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
                                        + "\"}"));
        r.call(
                "adminArticleSchedule",
                c -> editor(c)
                        .send("POST", ApiPaths.adminArticle(draft(c), "schedule"), "{\"publishAt\": \"tomorrow\"}"));
        r.call("adminCorrectArticle", c -> {
            long id = draft(c);
            editor(c).send("POST", ApiPaths.adminArticle(id, "publish"), null);
            return editor(c)
                    .send(
                            "POST",
                            ApiPaths.adminArticle(id, "corrections"),
                            "{\"kind\": \"correction\", \"text\": \"An earlier version misspelt a name.\"}");
        });
        r.call(
                "adminUploadPhoto",
                c -> editor(c)
                        .upload(
                                ApiPaths.adminPhotos(),
                                new Multipart()
                                        .field("caption", "A gradient, for the document.")
                                        .field("credit", "Desk")
                                        .field("altText", "A red to blue gradient.")
                                        .file("file", "gradient.jpg", "image/jpeg", jpeg())));
        r.call(
                "adminUploadPhoto",
                c -> editor(c)
                        .upload(
                                ApiPaths.adminPhotos(),
                                new Multipart().file("file", "notes.jpg", "image/jpeg", "not a photo".getBytes())));
        r.call(
                "adminCreateTopic",
                c -> editor(c)
                        .send(
                                "POST",
                                ApiPaths.adminTopics(),
                                "{\"name\": \"Example topic " + SLUGS.incrementAndGet()
                                        + "\", \"kind\": \"subject\"}"));
        r.call("adminGetTopic", c -> editor(c).send("GET", ApiPaths.adminTopic(topic(c)), null));
        r.call("adminUpdateTopic", c -> {
            long id = topic(c);
            String tag = etag(editor(c).send("GET", ApiPaths.adminTopic(id), null));
            return editor(c).send("PATCH", ApiPaths.adminTopic(id), "{\"aliases\": [\"Example\"]}", "If-Match", tag);
        });
        r.call(
                "adminCreateAuthor",
                c -> editor(c)
                        .send(
                                "POST",
                                ApiPaths.adminAuthors(),
                                "{\"name\": \"Example Author " + SLUGS.incrementAndGet() + "\"}"));
        r.call("adminGetAuthor", c -> editor(c).send("GET", ApiPaths.adminAuthor(author(c)), null));
        r.call("adminUpdateAuthor", c -> {
            long id = author(c);
            String tag = etag(editor(c).send("GET", ApiPaths.adminAuthor(id), null));
            return editor(c).send("PATCH", ApiPaths.adminAuthor(id), "{\"title\": \"Reporter\"}", "If-Match", tag);
        });
        r.call("importWire", c -> editor(c).send("POST", ApiPaths.adminWire(), """
                    {"uri": "urn:example:wire:%d", "version": "1", "type": "text", "headline": "A wire story",
                     "body_text": "A first paragraph from the agency."}""".formatted(SLUGS.incrementAndGet())));
        r.call("importWire", c -> editor(c).send("POST", ApiPaths.adminWire(), "[]"));
        r.call("importWire", c -> c.app().client().json("POST", ApiPaths.adminWire(), "{}"));
    }

    private static long topic(ApiExampleContext c) {
        return c.once(
                "admin:topic",
                () -> AdminApiClient.body(editor(c)
                                .send(
                                        "POST",
                                        ApiPaths.adminTopics(),
                                        "{\"name\": \"Example port\", \"kind\": \"place\"}"))
                        .path("id")
                        .asLong());
    }

    private static long author(ApiExampleContext c) {
        return c.once(
                "admin:author-made",
                () -> AdminApiClient.body(
                                editor(c).send("POST", ApiPaths.adminAuthors(), "{\"name\": \"Example Reporter\"}"))
                        .path("id")
                        .asLong());
    }
}
