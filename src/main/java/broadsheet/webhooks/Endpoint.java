package broadsheet.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A registered webhook endpoint as the desk lists it (never with its secret).
 *
 * @param failingSince the first failed attempt since the last success, or null while it works
 * @param pending deliveries still to be made
 * @param failed deliveries given up on
 */
public record Endpoint(
        long id,
        String url,
        String description,
        List<WebhookEvent> events,
        boolean enabled,
        String disabledReason,
        Instant failingSince,
        Instant createdAt,
        int pending,
        int failed) {

    public boolean wants(WebhookEvent e) {
        return events.contains(e);
    }
}
