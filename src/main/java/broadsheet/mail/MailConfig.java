package broadsheet.mail;

import java.util.Map;
import java.util.Optional;

/**
 * Outgoing mail settings from the environment: SMTP_HOST (none means keep mail in local files),
 * SMTP_PORT (587), SMTP_USER, SMTP_PASSWORD, SMTP_STARTTLS (true), MAIL_FROM, and the DKIM key that
 * newsletters are signed with: DKIM_PRIVATE_KEY_FILE, DKIM_SELECTOR, DKIM_DOMAIN (all or none).
 *
 * @param keepLocally KEEP_MAIL_LOCALLY=on: the operator's explicit word that a node on a shared database
 *     may keep its mail in local files without SMTP_HOST ({@link #clusterProblem(boolean)})
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
        String dkimDomain,
        boolean keepLocally) {

    /** The setting that lets a node on a shared database keep mail locally. */
    public static final String KEEP_LOCALLY = "KEEP_MAIL_LOCALLY";

    /** Without DKIM signing. */
    public MailConfig(String host, int port, String user, String password, boolean startTls, String from) {
        this(host, port, user, password, startTls, from, "", "", "");
    }

    /** Without the permission to keep mail locally on a shared database. */
    public MailConfig(
            String host,
            int port,
            String user,
            String password,
            boolean startTls,
            String from,
            String dkimKeyFile,
            String dkimSelector,
            String dkimDomain) {
        this(host, port, user, password, startTls, from, dkimKeyFile, dkimSelector, dkimDomain, false);
    }

    public static MailConfig fromEnv(Map<String, String> env) {
        String keep = env.getOrDefault(KEEP_LOCALLY, "off").strip();
        if (!keep.equalsIgnoreCase("on") && !keep.equalsIgnoreCase("off") && !keep.isEmpty())
            throw new broadsheet.db.StartupException(KEEP_LOCALLY + " must be on or off, not '" + keep + "'");
        return new MailConfig(
                env.getOrDefault("SMTP_HOST", ""),
                Integer.parseInt(env.getOrDefault("SMTP_PORT", "587")),
                env.getOrDefault("SMTP_USER", ""),
                env.getOrDefault("SMTP_PASSWORD", ""),
                !"false".equalsIgnoreCase(env.getOrDefault("SMTP_STARTTLS", "true")),
                env.getOrDefault("MAIL_FROM", "Broadsheet <no-reply@localhost>"),
                env.getOrDefault("DKIM_PRIVATE_KEY_FILE", ""),
                env.getOrDefault("DKIM_SELECTOR", ""),
                env.getOrDefault("DKIM_DOMAIN", ""),
                keep.equalsIgnoreCase("on"));
    }

    public boolean smtp() {
        return host != null && !host.isBlank();
    }

    /**
     * Why a node may not start with this mail setting, if it may not: on a shared database (DATABASE_URL, the
     * way several nodes run) mail kept in local files lives on one node's disk, where no other node and no
     * reader's sign-in link on another node can reach it; so SMTP_HOST is required unless the operator says
     * {@code KEEP_MAIL_LOCALLY=on}.
     */
    public Optional<String> clusterProblem(boolean sharedDatabase) {
        if (!sharedDatabase || smtp() || keepLocally) return Optional.empty();
        return Optional.of("SMTP_HOST is not set, but DATABASE_URL names a database that several nodes may share:"
                + " mail would be kept on this node's disk (DATA_DIR/mail), out of the other nodes' reach;"
                + " set SMTP_HOST, or " + KEEP_LOCALLY + "=on to keep mail on this node anyway");
    }
}
