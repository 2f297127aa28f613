package broadsheet.newsroom.audit;

import broadsheet.db.Cursor;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Paths;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The SQL that reads the audit log newest first, a page at a time, narrowed by action, subject or actor. */
public final class AuditLogDao {

    /**
     * One line of the log, with the subject's current name where it still exists.
     *
     * @param subjectName the article's headline, the author's name, ...; null when gone or unnamed
     * @param subjectSlug for a front, its section's slug
     */
    public record Entry(
            long id,
            Instant at,
            Long actorId,
            String actorLabel,
            String action,
            String subjectType,
            Long subjectId,
            String subjectName,
            String subjectSlug,
            String detail) {

        /** For a datetime attribute, which allows at most milliseconds. */
        public String atIso() {
            return at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        }

        /** Where the newsroom shows the subject, or null. */
        public String subjectHref(boolean admin) {
            if (subjectType.equals("front")) {
                if (subjectId == null) return NewsroomPaths.front("home");
                return subjectSlug == null ? null : NewsroomPaths.front("section:" + subjectSlug);
            }
            if (subjectId == null) return null;
            return switch (subjectType) {
                case "article" -> NewsroomPaths.editArticle(subjectId);
                case "photo" -> NewsroomPaths.photo(subjectId);
                case "author", "topic", "section" ->
                    subjectName == null ? null : NewsroomPaths.catalogItem(subjectType + "s", subjectId);
                case "user" ->
                    admin && subjectName != null ? Paths.with(NewsroomPaths.people(), "q", subjectName) : null;
                default -> null;
            };
        }

        /** "Article 12: Harbour bill passes", "Home page front", "User 4 (deleted)". */
        public String subjectLabel() {
            if (subjectType.equals("front")) {
                if (subjectId == null) return "Home page front";
                return subjectName == null ? "Front of a deleted section" : subjectName + " section front";
            }
            String kind = Character.toUpperCase(subjectType.charAt(0)) + subjectType.substring(1);
            if (subjectId == null) return kind;
            return kind + " " + subjectId + (subjectName == null ? "" : ": " + subjectName);
        }
    }

    /** What to narrow the log to; null or blank means any. {@code actor} is a user id, or "system" for changes no one signed in made. */
    public record Filter(String action, String subjectType, Long subjectId, String actor) {
        boolean none() {
            return blank(action) && blank(subjectType) && subjectId == null && blank(actor);
        }
    }

    /** An option of the actor filter: a user id or "system", and how to name it. */
    public record Actor(String value, String label) {}

    private final Jdbi jdbi;

    public AuditLogDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Entry> page(Filter f, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select l.id, l.at, l.actor_id, l.actor_label, l.action, l.subject_type, l.subject_id, l.detail,
                       case l.subject_type
                         when 'article' then (select headline from articles where id = l.subject_id)
                         when 'author' then (select name from authors where id = l.subject_id)
                         when 'topic' then (select name from topics where id = l.subject_id)
                         when 'section' then (select name from sections where id = l.subject_id)
                         when 'front' then (select name from sections where id = l.subject_id)
                         when 'user' then (select email from users where id = l.subject_id)
                         when 'photo' then (select nullif(caption, '') from photos where id = l.subject_id)
                       end as subject_name,
                       case when l.subject_type = 'front' then (select slug from sections where id = l.subject_id) end as subject_slug
                  from audit_log l
                 where (l.at, l.id) < (:at, :id)""");
        // only the conditions asked for, so the planner can use the index that fits
        Map<String, Object> params = new HashMap<>();
        if (!blank(f.action())) {
            sql.append(" and l.action = :action");
            params.put("action", f.action());
        }
        if (!blank(f.subjectType())) {
            sql.append(" and l.subject_type = :type");
            params.put("type", f.subjectType());
        }
        if (f.subjectId() != null) {
            sql.append(" and l.subject_id = :subject");
            params.put("subject", f.subjectId());
        }
        if ("system".equals(f.actor())) {
            sql.append(" and l.actor_id is null");
        } else if (!blank(f.actor())) {
            sql.append(" and l.actor_id = :actor");
            params.put("actor", Long.parseLong(f.actor()));
        }
        sql.append(" order by l.at desc, l.id desc limit :limit");
        return jdbi.withHandle(h -> h.createQuery(sql.toString())
                .bindMap(params)
                .bind("at", Timestamp.from(after.at()))
                .bind("id", after.id())
                .bind("limit", limit)
                .map((rs, c) -> new Entry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        (Long) rs.getObject("actor_id"),
                        rs.getString("actor_label"),
                        rs.getString("action"),
                        rs.getString("subject_type"),
                        (Long) rs.getObject("subject_id"),
                        rs.getString("subject_name"),
                        rs.getString("subject_slug"),
                        rs.getString("detail")))
                .list());
    }

    /** Every action in the log, alphabetically: a skip scan over the action index, not a read of every row. */
    public List<String> actions() {
        return distinct("action");
    }

    public List<String> subjectTypes() {
        return distinct("subject_type");
    }

    private List<String> distinct(String column) {
        return jdbi.withHandle(
                h -> h.createQuery("""
                with recursive v(x) as (
                    (select %1$s from audit_log order by %1$s limit 1)
                    union all
                    select (select l.%1$s from audit_log l where l.%1$s > v.x order by l.%1$s limit 1) from v where v.x is not null
                )
                select x from v where x is not null""".formatted(column)).mapTo(String.class).list());
    }

    /** Everyone who can act in the newsroom, for the actor filter; any account can still be asked for by id. */
    public List<Actor> actors() {
        List<Actor> out = new ArrayList<>(jdbi.withHandle(h -> h.createQuery("""
                select id, case when display_name = '' then email else display_name || ' <' || email || '>' end as label
                  from users where role <> 'reader' order by display_name, email""")
                .map((rs, c) -> new Actor(String.valueOf(rs.getLong("id")), rs.getString("label")))
                .list()));
        out.add(new Actor("system", "The system (imports, command line)"));
        return out;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
