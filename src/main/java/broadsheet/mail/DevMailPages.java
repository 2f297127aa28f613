package broadsheet.mail;

import broadsheet.web.Chrome;
import broadsheet.web.Layout;
import broadsheet.web.Loopback;
import broadsheet.web.Meta;
import broadsheet.web.Paths;
import broadsheet.web.Personal;
import broadsheet.web.Views;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Mail kept locally when no SMTP server is configured, readable at /dev/mail from this machine
 * only, so a person trying the site can confirm an address or reset a password. Off unless switched
 * on (DEV_MAIL=on, {@code serve --dev-mail}, {@code serve --demo}) with a loopback base URL; when on,
 * it answers requests whose connection comes from 127.0.0.0/8 or ::1 (IPv4-mapped too) and that no
 * proxy forwarded; everything else is a 404.
 */
public final class DevMailPages {

    public record Message(String file, String to, String subject, String sent, String text, List<String> links) {}

    public record MailPage(Layout layout, List<Message> messages, Message open) {}

    private static final Pattern NAME = LocalMail.FILE_NAME;
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final Optional<LocalMail> local;
    private final Chrome chrome;
    private final Views views;

    /** @param local empty when mail goes out by SMTP or /dev/mail is off: then these pages do not exist */
    public DevMailPages(Optional<LocalMail> local, Chrome chrome, Views views) {
        this.local = local;
        this.chrome = chrome;
        this.views = views;
    }

    public void list(Context ctx) {
        Path dir = allowed(ctx);
        List<Message> messages;
        try (Stream<Path> files = Files.list(dir)) {
            messages = files.filter(
                            p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(Path::getFileName).reversed())
                    .limit(200)
                    .map(DevMailPages::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        render(ctx, messages, null);
    }

    public void show(Context ctx) {
        Path dir = allowed(ctx);
        String name = ctx.pathParam("file");
        if (!NAME.matcher(name).matches() || !Files.exists(dir.resolve(name))) throw new NotFoundResponse();
        render(ctx, List.of(), read(dir.resolve(name)));
    }

    private void render(Context ctx, List<Message> messages, Message open) {
        Meta meta = Meta.page("Mail sent by this site", "Mail kept on this machine", Paths.devMail())
                .hidden();
        Personal.html(ctx, views.render("mail/dev.jte", new MailPage(chrome.layout(meta), messages, open)));
    }

    /**
     * The local mail folder, when these pages are on and the request comes from this machine; else 404.
     * The connection's own address decides (never a header a client can write), and a request that
     * carries a proxy's forwarding header is refused even from loopback: it comes from somewhere else.
     */
    private Path allowed(Context ctx) {
        Path dir = local.map(LocalMail::dir).orElseThrow(NotFoundResponse::new);
        boolean here = Loopback.isLoopbackAddress(ctx.req().getRemoteAddr());
        boolean forwarded = FORWARDING_HEADERS.stream().anyMatch(h -> ctx.header(h) != null);
        if (!here || forwarded) throw new NotFoundResponse();
        return dir;
    }

    private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

    static Message read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            String text = textOf(m.getContent());
            return new Message(
                    file.getFileName().toString(),
                    m.getHeader("To", ", "),
                    m.getSubject(),
                    m.getSentDate() == null ? "" : m.getSentDate().toInstant().toString(),
                    text,
                    LINK.matcher(text).results().map(r -> r.group()).toList());
        } catch (IOException | MessagingException e) {
            return new Message(file.getFileName().toString(), "", "(unreadable)", "", e.getMessage(), List.of());
        }
    }

    private static String textOf(Object content) throws MessagingException, IOException {
        if (content instanceof String s) return s;
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                if (mp.getBodyPart(i).isMimeType("text/plain"))
                    return (String) mp.getBodyPart(i).getContent();
            }
        }
        return "";
    }
}
