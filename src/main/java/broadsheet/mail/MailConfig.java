package broadsheet.mail;

import java.util.Map;

/**
 * Outgoing mail settings from the environment: SMTP_HOST (none means keep mail in local files),
 * SMTP_PORT (587), SMTP_USER, SMTP_PASSWORD, SMTP_STARTTLS (true), MAIL_FROM, and the DKIM key that
 * newsletters are signed with: DKIM_PRIVATE_KEY_FILE, DKIM_SELECTOR, DKIM_DOMAIN (all or none).
 */
public record MailConfig(
        String host,
        int port,
        String user,
        String password,
        boolean startTls,
        String from,
        String dkimKeyFile,
        String dkimSelector,
        String dkimDomain) {

    /** Without DKIM signing. */
    public MailConfig(String host, int port, String user, String password, boolean startTls, String from) {
        this(host, port, user, password, startTls, from, "", "", "");
    }

    public static MailConfig fromEnv(Map<String, String> env) {
        return new MailConfig(
                env.getOrDefault("SMTP_HOST", ""),
                Integer.parseInt(env.getOrDefault("SMTP_PORT", "587")),
                env.getOrDefault("SMTP_USER", ""),
                env.getOrDefault("SMTP_PASSWORD", ""),
                !"false".equalsIgnoreCase(env.getOrDefault("SMTP_STARTTLS", "true")),
                env.getOrDefault("MAIL_FROM", "Broadsheet <no-reply@localhost>"),
                env.getOrDefault("DKIM_PRIVATE_KEY_FILE", ""),
                env.getOrDefault("DKIM_SELECTOR", ""),
                env.getOrDefault("DKIM_DOMAIN", ""));
    }

    public boolean smtp() {
        return host != null && !host.isBlank();
    }
}
