package broadsheet.newsroom.articles;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The SQL of an article's revisions: each save keeps one, with who saved it and a snapshot of the content. */
public final class RevisionDao {

    public record RevisionRow(int version, String savedBy, Instant savedAt, boolean autosave) {}

    public record StoredRevision(RevisionRow row, Snapshot snapshot) {}

    private static final String WHO = """
            select r.version, coalesce(nullif(u.display_name, ''), u.email, 'someone no longer here') as who, r.saved_at, r.autosave""";

    private final Jdbi jdbi;

    public RevisionDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<RevisionRow> revisions(long articleId) {
        return jdbi.withHandle(h -> revisions(h, articleId));
    }

    Optional<StoredRevision> revision(long articleId, int version) {
        return jdbi.withHandle(h -> revision(h, articleId, version));
    }

    static List<RevisionRow> revisions(Handle h, long articleId) {
        return h.createQuery(WHO + """

                  from article_revisions r left join users u on u.id = r.saved_by
                 where r.article_id = :id order by r.version desc""")
                .bind("id", articleId)
                .map((rs, ctx) -> row(rs))
                .list();
    }

    static Optional<StoredRevision> revision(Handle h, long articleId, int version) {
        return h.createQuery(WHO + """
                , r.snapshot::text as snapshot
                  from article_revisions r left join users u on u.id = r.saved_by
                 where r.article_id = :id and r.version = :v""")
                .bind("id", articleId)
                .bind("v", version)
                .map((rs, ctx) -> new StoredRevision(row(rs), Snapshot.fromJson(rs.getString("snapshot"))))
                .findOne();
    }

    /** The newest revision: who saved the version a conflicting writer ran into. */
    static Optional<RevisionRow> latest(Handle h, long articleId) {
        return revisions(h, articleId).stream().findFirst();
    }

    /**
     * Folds an autosave into the same person's autosave of the version before, when that was made
     * within the last {@code minutes}; returns whether it did.
     */
    static boolean mergeAutosave(Handle h, long articleId, int version, long userId, Snapshot snap, int minutes) {
        return h.createUpdate("""
                        update article_revisions set version = :v, snapshot = cast(:s as jsonb), saved_at = now()
                         where article_id = :id and version = :prev and autosave and saved_by = :me
                           and saved_at > now() - make_interval(mins => :mins)""")
                        .bind("v", version)
                        .bind("s", snap.toJson())
                        .bind("id", articleId)
                        .bind("prev", version - 1)
                        .bind("me", userId)
                        .bind("mins", minutes)
                        .execute()
                > 0;
    }

    static void insert(Handle h, long articleId, int version, Long userId, Snapshot snap, boolean autosave) {
        h.createUpdate("""
                insert into article_revisions (article_id, version, saved_by, snapshot, autosave)
                values (:id, :v, :me, cast(:s as jsonb), :auto)""")
                .bind("id", articleId)
                .bind("v", version)
                .bind("me", userId)
                .bind("s", snap.toJson())
                .bind("auto", autosave)
                .execute();
    }

    private static RevisionRow row(ResultSet rs) throws SQLException {
        return new RevisionRow(
                rs.getInt("version"),
                rs.getString("who"),
                ArticleDeskDao.ts(rs, "saved_at"),
                rs.getBoolean("autosave"));
    }
}
