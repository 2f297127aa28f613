package broadsheet.webhooks;

import broadsheet.web.Json;
import broadsheet.web.Site;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

/**
 * The JSON body of a webhook message, in the Standard Webhooks shape: {@code type}, {@code timestamp} (when
 * the event happened) and {@code data}, the snapshot the trigger took in the changing transaction, with the
 * public {@code url} of each article it names added.
 */
public final class Payloads {
    private final Supplier<Site> site;

    public Payloads(Supplier<Site> site) {
        this.site = site;
    }

    public String body(WebhookEvent type, Instant at, String data) {
        try {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("type", type.dbValue());
            body.put("timestamp", at.toString());
            JsonNode d = Json.MAPPER.readTree(data);
            if (d instanceof ObjectNode o) {
                addUrl(o);
                if (o.get("article") instanceof ObjectNode a) addUrl(a);
            }
            body.set("data", d);
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook event's data is not JSON", e);
        }
    }

    /** Adds the absolute URL of an article snapshot that has a slug and a publication time. */
    private void addUrl(ObjectNode article) {
        JsonNode slug = article.get("slug");
        JsonNode published = article.get("published_at");
        if (slug == null || !slug.isTextual() || published == null || !published.isTextual()) return;
        if (article.has("headline") && article.has("id")) {
            Site s = site.get();
            Instant at = OffsetDateTime.parse(published.asText()).toInstant();
            article.put("url", s.absolute(s.articlePath(slug.asText(), at)));
        }
    }
}
