package broadsheet.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Our block encoder's output decodes, with Jakarta Mail's own decoder, to exactly the text it was given. */
class QuotedPrintableTest {

    static String roundTrip(String s) throws Exception {
        byte[] encoded = QuotedPrintable.encode(s);
        for (String line : new String(encoded, StandardCharsets.US_ASCII).split("\r\n"))
            assertThat(line.length()).isLessThanOrEqualTo(76);
        return new String(
                        MimeUtility.decode(new ByteArrayInputStream(encoded), "quoted-printable")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace("\r\n", "\n");
    }

    @Test
    void decodesToTheSameText() throws Exception {
        String text = "Plain line\nTrailing space \nTab\tin the middle\n= signs = here\nLong " + "word ".repeat(60)
                + "\nUnicode: café — “quotes” · 😀\n.leading dot\n" + "x".repeat(200) + "\nno newline at end ";
        assertThat(roundTrip(text)).isEqualTo(text);
        assertThat(roundTrip("")).isEmpty();
        assertThat(roundTrip("a\r\nb")).isEqualTo("a\nb");
    }
}
