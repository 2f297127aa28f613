package broadsheet.newsletters;

import broadsheet.web.Paths;
import java.time.Instant;
import java.util.List;

/** One issue of a newsletter: its subject, introduction (CommonMark) and picked articles, in order. */
public record Issue(
        long id,
        long newsletterId,
        String subject,
        String intro,
        IssueStatus status,
        Instant sendAt,
        Instant sentAt,
        int version,
        List<Long> articleIds) {

    public boolean editable() {
        return status == IssueStatus.DRAFT || status == IssueStatus.SCHEDULED;
    }

    public String path(Newsletter n) {
        return Paths.newsletterIssue(n.slug(), id);
    }
}
