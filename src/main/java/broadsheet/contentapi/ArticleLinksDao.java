package broadsheet.contentapi;

import broadsheet.web.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * A list's bylines and topics. Each article of the page comes with its links' positions and ids, read with the
 * page in the same statement from the link tables alone (an index lookup per article); the authors and topics
 * they name are shown from this node's memory, each read from PostgreSQL the first time a list names it after a
 * content change ({@link #forget}, with the answers). A page names the same few hundred authors and topics again
 * and again: looking each up in PostgreSQL on every request was most of the list's second statement (61 links,
 * 183 of its 275 buffers), and that statement was a second round trip per request.
 */
final class ArticleLinksDao {

    /** At most this many authors and topics together are kept; past it the node starts afresh. */
    static final int KEPT = 20_000;

    /** The page's columns for its links: per article, {@code {position, id}} pairs of its bylines and tags. */
    static String columns(ContentDao.Parts parts) {
        return (parts.authors() ? """
                        , array(select array[x.position::bigint, x.author_id] from article_authors x
                                 where x.article_id = a.id) as author_links""" : "") + (parts.topics() ? """
                        , array(select array[x.position::bigint, x.topic_id] from article_topics x
                                 where x.article_id = a.id) as topic_links""" : "");
    }

    /** The links of the page's rows as they are read: {@code {article, position, id}}. */
    static final class Read {
        final ContentDao.Parts parts;
        final List<long[]> authors = new ArrayList<>();
        final List<long[]> topics = new ArrayList<>();

        Read(ContentDao.Parts parts) {
            this.parts = parts;
        }

        /** Notes the row's links (from {@link #columns}) and gives the row back. */
        ContentDao.Row add(ResultSet rs, ContentDao.Row row) throws SQLException {
            if (parts.authors()) add(rs.getArray("author_links"), row.id(), authors);
            if (parts.topics()) add(rs.getArray("topic_links"), row.id(), topics);
            return row;
        }

        private static void add(Array pairs, long article, List<long[]> into) throws SQLException {
            for (Object pair : (Object[]) pairs.getArray()) {
                Object[] p = (Object[]) pair;
                into.add(new long[] {article, ((Number) p[0]).longValue(), ((Number) p[1]).longValue()});
            }
        }
    }

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
    List<ContentDao.Row> attach(Handle h, List<ContentDao.Row> rows, Read read) {
        ContentDao.Parts parts = read.parts;
        if (rows.isEmpty() || !(parts.authors() || parts.topics())) return rows;
        Known k = known;
        if (k.authors().size() + k.topics().size() > KEPT) forget();
        Map<Long, ArrayNode> authors = arrays(read.authors, known(h, k.authors(), read.authors, true));
        Map<Long, ArrayNode> topics = arrays(read.topics, known(h, k.topics(), read.topics, false));
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
