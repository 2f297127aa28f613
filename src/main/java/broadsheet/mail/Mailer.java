package broadsheet.mail;

/** Sends mail: through SMTP in production, into files under the data dir when no SMTP server is configured. */
public interface Mailer {
    void send(Mail mail);
}
