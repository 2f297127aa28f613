package broadsheet.tools;

import broadsheet.Config;
import broadsheet.cli.CommonOptions;
import broadsheet.cli.Main;
import broadsheet.db.ContentChanges;
import broadsheet.db.Database;
import broadsheet.media.MediaFiles;
import broadsheet.web.Site;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Fills a database with a large generated archive for benchmarks (bench/run.sh): sections,
 * authors, a skewed set of topics, drawn photos and N published articles over about three
 * years, loaded with COPY. The text is nonsense built from our own word lists.
 */
@Command(
        name = "bench-data",
        description =
                "Fill an empty database with a large generated archive for benchmarks "
                        + "(not demo content). Also writes DATA_DIR/bench-urls.txt (every article path) and DATA_DIR/bench-topics.txt.")
final class BenchDataCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(
            names = "--articles",
            paramLabel = "N",
            defaultValue = "100000",
            description = "How many articles to generate (default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--append", description = "Add to a database that already has articles instead of refusing.")
    boolean append;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Random seed, for the same archive every time (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--authors",
            paramLabel = "N",
            defaultValue = "500",
            description = "How many authors (default ${DEFAULT-VALUE}).")
    int authorCount;

    @Option(
            names = "--topics",
            paramLabel = "N",
            defaultValue = "2000",
            description = "How many topics (default ${DEFAULT-VALUE}).")
    int topicCount;

    @Option(
            names = "--photos",
            paramLabel = "N",
            defaultValue = "50",
            description = "How many photos to draw (default ${DEFAULT-VALUE}; at least 3, a gallery's).")
    int photoCount;

    static final int SECTIONS = 6;
    static final Duration SPAN = Duration.ofDays(3 * 365);

    @Override
    public Integer call() throws Exception {
        if (articles < 1) throw new Main.UserError("--articles must be at least 1");
        if (authorCount < 2 || topicCount < 5)
            throw new Main.UserError("--authors must be at least 2 and --topics at least 5");
        if (photoCount < 3) throw new Main.UserError("--photos must be at least 3 (a gallery has three)");
        Config config = common.config();
        long started = System.nanoTime();
        try (Database db = Database.open(config)) {
            Jdbi jdbi = db.jdbi();
            long existing = jdbi.withHandle(h -> h.createQuery("select count(*) from articles")
                    .mapTo(Long.class)
                    .one());
            if (existing > 0 && !append) {
                throw new Main.UserError("the database already has " + existing
                        + " articles; bench-data fills an empty one (add --append to add more anyway)");
            }
            Random rnd = new Random(seed);
            BenchWords words = new BenchWords(rnd);
            List<Long> photoIds = photos(jdbi, new MediaFiles(config.mediaDir(), jdbi), rnd);
            long[] counts = jdbi.inTransaction(h -> {
                settingsAndNewsletters(h);
                List<Long> sectionIds = sections(h);
                List<Long> authorIds = authors(h, words);
                List<Long> topicIds = topics(h, words);
                return articles(h, words, rnd, sectionIds, authorIds, topicIds, photoIds);
            });
            jdbi.useHandle(h -> h.execute("analyze"));
            jdbi.useHandle(h -> {
                try (var st = h.getConnection().prepareStatement("select pg_notify(?, '')")) {
                    st.setString(1, ContentChanges.CHANNEL); // running servers drop their cached pages
                    st.execute();
                }
            });
            Path urls = config.dataDir().resolve("bench-urls.txt");
            Path topics = config.dataDir().resolve("bench-topics.txt");
            int paths = writeUrls(jdbi, urls);
            writeTopics(jdbi, topics);
            System.out.printf(
                    Locale.ROOT,
                    "Generated %d articles (%d bylines, %d topic tags, %d gallery photos), %d sections, %d authors, "
                            + "%d topics, %d photos in %.1f s.%n",
                    counts[0],
                    counts[1],
                    counts[2],
                    counts[3],
                    SECTIONS,
                    authorCount,
                    topicCount,
                    photoIds.size(),
                    (System.nanoTime() - started) / 1e9);
            System.out.printf("Wrote %d article paths to %s and topic paths by size to %s.%n", paths, urls, topics);
            return 0;
        }
    }

    // ---- the small tables: inserted if missing, so --append reuses them ----

    private static void settingsAndNewsletters(Handle h) {
        h.execute("""
                insert into settings (key, value) values ('site_name', 'The Bench Gazette'),
                  ('site_tagline', 'All the news that fits the benchmark'), ('site_time_zone', 'Europe/London')
                on conflict (key) do nothing""");
        h.execute("""
                insert into newsletters (slug, name, description, audience, schedule) values
                  ('news-briefing', 'The Morning Briefing', 'The day''s news before breakfast', 'everyone', 'Weekdays at 6:30'),
                  ('politics-weekly', 'Politics Weekly', 'What happened in the chamber and why', 'everyone', 'Fridays at 17:00'),
                  ('business-close', 'Market Close', 'The numbers that moved, explained', 'subscribers', 'Weekdays at 18:00')
                on conflict (slug) do nothing""");
    }

    private static final String[][] SECTION_NAMES = {
        {"news", "News"}, {"politics", "Politics"}, {"business", "Business"},
        {"world", "World"}, {"culture", "Culture"}, {"sport", "Sport"}
    };

    private static List<Long> sections(Handle h) {
        PreparedBatch b = h.prepareBatch(
                "insert into sections (slug, name, description, position) values (?, ?, ?, ?) on conflict (slug) do nothing");
        for (int i = 0; i < SECTION_NAMES.length; i++) {
            b.add(
                    SECTION_NAMES[i][0],
                    SECTION_NAMES[i][1],
                    "The latest " + SECTION_NAMES[i][1].toLowerCase(Locale.ROOT) + " from the Gazette",
                    i);
        }
        b.execute();
        return idsBySlug(
                h,
                "sections",
                java.util.Arrays.stream(SECTION_NAMES).map(s -> s[0]).toList());
    }

    private List<Long> authors(Handle h, BenchWords w) {
        List<String> slugs = new ArrayList<>();
        PreparedBatch b = h.prepareBatch(
                "insert into authors (slug, name, title, bio) values (?, ?, ?, ?) on conflict (slug) do nothing");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < authorCount; i++) {
            String name = w.personName();
            String slug = unique(BenchWords.slug(name), seen);
            slugs.add(slug);
            b.add(
                    slug,
                    name,
                    w.pick(BenchWords.TITLES),
                    name + " writes about " + w.pick(BenchWords.NOUNS) + " and " + w.pick(BenchWords.NOUNS) + ".");
        }
        b.execute();
        return idsBySlug(h, "authors", slugs);
    }

    private List<Long> topics(Handle h, BenchWords w) {
        List<String> slugs = new ArrayList<>();
        PreparedBatch b =
                h.prepareBatch("insert into topics (slug, name, kind) values (?, ?, ?) on conflict (slug) do nothing");
        Set<String> seen = new HashSet<>();
        String[] kinds = {"person", "organization", "place", "subject"};
        for (int i = 0; i < topicCount; i++) {
            String kind = kinds[i % kinds.length];
            String name = switch (kind) {
                case "person" -> w.personName();
                case "organization" -> w.cap(w.pick(BenchWords.ADJECTIVES)) + " " + w.cap(w.pick(BenchWords.ORGS));
                case "place" -> w.placeName();
                default -> w.cap(w.pick(BenchWords.ADJECTIVES)) + " " + w.pick(BenchWords.NOUNS);
            };
            String slug = unique(BenchWords.slug(name), seen);
            slugs.add(slug);
            b.add(slug, name, kind);
        }
        b.execute();
        return idsBySlug(h, "topics", slugs); // in rank order: the first topics get the most articles
    }

    private static List<Long> idsBySlug(Handle h, String table, List<String> slugs) {
        Map<String, Long> ids = new java.util.HashMap<>();
        h.createQuery("select slug, id from " + table + " where slug = any(:s)")
                .bind("s", slugs.toArray(String[]::new))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return slugs.stream().map(ids::get).toList();
    }

    private static String unique(String slug, Set<String> seen) {
        String s = slug;
        for (int n = 2; !seen.add(s); n++) s = slug + "-" + n;
        return s;
    }

    // ---- photos: drawn with java.awt, stored like uploads ----

    private List<Long> photos(Jdbi jdbi, MediaFiles media, Random rnd) throws MediaFiles.NotAnImage {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < photoCount; i++) {
            boolean portrait = i % 7 == 6;
            int w = portrait ? 1000 : 1600;
            int hgt = portrait ? 1400 : 1000;
            MediaFiles.Stored s = media.store(png(w, hgt, i, rnd));
            String ext = "bench-photo-" + i;
            String caption = "Generated photo " + (i + 1) + " for the benchmark archive";
            String alt = "Coloured shapes on a gradient, number " + (i + 1);
            jdbi.useHandle(h -> h.execute("""
                    insert into photos (external_id, file_key, mime_type, width, height, caption, credit, alt_text)
                    values (?, ?, ?, ?, ?, ?, 'Bench Gazette', ?) on conflict (external_id) do nothing""", ext, s.fileKey(), s.mimeType(), s.width(), s.height(), caption, alt));
            ids.add(jdbi.withHandle(h -> h.createQuery("select id from photos where external_id = ?")
                    .bind(0, ext)
                    .mapTo(Long.class)
                    .one()));
        }
        return ids;
    }

    private static byte[] png(int w, int h, int n, Random rnd) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color a = Color.getHSBColor(rnd.nextFloat(), 0.5f, 0.8f);
        Color b = Color.getHSBColor(rnd.nextFloat(), 0.6f, 0.4f);
        g.setPaint(new GradientPaint(0, 0, a, w, h, b));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 6; i++) {
            g.setColor(Color.getHSBColor(rnd.nextFloat(), 0.7f, 0.9f));
            int x = rnd.nextInt(w), y = rnd.nextInt(h), r = 60 + rnd.nextInt(Math.min(w, h) / 3);
            if (i % 2 == 0) g.fillOval(x - r, y - r, 2 * r, 2 * r);
            else g.fillRect(x - r, y - r / 2, 2 * r, r);
        }
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(6));
        g.drawRect(20, 20, w - 40, h - 40);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 96));
        g.drawString("#" + (n + 1), 60, 160);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- articles: COPY in, then the join tables by the ids PostgreSQL gave ----

    private long[] articles(
            Handle h,
            BenchWords w,
            Random rnd,
            List<Long> sectionIds,
            List<Long> authorIds,
            List<Long> topicIds,
            List<Long> photoIds)
            throws SQLException, IOException {
        Connection c = h.getConnection();
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        int first = h.createQuery("select count(*) from articles where external_id like 'bench-%'")
                .mapTo(Integer.class)
                .one();
        Instant end = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant start = end.minus(SPAN);
        long step = SPAN.toSeconds() / articles;
        double[] sectionWeights = {0.30, 0.20, 0.15, 0.15, 0.10, 0.10};
        Zipf topicRank = new Zipf(topicIds.size(), 1.0);
        Zipf authorRank = new Zipf(authorIds.size(), 0.5);
        String[] slugs = new String[articles];
        String[] ext = new String[articles];

        CopyIn in = copy.copyIn(
                "copy articles (external_id, slug, headline, deck, body, section_id, kind, status, published_at, "
                        + "updated_at, created_at, lead_photo_id) from stdin");
        BenchRows rows = new BenchRows(in);
        long began = System.nanoTime(), shown = began;
        for (int i = 0; i < articles; i++) {
            if (System.nanoTime() - shown > 3_000_000_000L) { // a line every 3 s on standard error
                shown = System.nanoTime();
                System.err.println(
                        broadsheet.cli.ReindexCommand.progress(i, articles, java.time.Duration.ofNanos(shown - began)));
            }
            String headline = w.headline();
            String slug = BenchWords.slug(headline);
            if (slug.length() > 60) slug = slug.substring(0, Math.max(20, slug.lastIndexOf('-', 60)));
            slug = slug + "-" + Long.toString(first + i, 36);
            slugs[i] = slug;
            ext[i] = "bench-" + (first + i);
            Instant published = start.plusSeconds(i * step + rnd.nextLong(Math.max(1, step)));
            Instant updated = rnd.nextInt(20) == 0 ? published.plus(1 + rnd.nextInt(48), ChronoUnit.HOURS) : published;
            if (updated.isAfter(end)) updated = published;
            String related = i > 0 ? slugs[rnd.nextInt(i)] : null;
            rows.row(
                    ext[i],
                    slug,
                    headline,
                    w.sentence(12, 24),
                    w.body(6 + rnd.nextInt(5), related),
                    String.valueOf(sectionIds.get(pickWeighted(rnd, sectionWeights))),
                    kind(rnd),
                    "published",
                    published.toString(),
                    updated.toString(),
                    published.minus(2, ChronoUnit.HOURS).toString(),
                    String.valueOf(photoIds.get(rnd.nextInt(photoIds.size()))));
        }
        rows.end();

        Map<String, Long> idOf = new java.util.HashMap<>(articles * 2);
        h.createQuery("select external_id, id from articles where external_id = any(:e)")
                .bind("e", ext)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> idOf.put(e.getKey(), e.getValue()));

        long bylines = 0, tags = 0, gallery = 0;
        BenchRows au = new BenchRows(copy.copyIn("copy article_authors (article_id, author_id, position) from stdin"));
        for (String e : ext) {
            long id = idOf.get(e);
            int n = rnd.nextInt(4) == 0 ? 2 : 1;
            Set<Integer> picked = new HashSet<>();
            for (int p = 0; p < n; p++) {
                int r;
                do r = authorRank.next(rnd);
                while (!picked.add(r));
                au.row(String.valueOf(id), String.valueOf(authorIds.get(r)), String.valueOf(p));
                bylines++;
            }
        }
        au.end();
        BenchRows tp = new BenchRows(copy.copyIn("copy article_topics (article_id, topic_id, position) from stdin"));
        for (String e : ext) {
            long id = idOf.get(e);
            int n = 2 + rnd.nextInt(3);
            Set<Integer> picked = new HashSet<>();
            for (int p = 0; p < n; p++) {
                int r;
                do r = topicRank.next(rnd);
                while (!picked.add(r));
                tp.row(String.valueOf(id), String.valueOf(topicIds.get(r)), String.valueOf(p));
                tags++;
            }
        }
        tp.end();
        // One article in ten has a small gallery after its lead photo.
        BenchRows ph = new BenchRows(copy.copyIn("copy article_photos (article_id, photo_id, position) from stdin"));
        for (int i = 0; i < ext.length; i += 10) {
            long id = idOf.get(ext[i]);
            Set<Long> picked = new HashSet<>();
            for (int p = 0; p < 3; p++) {
                long photo;
                do photo = photoIds.get(rnd.nextInt(photoIds.size()));
                while (!picked.add(photo));
                ph.row(String.valueOf(id), String.valueOf(photo), String.valueOf(p));
                gallery++;
            }
        }
        ph.end();
        boolean noFront = h.createQuery("select count(*) from front_items where front = 'home'")
                        .mapTo(Integer.class)
                        .one()
                == 0;
        if (noFront) {
            // An editor's pick of three recent stories, as on a real home page.
            PreparedBatch f =
                    h.prepareBatch("insert into front_items (front, position, article_id) values ('home', ?, ?)");
            for (int p = 0; p < 3 && p < ext.length; p++) f.add(p, idOf.get(ext[ext.length - 1 - 3 * p]));
            f.execute();
        }
        return new long[] {articles, bylines, tags, gallery};
    }

    private static String kind(Random rnd) {
        int k = rnd.nextInt(100);
        return k < 78 ? "news" : k < 88 ? "opinion" : k < 96 ? "analysis" : "explainer";
    }

    private static int pickWeighted(Random rnd, double[] weights) {
        double x = rnd.nextDouble(), acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            if (x < acc) return i;
        }
        return weights.length - 1;
    }

    // ---- the URL lists bench/run.sh reads ----

    private static int writeUrls(Jdbi jdbi, Path file) throws IOException {
        Map<String, String> s = jdbi
                .withHandle(h -> h.createQuery("select key, value from settings")
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .list())
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        ZoneId zone;
        try {
            zone = ZoneId.of(s.getOrDefault("site_time_zone", "UTC"));
        } catch (DateTimeException e) {
            zone = ZoneId.of("UTC");
        }
        Site site = new Site("", "", "", zone, "en");
        Files.createDirectories(file.toAbsolutePath().getParent());
        int[] n = {0};
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            jdbi.useHandle(h -> h.createQuery(
                            "select slug, published_at from articles where status = 'published' order by published_at, id")
                    .setFetchSize(10_000)
                    .map((rs, ctx) ->
                            site.articlePath(rs.getString(1), rs.getTimestamp(2).toInstant()))
                    .forEach(p -> {
                        try {
                            out.write(p);
                            out.write('\n');
                            n[0]++;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
        }
        return n[0];
    }

    private static void writeTopics(Jdbi jdbi, Path file) throws IOException {
        List<String> lines =
                jdbi.withHandle(h -> h.createQuery("""
                select '/topics/' || t.slug || ' ' || count(*) from topics t join article_topics x on x.topic_id = t.id
                 group by t.id order by count(*) desc, t.slug""").mapTo(String.class).list());
        Files.write(file, lines);
    }
}
