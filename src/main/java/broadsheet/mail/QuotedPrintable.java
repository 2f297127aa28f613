package broadsheet.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Quoted-printable (RFC 2045) over a whole byte array at once. Jakarta Mail encodes through a
 * chain of streams one byte at a time, which was more than half the CPU of sending a newsletter;
 * a part encoded here goes out as one block.
 */
public final class QuotedPrintable {
    private QuotedPrintable() {}

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** UTF-8 text, its line ends as CRLF, no encoded line longer than 76 characters. */
    public static byte[] encode(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length + in.length / 8 + 64];
        int o = 0;
        int col = 0;
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xff;
            if (out.length - o < 8) out = Arrays.copyOf(out, out.length * 2);
            if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') continue;
            if (b == '\n') {
                out[o++] = '\r';
                out[o++] = '\n';
                col = 0;
                continue;
            }
            boolean lineEndNext = i + 1 == in.length || in[i + 1] == '\n' || in[i + 1] == '\r';
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEndNext);
            int need = literal ? 1 : 3;
            if (col + need > 75) { // soft line break
                out[o++] = '=';
                out[o++] = '\r';
                out[o++] = '\n';
                col = 0;
            }
            if (literal) {
                out[o++] = (byte) b;
            } else {
                out[o++] = '=';
                out[o++] = HEX[b >> 4];
                out[o++] = HEX[b & 15];
            }
            col += need;
        }
        return Arrays.copyOf(out, o);
    }
}
