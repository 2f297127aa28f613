package broadsheet.newsletters;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads issues: one by id, a newsletter's archive of sent ones, the newsroom's list. */
public final class IssueDao {

    private static final String COLUMNS = """
            select i.id, i.newsletter_id, i.subject, i.intro, i.status, i.send_at, i.sent_at, i.version,
                   array(select ia.article_id from newsletter_issue_articles ia where ia.issue_id = i.id order by ia.position) as articles
              from newsletter_issues i""";

    private final Jdbi jdbi;

    public IssueDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Issue> find(long id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    static Optional<Issue> find(Handle h, long id) {
        return h.createQuery(COLUMNS + " where i.id = :id")
                .bind("id", id)
                .map(IssueDao::row)
                .findOne();
    }

    /** Sent issues, newest first. */
    public List<Issue> archive(long newsletterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        COLUMNS
                                + " where i.newsletter_id = :n and i.status = :sent order by i.sent_at desc, i.id desc limit :l")
                .bind("sent", IssueStatus.SENT)
                .bind("n", newsletterId)
                .bind("l", limit)
                .map(IssueDao::row)
                .list());
    }

    /** Every issue of a newsletter, drafts first, for the newsroom. */
    public List<Issue> all(long newsletterId) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + "\n where " + """
                 i.newsletter_id = :n
                 order by case i.status when 'draft' then 0 when 'scheduled' then 1 when 'sending' then 2 else 3 end,
                          coalesce(i.sent_at, i.send_at, i.created_at) desc, i.id desc limit 200""")
                .bind("n", newsletterId)
                .map(IssueDao::row)
                .list());
    }

    /** How far an issue's send has come: recipients by state. */
    public record Progress(int pending, int sending, int sent, int failed, int suppressed) {
        public int total() {
            return pending + sending + sent + failed + suppressed;
        }
    }

    public Progress progress(long issueId) {
        return jdbi.withHandle(h -> h.createQuery("""
                select count(*) filter (where state = :pending) as pending,
                       count(*) filter (where state = :sending) as sending,
                       count(*) filter (where state = :sent) as sent,
                       count(*) filter (where state = :failed) as failed,
                       count(*) filter (where state = :suppressed) as suppressed
                  from newsletter_outbox where issue_id = :i""")
                .bind("i", issueId)
                .bind("pending", OutboxState.PENDING)
                .bind("sending", OutboxState.SENDING)
                .bind("sent", OutboxState.SENT)
                .bind("failed", OutboxState.FAILED)
                .bind("suppressed", OutboxState.SUPPRESSED)
                .map((rs, ctx) -> new Progress(
                        rs.getInt("pending"),
                        rs.getInt("sending"),
                        rs.getInt("sent"),
                        rs.getInt("failed"),
                        rs.getInt("suppressed")))
                .one());
    }

    private static Issue row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        Long[] ids = (Long[]) rs.getArray("articles").getArray();
        return new Issue(
                rs.getLong("id"),
                rs.getLong("newsletter_id"),
                rs.getString("subject"),
                rs.getString("intro"),
                broadsheet.db.DbValue.of(IssueStatus.class, rs.getString("status")),
                instant(rs.getTimestamp("send_at")),
                instant(rs.getTimestamp("sent_at")),
                rs.getInt("version"),
                List.of(ids));
    }

    private static Instant instant(Timestamp t) {
        return t == null
                ? null
                : t.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // valid HTML datetime
    }
}
