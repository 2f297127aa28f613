package broadsheet.contentapi;

import broadsheet.web.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * A list's bylines and topics. The page's links are read in one statement from the link tables alone (an index
 * lookup per article); the authors and topics they name are shown from this node's memory, each read from
 * PostgreSQL the first time a list names it after a content change ({@link #forget}, with the answers). A page
 * names the same few hundred authors and topics again and again: looking each up in PostgreSQL on every request
 * was most of the list's statement (61 links, 183 of its 275 buffers) and of the strings the driver made.
 */
final class ArticleLinksDao {

    /** At most this many authors and topics together are kept; past it the node starts afresh. */
    static final int KEPT = 20_000;

    private static final String AUTHOR_LINKS = """
            select 'authors' as link, article_id, position, author_id as id
              from article_authors where article_id = any(:ids)""";
    private static final String TOPIC_LINKS = """
            select 'topics' as link, article_id, position, topic_id as id
              from article_topics where article_id = any(:ids)""";

    /** The authors and topics read since the last content change, as a list shows them, by id. */
    private record Known(Map<Long, ObjectNode> authors, Map<Long, ObjectNode> topics) {
        Known() {
            this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    private record Link(long article, int position, ObjectNode node) {}

    private static final Comparator<Link> ORDER = Comparator.comparingInt(Link::position)
            .thenComparing(l -> l.node().path("name").asText())
            .thenComparingLong(l -> l.node().path("id").asLong());

    // replaced, not cleared, on a change: a request that read an author before the change puts it in the old one
    private volatile Known known = new Known();

    /** Forgets every author and topic read (called on every content change, with the answers). */
    void forget() {
        known = new Known();
    }

    /**
     * The rows with the bylines and topics asked for: each article's in their order (by position, then by
     * name), as {@code id, slug, name, title} for an author and {@code id, slug, name, kind} for a topic.
     */
    List<ContentDao.Row> attach(Handle h, List<ContentDao.Row> rows, ContentDao.Parts parts) {
        if (rows.isEmpty() || !(parts.authors() || parts.topics())) return rows;
        Known k = known;
        if (k.authors().size() + k.topics().size() > KEPT) forget();
        String sql = parts.authors() && parts.topics()
                ? AUTHOR_LINKS + " union all " + TOPIC_LINKS
                : parts.authors() ? AUTHOR_LINKS : TOPIC_LINKS;
        List<long[]> authorLinks = new ArrayList<>();
        List<long[]> topicLinks = new ArrayList<>();
        h.createQuery(sql)
                .bind("ids", rows.stream().map(ContentDao.Row::id).toArray(Long[]::new))
                .reduceResultSet(0, (n, rs, ctx) -> {
                    long[] link = {rs.getLong("article_id"), rs.getInt("position"), rs.getLong("id")};
                    (rs.getString("link").equals("authors") ? authorLinks : topicLinks).add(link);
                    return n + 1;
                });
        Map<Long, ArrayNode> authors = arrays(authorLinks, known(h, k.authors(), authorLinks, true));
        Map<Long, ArrayNode> topics = arrays(topicLinks, known(h, k.topics(), topicLinks, false));
        List<ContentDao.Row> out = new ArrayList<>(rows.size());
        for (ContentDao.Row r : rows)
            out.add(r.withLinks(
                    parts.authors() ? authors.getOrDefault(r.id(), Json.MAPPER.createArrayNode()) : null,
                    parts.topics() ? topics.getOrDefault(r.id(), Json.MAPPER.createArrayNode()) : null));
        return out;
    }

    /** {@code kept} with the authors (or topics) these links name and it lacks read in, in one statement. */
    private static Map<Long, ObjectNode> known(
            Handle h, Map<Long, ObjectNode> kept, List<long[]> links, boolean authors) {
        Set<Long> missing = new HashSet<>();
        for (long[] l : links) if (!kept.containsKey(l[2])) missing.add(l[2]);
        if (missing.isEmpty()) return kept;
        String sql = authors
                ? "select id, slug, name, title as extra from authors where id = any(:ids)"
                : "select id, slug, name, kind as extra from topics where id = any(:ids)";
        h.createQuery(sql).bind("ids", missing.toArray(Long[]::new)).reduceResultSet(0, (n, rs, ctx) -> {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("id", rs.getLong("id"));
            o.put("slug", rs.getString("slug"));
            o.put("name", rs.getString("name"));
            o.put(authors ? "title" : "kind", rs.getString("extra"));
            kept.put(rs.getLong("id"), o);
            return n + 1;
        });
        return kept;
    }

    /** Each article's links as a JSON array in their order (the nodes are shared, never changed once made). */
    private static Map<Long, ArrayNode> arrays(List<long[]> links, Map<Long, ObjectNode> nodes) {
        Map<Long, List<Link>> byArticle = new HashMap<>();
        for (long[] l : links) {
            ObjectNode node = nodes.get(l[2]);
            if (node != null)
                byArticle.computeIfAbsent(l[0], a -> new ArrayList<>()).add(new Link(l[0], (int) l[1], node));
        }
        Map<Long, ArrayNode> out = new HashMap<>();
        byArticle.forEach((article, list) -> {
            list.sort(ORDER);
            ArrayNode a = Json.MAPPER.createArrayNode();
            list.forEach(l -> a.add(l.node()));
            out.put(article, a);
        });
        return out;
    }
}
