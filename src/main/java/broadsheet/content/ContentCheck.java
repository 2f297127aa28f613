package broadsheet.content;

import static broadsheet.content.ContentFile.list;

import broadsheet.articles.ArticleStatus;
import broadsheet.articles.Kind;
import broadsheet.content.ContentFile.Article;
import broadsheet.content.ContentFile.Correction;
import broadsheet.content.ImportDao.ArticleRow;
import broadsheet.db.DbValue;
import broadsheet.topics.TopicKind;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Checks a whole content file against itself and the database before anything is written:
 * shapes, allowed values, duplicates, and that every reference names something in the file
 * or already in the database. Runs inside the import transaction, so the database it sees
 * is the one the writer will change.
 */
final class ContentCheck {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** A line that is only a body marker, e.g. [[related:harbour-bill-passes]]. */
    static final Pattern MARKER = Pattern.compile("(?m)^[ \\t]*\\[\\[([A-Za-z]+):([^\\]\\n]*)]][ \\t]*$");

    static final List<String> TOPIC_KINDS = stored(TopicKind.values());
    static final List<String> ARTICLE_KINDS = stored(Kind.values());
    static final List<String> STATUSES = stored(ArticleStatus.values());
    static final List<String> AUDIENCES = List.of("everyone", "subscribers");
    static final List<String> CORRECTION_KINDS = List.of("correction", "update");
    static final List<String> ACCESS = broadsheet.paywall.Access.values(false);

    /** What a reference can name, and where the database keeps its key. */
    enum Target {
        SECTION("section", "sections", "slug"),
        AUTHOR("author", "authors", "slug"),
        TOPIC("topic", "topics", "slug"),
        PHOTO("photo", "photos", "external_id"),
        NEWSLETTER("newsletter", "newsletters", "slug"),
        ARTICLE("article", "articles", "slug");

        final String noun;
        final String table;
        final String key;

        Target(String noun, String table, String key) {
            this.noun = noun;
            this.table = table;
            this.key = key;
        }
    }

    /** The values a file may give: what the database stores for each constant, in declaration order. */
    private static List<String> stored(DbValue... values) {
        return Arrays.stream(values).map(DbValue::dbValue).toList();
    }

    /** The database article each file article updates, by its index in "articles"; absent means a new article. */
    record Plan(Map<Integer, Long> articleRows) {}

    private record Ref(Target target, String path, String key, String context) {}

    private final Handle h;
    private final ContentFile c;
    private final Problems problems;
    private final Map<Target, Set<String>> inFile = new EnumMap<>(Target.class);
    private final List<Ref> refs = new ArrayList<>();
    /** Database slugs that this file moves to another slug: after the import nothing answers to them. */
    private final Set<String> renamedAway = new HashSet<>();

    ContentCheck(Handle h, ContentFile c, Problems problems) {
        this.h = h;
        this.c = c;
        this.problems = problems;
        for (Target t : Target.values()) inFile.put(t, new HashSet<>());
    }

    Plan run() {
        format();
        site();
        each("sections", c.sections(), (path, s) -> {
            key(Target.SECTION, path + ".slug", s.slug(), true);
            text(path + ".name", s.name(), 80, true);
        });
        each("authors", c.authors(), (path, a) -> {
            key(Target.AUTHOR, path + ".slug", a.slug(), true);
            text(path + ".name", a.name(), 120, true);
            ref(Target.PHOTO, path + ".portrait", a.portrait(), false);
        });
        each("topics", c.topics(), (path, t) -> {
            key(Target.TOPIC, path + ".slug", t.slug(), true);
            text(path + ".name", t.name(), 120, true);
            if (t.kind() == null)
                problems.add(path + ".kind", "required (one of " + String.join(", ", TOPIC_KINDS) + ")");
            oneOf(path + ".kind", t.kind(), TOPIC_KINDS);
            List<String> aliases = list(t.aliases());
            for (int i = 0; i < aliases.size(); i++) text(path + ".aliases[" + i + "]", aliases.get(i), 120, true);
        });
        each("photos", c.photos(), (path, p) -> {
            key(Target.PHOTO, path + ".id", p.id(), false);
            if (p.file() == null || p.file().isBlank()) problems.add(path + ".file", "required");
        });
        each("newsletters", c.newsletters(), (path, n) -> {
            key(Target.NEWSLETTER, path + ".slug", n.slug(), true);
            text(path + ".name", n.name(), 120, true);
            oneOf(path + ".audience", n.audience(), AUDIENCES);
        });
        Set<String> ids = new HashSet<>();
        each("articles", c.articles(), (path, a) -> article(path, a, ids));
        fronts();
        Map<Integer, Long> rows = matchArticles();
        resolveRefs();
        return new Plan(rows);
    }

