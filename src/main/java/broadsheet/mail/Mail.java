package broadsheet.mail;

import java.util.Map;

/**
 * One message to one person: a plain-text body always, an HTML body when there is one, and any
 * extra headers (List-Unsubscribe and the like).
 */
public record Mail(String to, String subject, String text, String html, Map<String, String> headers) {

    public static Mail text(String to, String subject, String text) {
        return new Mail(to, subject, text, null, Map.of());
    }
}
