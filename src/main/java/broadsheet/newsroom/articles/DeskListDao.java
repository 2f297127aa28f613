package broadsheet.newsroom.articles;

import broadsheet.articles.ArticleStatus;
import broadsheet.db.DbValue;
import broadsheet.newsroom.articles.DeskList.Filter;
import broadsheet.newsroom.articles.DeskList.Result;
import broadsheet.newsroom.articles.DeskList.Row;
import broadsheet.newsroom.articles.DeskList.Sort;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The SQL of the desk's article list: one page of a filter, by keyset. */
public final class DeskListDao {

    static final int PAGE = DeskList.PAGE;

    private final Jdbi jdbi;

    public DeskListDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @param me    only this user's own articles, or everyone's when null
     * @param after "id:sort value" of the last row of the previous page, or null
     * @param matches ids of the articles whose words match {@code f.q()} (found by search), or null with no words
     */
    Result page(Filter f, Long me, String after, List<Long> matches) {
        StringBuilder sql = new StringBuilder("""
                select a.id, a.headline, a.status, s.name as section, a.updated_at, a.published_at, (%s)::text as sort_value,
                       array(select au.name from article_authors aa join authors au on au.id = aa.author_id
                              where aa.article_id = a.id order by aa.position, au.name) as authors
                  from articles a join sections s on s.id = a.section_id
                 where true""".formatted(f.sort().key));
        Map<String, Object> params = new HashMap<>();
        if (f.status() != null) {
            sql.append(" and a.status = :status");
            params.put("status", f.status());
        }
        if (f.section() != null) {
            sql.append(" and a.section_id = :section");
            params.put("section", f.section());
        }
        if (f.author() != null) {
            sql.append(
                    " and exists (select 1 from article_authors x where x.article_id = a.id and x.author_id = :author)");
            params.put("author", f.author());
        }
        if (matches != null) {
            sql.append(" and a.id = any(:matches)");
            params.put("matches", matches.toArray(Long[]::new));
        }
        if (me != null) {
            sql.append(" and (").append(ArticleDeskDao.MINE).append(")");
            params.put("me", me);
        }
        Optional<Object[]> cursor = cursor(after, f.sort());
        if (cursor.isPresent()) {
            sql.append(" and (")
                    .append(f.sort().key)
                    .append(", a.id) ")
                    .append(f.sort().ascending ? ">" : "<")
                    .append(" (:v, :id)");
            params.put("v", cursor.get()[0]);
            params.put("id", cursor.get()[1]);
        }
        String dir = f.sort().ascending ? " asc" : " desc";
        sql.append(" order by ")
                .append(f.sort().key)
                .append(dir)
                .append(", a.id")
                .append(dir)
                .append(" limit ")
                .append(PAGE + 1);
        List<Object[]> raw = new ArrayList<>();
        List<Row> rows = jdbi.withHandle(h -> h.createQuery(sql.toString())
                .bindMap(params)
                .map((rs, ctx) -> {
                    raw.add(new Object[] {
                        rs.getLong("id"),
                        rs.getString("sort_value"),
                        ArticleDeskDao.ts(rs, "updated_at"),
                        ArticleDeskDao.ts(rs, "published_at")
                    });
                    return new Row(
                            rs.getLong("id"),
                            rs.getString("headline"),
                            DbValue.of(ArticleStatus.class, rs.getString("status")),
                            rs.getString("section"),
                            Arrays.asList((String[]) rs.getArray("authors").getArray()),
                            ArticleDeskDao.ts(rs, "updated_at"),
                            ArticleDeskDao.ts(rs, "published_at"));
                })
                .list());
        if (rows.size() <= PAGE) return new Result(rows, null);
        Row last = rows.get(PAGE - 1);
        String value = switch (f.sort()) {
            case UPDATED -> last.updatedAt().toString();
            case PUBLISHED -> (last.publishedAt() == null ? Instant.EPOCH : last.publishedAt()).toString();
            case HEADLINE -> (String) raw.get(PAGE - 1)[1];
        };
        return new Result(rows.subList(0, PAGE), last.id() + ":" + value);
    }

    private static Optional<Object[]> cursor(String after, Sort sort) {
        if (after == null || after.isBlank()) return Optional.empty();
        int colon = after.indexOf(':');
        if (colon < 0) return Optional.empty();
        try {
            long id = Long.parseLong(after.substring(0, colon));
            String v = after.substring(colon + 1);
            Object value = sort == Sort.HEADLINE ? v : Timestamp.from(Instant.parse(v));
            return Optional.of(new Object[] {value, id});
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
