import broadsheet.newsletters.Dkim;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Run by PackagedJarTest with the JDK's source launcher against target/broadsheet.jar alone
 * ({@code java -cp target/broadsheet.jar SignWithDkim.java KEY_FILE}): signs a message with DKIM
 * through the packaged classes and prints it as it would be sent.
 */
public class SignWithDkim {
    public static void main(String[] args) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom("news@news.example");
        m.setRecipients(Message.RecipientType.TO, "ada@example.org");
        m.setSubject("The morning briefing");
        m.setText("Good morning.\r\n", "UTF-8");
        m.saveChanges();
        MimeMessage signed = Dkim.of(Path.of(args[0]), "brief", "news.example").signer().sign(m);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        signed.writeTo(out);
        System.out.print(out.toString(StandardCharsets.UTF_8));
    }
}
