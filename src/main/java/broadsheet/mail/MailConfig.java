package broadsheet.mail;

import java.util.Map;

/**
 * SMTP settings from the environment: SMTP_HOST (none means keep mail in local files),
 * SMTP_PORT (587), SMTP_USER, SMTP_PASSWORD, SMTP_STARTTLS (true), MAIL_FROM.
 */
public record MailConfig(String host, int port, String user, String password, boolean startTls, String from) {

    public static MailConfig fromEnv(Map<String, String> env) {
        return new MailConfig(
                env.getOrDefault("SMTP_HOST", ""),
                Integer.parseInt(env.getOrDefault("SMTP_PORT", "587")),
                env.getOrDefault("SMTP_USER", ""),
                env.getOrDefault("SMTP_PASSWORD", ""),
                !"false".equalsIgnoreCase(env.getOrDefault("SMTP_STARTTLS", "true")),
                env.getOrDefault("MAIL_FROM", "Broadsheet <no-reply@localhost>"));
    }

    public boolean smtp() {
        return host != null && !host.isBlank();
    }
}
