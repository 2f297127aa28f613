package broadsheet.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body, built as a browser builds one for a form with a file field. */
public final class Multipart {

    private final String boundary =
            "----BroadsheetTest" + UUID.randomUUID().toString().replace("-", "");
    private final List<byte[]> parts = new ArrayList<>();
    private boolean hasCsrf;

    public Multipart field(String name, String value) {
        if (name.equals("_csrf")) hasCsrf = true;
        parts.add(fieldPart(name, value));
        return this;
    }

    /** A file part; {@code fileName} "" with no bytes is what a browser sends when no file was chosen. */
    public Multipart file(String name, String fileName, String contentType, byte[] bytes) {
        ByteArrayOutputStream p = new ByteArrayOutputStream(bytes.length + 200);
        p.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n"));
        p.writeBytes(bytes);
        p.writeBytes(utf8("\r\n"));
        parts.add(p.toByteArray());
        return this;
    }

    /** Puts the CSRF token first, where a page's hidden field puts it, unless the form has one already. */
    Multipart withCsrf(String token) {
        if (!hasCsrf) {
            parts.add(0, fieldPart("_csrf", token));
            hasCsrf = true;
        }
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        out.writeBytes(utf8("--" + boundary + "--\r\n"));
        return out.toByteArray();
    }

    private byte[] fieldPart(String name, String value) {
        return utf8(
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
