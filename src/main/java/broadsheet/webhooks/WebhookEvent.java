package broadsheet.webhooks;

import broadsheet.db.DbValue;

/** What a webhook can be told about; stored and sent as its dotted name ({@code article.published}). */
public enum WebhookEvent implements DbValue {
    ARTICLE_PUBLISHED("article.published", "An article is published"),
    ARTICLE_UPDATED("article.updated", "A published article is changed"),
    ARTICLE_UNPUBLISHED("article.unpublished", "An article is unpublished or deleted"),
    CORRECTION_ADDED("correction.added", "A correction or update is added to an article"),
    COMMENT_POSTED("comment.posted", "A comment appears (at once, or when a moderator lets it through)"),
    SUBSCRIPTION_STARTED("subscription.started", "A subscription starts giving access"),
    SUBSCRIPTION_ENDED("subscription.ended", "A subscription is canceled or revoked"),
    NEWSLETTER_ISSUE_SENT("newsletter_issue.sent", "A newsletter issue has been sent");

    private final String type;
    private final String label;

    WebhookEvent(String type, String label) {
        this.type = type;
        this.label = label;
    }

    @Override
    public String dbValue() {
        return type;
    }

    public String label() {
        return label;
    }
}
