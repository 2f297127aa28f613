package broadsheet.reads;

import broadsheet.testing.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;

/** Sends read beacons as a reader's browser does, and looks at what was counted. */
public final class ReadsFixture {

    static final String BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private final TestApp t;
    private final HttpClient http = HttpClient.newHttpClient();

    public ReadsFixture(TestApp t) {
        this.t = t;
    }

    /** A beacon with this body and User-Agent (form-encoded, as navigator.sendBeacon sends URLSearchParams). */
    HttpResponse<String> post(String body, String contentType, String userAgent) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.url(broadsheet.web.Paths.reads())))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (userAgent != null) b.header("User-Agent", userAgent);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> read(long articleId) {
        return post("id=" + articleId, "application/x-www-form-urlencoded;charset=UTF-8", BROWSER);
    }

    public void reads(long articleId, int times) {
        for (int i = 0; i < times; i++) {
            int status = read(articleId).statusCode();
            if (status != 204) throw new IllegalStateException("beacon answered " + status);
        }
    }

    /** Reads of the article stored in the table, all hours. */
    public long stored(long articleId) {
        return t.db.jdbi()
                .withHandle(
                        h -> h.createQuery("select coalesce(sum(reads), 0) from article_reads where article_id = :id")
                                .bind("id", articleId)
                                .mapTo(Long.class)
                                .one());
    }

    /** How many rows the table has for this article (every article when 0). */
    int rows(long articleId) {
        return t.db.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from article_reads where :id = 0 or article_id = :id")
                        .bind("id", articleId)
                        .mapTo(Integer.class)
                        .one());
    }

    /** Reads stored for an earlier hour, as if counted then. */
    void storedAt(long articleId, Instant hour, int reads) {
        t.db.jdbi()
                .useHandle(h -> h.execute(
                        "insert into article_reads (article_id, hour, reads) values (?, date_trunc('hour', ?::timestamptz, 'UTC'), ?)",
                        articleId,
                        java.sql.Timestamp.from(hour),
                        reads));
    }

    /** Forgets every count, written or not, and drops the pages that showed them. */
    void reset() {
        t.app.flushReads();
        t.db.jdbi().useHandle(h -> h.execute("delete from article_reads"));
        t.app.flushReads();
    }

    static String path(String slug, Instant publishedAt) {
        var d = publishedAt.atZone(ZoneId.of("Europe/London")).toLocalDate();
        return "/%04d/%02d/%02d/%s".formatted(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), slug);
    }
}
