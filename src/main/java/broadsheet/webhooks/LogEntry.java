package broadsheet.webhooks;

import java.time.Instant;

/** One delivery in an endpoint's log: which event, how it stands, and when it was or will be tried. */
public record LogEntry(
        long id,
        String msgId,
        WebhookEvent type,
        DeliveryStatus status,
        int attempts,
        Integer responseCode,
        String lastError,
        Instant eventAt,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        Instant deliveredAt) {}
