package broadsheet.testing;

import broadsheet.media.MediaFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.jdbi.v3.core.Jdbi;

/** Writes content for tests straight into the real schema. */
public final class Fixtures {

    private final Jdbi jdbi;
    private final MediaFiles media;
    private final Runnable settingsChanged;

    /** @param settingsChanged what the settings forms do after a save: the app re-reads its settings */
    Fixtures(Jdbi jdbi, Path mediaDir, Runnable settingsChanged) {
        this.jdbi = jdbi;
        this.media = new MediaFiles(mediaDir, jdbi);
        this.settingsChanged = settingsChanged;
    }

    /** The stored original of a photo (from the database, where every node reads it). */
    public byte[] original(String fileKey) {
        return media.original(fileKey).orElseThrow(() -> new AssertionError("no original " + fileKey));
    }

    /** The file keys of every stored original. */
    public java.util.List<String> originalKeys() {
        return jdbi.withHandle(h -> h.createQuery("select file_key from photo_originals order by file_key")
                .mapTo(String.class)
                .list());
    }

    public long section(String slug, String name) {
        return jdbi.withHandle(h -> h.createQuery("insert into sections (slug, name, position) values (:s, :n, "
                        + "(select count(*) from sections)) returning id")
                .bind("s", slug)
                .bind("n", name)
                .mapTo(Long.class)
                .one());
    }

    public long author(String slug, String name) {
        return jdbi.withHandle(
                h -> h.createQuery("insert into authors (slug, name, title) values (:s, :n, 'Reporter') returning id")
                        .bind("s", slug)
                        .bind("n", name)
                        .mapTo(Long.class)
                        .one());
    }

    public long topic(String slug, String name, String kind) {
        return jdbi.withHandle(
                h -> h.createQuery("insert into topics (slug, name, kind) values (:s, :n, :k) returning id")
                        .bind("s", slug)
                        .bind("n", name)
                        .bind("k", kind)
                        .mapTo(Long.class)
                        .one());
    }

    public long newsletter(String slug, String name, String description, String audience) {
        return jdbi.withHandle(
                h -> h.createQuery("insert into newsletters (slug, name, description, audience, schedule) "
                                + "values (:s, :n, :d, :a, 'Weekdays at 7:00') returning id")
                        .bind("s", slug)
                        .bind("n", name)
                        .bind("d", description)
                        .bind("a", audience)
                        .mapTo(Long.class)
                        .one());
    }

    /** A drawn photo of the given size, stored like an upload. */
    public long photo(int width, int height, Color color, String caption, String credit, String alt) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
            MediaFiles.Stored s = media.store(out.toByteArray());
            return jdbi.withHandle(h -> h.createQuery("""
                    insert into photos (file_key, mime_type, width, height, caption, credit, alt_text)
                    values (:k, :m, :w, :h, :c, :cr, :a) returning id""")
                    .bind("k", s.fileKey())
                    .bind("m", s.mimeType())
                    .bind("w", s.width())
                    .bind("h", s.height())
                    .bind("c", caption)
                    .bind("cr", credit)
                    .bind("a", alt)
                    .mapTo(Long.class)
                    .one());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MediaFiles.NotAnImage e) {
            throw new IllegalStateException(e);
        }
    }

    /** A published article; returns its id. */
    public long article(String slug, String headline, long sectionId, String kind, Instant publishedAt, String body) {
        return jdbi.withHandle(h -> h.createQuery("""
                insert into articles (slug, headline, deck, body, section_id, kind, status, published_at, updated_at)
                values (:slug, :headline, :deck, :body, :section, :kind, 'published', :at, :at) returning id""")
                .bind("slug", slug)
                .bind("headline", headline)
                .bind("deck", "Deck of " + headline)
                .bind("body", body)
                .bind("section", sectionId)
                .bind("kind", kind)
                .bind("at", Timestamp.from(publishedAt))
                .mapTo(Long.class)
                .one());
    }

    public void byline(long articleId, long authorId, int position) {
        jdbi.useHandle(h -> h.execute(
                "insert into article_authors (article_id, author_id, position) values (?, ?, ?)",
                articleId,
                authorId,
                position));
    }

    public void tag(long articleId, long topicId) {
        jdbi.useHandle(
                h -> h.execute("insert into article_topics (article_id, topic_id) values (?, ?)", articleId, topicId));
    }

    public void leadPhoto(long articleId, long photoId) {
        jdbi.useHandle(h -> h.execute("update articles set lead_photo_id = ? where id = ?", photoId, articleId));
    }

    public void gallery(long articleId, long... photoIds) {
        for (int i = 0; i < photoIds.length; i++) {
            long p = photoIds[i];
            int pos = i;
            jdbi.useHandle(h -> h.execute(
                    "insert into article_photos (article_id, photo_id, position) values (?, ?, ?)", articleId, p, pos));
        }
    }

    public void correction(long articleId, String kind, String body, Instant at) {
        jdbi.useHandle(h -> {
            h.execute(
                    "insert into corrections (article_id, kind, body, created_at) values (?, ?, ?, ?)",
                    articleId,
                    kind,
                    body,
                    Timestamp.from(at));
            h.execute(
                    "update articles set updated_at = greatest(updated_at, ?) where id = ?",
                    Timestamp.from(at),
                    articleId);
        });
    }

    public void front(String front, long... articleIds) {
        jdbi.useHandle(h -> {
            h.execute("delete from front_items where front = ?", front);
            for (int i = 0; i < articleIds.length; i++) {
                h.execute(
                        "insert into front_items (front, position, article_id) values (?, ?, ?)",
                        front,
                        i,
                        articleIds[i]);
            }
        });
    }

    public void setting(String key, String value) {
        jdbi.useHandle(h -> h.execute(
                "insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value",
                key,
                value));
        settingsChanged.run();
    }

    /** A confirmed account with this role; returns its id. */
    public long user(String email, broadsheet.web.Role role, String password) {
        return new broadsheet.accounts.StaffAccounts(jdbi)
                .save(email, email.substring(0, email.indexOf('@')), role, password);
    }

    /** Makes the user a subscriber until the given time (a time in the past makes a lapsed subscriber). */
    public void subscriber(long userId, Instant until) {
        jdbi.useHandle(h -> h.execute("""
                insert into subscriptions (user_id, status, current_period_end) values (?, 'active', ?)
                on conflict (user_id) do update set status = 'active', current_period_end = excluded.current_period_end""", userId, Timestamp.from(until)));
    }

    /** Who may read the article in full: free, registered or subscribers. */
    public void access(long articleId, String access) {
        jdbi.useHandle(h -> h.execute("update articles set access = ? where id = ?", access, articleId));
    }

    /**
     * Writes behind the app's back: in one transaction with triggers off, so neither the page caches nor
     * the search index's change log hear of it (what a test needs to show that only announced changes show).
     */
    public void unannounced(String... statements) {
        jdbi.useTransaction(h -> {
            h.execute("set local session_replication_role = replica");
            for (String sql : statements) h.execute(sql);
        });
    }

    public Jdbi jdbi() {
        return jdbi;
    }
}
