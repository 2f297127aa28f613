package broadsheet.tools;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/** Rows in COPY's text format, sent in chunks of about a megabyte. */
final class BenchRows {
    private final CopyIn in;
    private final StringBuilder buf = new StringBuilder(1 << 20);

    BenchRows(CopyIn in) {
        this.in = in;
    }

    void row(String... cols) throws SQLException {
        for (int i = 0; i < cols.length; i++) {
            if (i > 0) buf.append('\t');
            escape(cols[i], buf);
        }
        buf.append('\n');
        if (buf.length() > (1 << 20)) flush();
    }

    void end() throws SQLException {
        flush();
        in.endCopy();
    }

    private void flush() throws SQLException {
        byte[] b = buf.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(b, 0, b.length);
        buf.setLength(0);
    }

    static void escape(String s, StringBuilder out) {
        if (s == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }
}