    private void format() {
        if (c.format() == null) {
            problems.add("format", "required, \"" + ContentFile.FORMAT + "\"");
        } else if (!c.format().equals(ContentFile.FORMAT)) {
            problems.add("format", "\"" + c.format() + "\" is not supported (expected \"" + ContentFile.FORMAT + "\")");
        }
    }

    private void site() {
        if (c.site() == null) return;
        text("site.name", c.site().name(), 200, false);
        String zone = c.site().timeZone();
        if (zone == null) return;
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add("site.timeZone", "unknown time zone \"" + zone + "\" (use an id such as Europe/London)");
        }
    }

    private void article(String path, Article a, Set<String> ids) {
        if (a.id() != null) {
            if (a.id().isBlank()) problems.add(path + ".id", "must not be blank (leave it out instead)");
            else if (!ids.add(a.id())) problems.add(path + ".id", "\"" + a.id() + "\" is used twice in this file");
        }
        key(Target.ARTICLE, path + ".slug", a.slug(), true);
        text(path + ".headline", a.headline(), 300, true);
        ref(Target.SECTION, path + ".section", a.section(), true);
        oneOf(path + ".kind", a.kind(), ARTICLE_KINDS);
        oneOf(path + ".status", a.status(), STATUSES);
        oneOf(path + ".access", a.access(), ACCESS);
        boolean needsTime = ArticleStatus.PUBLISHED.dbValue().equals(a.status())
                || ArticleStatus.SCHEDULED.dbValue().equals(a.status());
        if (needsTime && a.publishedAt() == null) {
            problems.add(path + ".publishedAt", "required when status is " + a.status());
        }
        refs(Target.AUTHOR, path + ".authors", a.authors());
        refs(Target.TOPIC, path + ".topics", a.topics());
        ref(Target.PHOTO, path + ".leadPhoto", a.leadPhoto(), false);
        refs(Target.PHOTO, path + ".gallery", a.gallery());
        if (a.body() != null) markers(path + ".body", a.body());
        each(path + ".corrections", a.corrections(), (cp, corr) -> correction(cp, corr));
    }

    private void correction(String path, Correction corr) {
        oneOf(path + ".kind", corr.kind(), CORRECTION_KINDS);
        text(path + ".body", corr.body(), 4000, true);
    }

    private void markers(String path, String body) {
        Matcher m = MARKER.matcher(body);
        while (m.find()) {
            String marker = m.group().strip();
            String slug = m.group(2).strip();
            Target target = switch (m.group(1)) {
                case "related" -> Target.ARTICLE;
                case "newsletter" -> Target.NEWSLETTER;
                default -> null;
            };
            if (target == null) {
                problems.add(path, marker + ": unknown marker (use [[related:slug]] or [[newsletter:slug]])");
            } else if (!SLUG.matcher(slug).matches()) {
                problems.add(path, marker + ": \"" + slug + "\" is not a valid slug");
            } else {
                refs.add(new Ref(target, path, slug, marker + ": "));
            }
        }
    }

    private void fronts() {
        c.frontsOrEmpty().forEach((front, slugs) -> {
            String path = "fronts[\"" + front + "\"]";
            if (front.startsWith("section:")) {
                ref(Target.SECTION, path, front.substring("section:".length()), true);
            } else if (!front.equals("home")) {
                problems.add(path, "unknown front (use \"home\" or \"section:<section slug>\")");
            }
            if (slugs == null) problems.add(path, "must be a list of article slugs");
            refs(Target.ARTICLE, path, slugs);
        });
    }

    /**
     * Decides which database article each file article updates: the one with its id, else (for an
     * article without an id, or one whose slug holder has no id yet) the one with its slug.
     */
    private Map<Integer, Long> matchArticles() {
        List<Article> articles = list(c.articles());
        List<String> ids = articles.stream()
                .filter(a -> a != null && a.id() != null)
                .map(Article::id)
                .toList();
        List<String> slugs = articles.stream()
                .filter(a -> a != null && a.slug() != null)
                .map(Article::slug)
                .toList();
        Map<String, ArticleRow> byId = new HashMap<>();
        Map<String, ArticleRow> bySlug = new HashMap<>();
        for (ArticleRow r : ImportDao.articlesByIdOrSlug(h, ids, slugs)) {
            if (r.externalId() != null) byId.put(r.externalId(), r);
            bySlug.put(r.slug(), r);
        }
        Map<Integer, Long> rows = new LinkedHashMap<>();
        Map<Long, Integer> claimed = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            if (a == null || a.slug() == null) continue;
            String path = "articles[" + i + "]";
            ArticleRow holder = bySlug.get(a.slug());
            ArticleRow match = a.id() == null ? holder : byId.get(a.id());
            if (match == null && holder != null && holder.externalId() == null) match = holder;
            if (holder != null && (match == null || holder.id() != match.id())) {
                String owner = holder.externalId() == null
                        ? "another article"
                        : "the article with id \"" + holder.externalId() + "\"";
                problems.add(path + ".slug", "\"" + a.slug() + "\" already belongs to " + owner + " in the database");
                continue;
            }
            if (match == null) continue;
            Integer other = claimed.putIfAbsent(match.id(), i);
            if (other != null) {
                problems.add(path, "updates the same database article as articles[" + other + "]");
                continue;
            }
            rows.put(i, match.id());
            if (!match.slug().equals(a.slug())) renamedAway.add(match.slug());
        }
        return rows;
    }

    /** Every reference must name something in this file or already in the database. */
    private void resolveRefs() {
        for (Target t : Target.values()) {
            String[] wanted = refs.stream()
                    .filter(r -> r.target() == t && !inFile.get(t).contains(r.key()))
                    .map(Ref::key)
                    .distinct()
                    .toArray(String[]::new);
            Set<String> inDb = new HashSet<>();
            if (wanted.length > 0) {
                inDb.addAll(ImportDao.existing(h, t, wanted));
            }
            if (t == Target.ARTICLE) inDb.removeAll(renamedAway);
            for (Ref r : refs) {
                if (r.target() == t && !inFile.get(t).contains(r.key()) && !inDb.contains(r.key())) {
                    problems.add(r.path(), r.context() + "unknown " + t.noun + " \"" + r.key() + "\"");
                }
            }
        }
    }

    private <T> void each(String name, List<T> items, BiConsumer<String, T> check) {
        List<T> list = list(items);
        for (int i = 0; i < list.size(); i++) {
            String path = name + "[" + i + "]";
            if (list.get(i) == null) problems.add(path, "must be an object, not null");
            else check.accept(path, list.get(i));
        }
    }

    /** A thing's own key (slug, or photo id): present, well-formed and not used twice in this file. */
    private void key(Target t, String path, String value, boolean slugShaped) {
        if (value == null || value.isBlank()) {
            problems.add(path, "required");
        } else if (slugShaped && !SLUG.matcher(value).matches()) {
            problems.add(
                    path,
                    "\"" + value + "\" is not a valid slug (lower-case letters and digits in words"
                            + " joined by single hyphens, e.g. harbour-bill)");
        } else if (!inFile.get(t).add(value)) {
            problems.add(path, "\"" + value + "\" is used twice in this file");
        }
    }

    private void ref(Target t, String path, String key, boolean required) {
        if (key == null) {
            if (required) problems.add(path, "required");
        } else {
            refs.add(new Ref(t, path, key, ""));
        }
    }

    private void refs(Target t, String path, List<String> keys) {
        List<String> list = list(keys);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String key = list.get(i);
            if (key != null && !seen.add(key)) problems.add(path + "[" + i + "]", "\"" + key + "\" is listed twice");
            else ref(t, path + "[" + i + "]", key, true);
        }
    }

    private void text(String path, String value, int max, boolean required) {
        if (value == null) {
            if (required) problems.add(path, "required");
        } else if (required && value.isBlank()) {
            problems.add(path, "must not be blank");
        } else if (value.codePointCount(0, value.length()) > max) {
            problems.add(path, "longer than " + max + " characters");
        }
    }

    private void oneOf(String path, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            String field = path.substring(path.lastIndexOf('.') + 1);
            problems.add(path, "unknown " + field + " \"" + value + "\" (one of " + String.join(", ", allowed) + ")");
        }
    }
}
