package broadsheet.brand;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * Decides whether an uploaded logo may be used: a PNG that decodes, or an SVG that is well-formed
 * XML with no scripts, event handlers, embedded HTML or outside references. The SVG is also only
 * ever shown through {@code <img>} and served with a sandboxing Content-Security-Policy, so even a
 * file that slipped past these checks could not run script.
 */
final class LogoCheck {
    private LogoCheck() {}

    static final int MAX_BYTES = 512 * 1024;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Pattern ACTIVE = Pattern.compile(
            "<\\s*script|<\\s*foreignobject|\\bon[a-z]+\\s*=|javascript:|<!entity|<\\s*iframe|<\\s*embed|<\\s*object"
                    + "|(xlink:)?href\\s*=\\s*[\"']\\s*(?!#|data:image/)[a-z]");

    /** The logo's content type, or a refusal naming what is wrong. */
    sealed interface Result {}

    record Accepted(String contentType) implements Result {}

    record Refused(String why) implements Result {}

    static Result check(String fileName, byte[] bytes) {
        String name = fileName == null || fileName.isBlank() ? "The logo" : fileName;
        if (bytes.length == 0) return new Refused(name + " is empty (0 bytes). Choose the file again.");
        if (bytes.length > MAX_BYTES)
            return new Refused(name + " is " + (bytes.length / 1024) + " KB: a logo must be at most "
                    + (MAX_BYTES / 1024) + " KB.");
        if (startsWith(bytes, PNG)) {
            try {
                if (ImageIO.read(new ByteArrayInputStream(bytes)) == null)
                    return new Refused(name + " could not be read as a PNG image. Export it again.");
            } catch (IOException e) {
                return new Refused(name + " could not be read as a PNG image. Export it again.");
            }
            return new Accepted("image/png");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.toLowerCase(Locale.ROOT).contains("<svg"))
            return new Refused(name + " is neither an SVG nor a PNG file. Upload the logo as SVG or PNG.");
        Optional<String> root = svgRoot(bytes);
        if (root.isEmpty() || !root.get().equals("svg"))
            return new Refused(name + " is not a well-formed SVG file. Export it again from your drawing program.");
        if (ACTIVE.matcher(text.toLowerCase(Locale.ROOT)).find())
            return new Refused(name + " contains a script, an event handler, embedded HTML or a link to another file. "
                    + "Export a plain SVG (shapes and text only) and upload that.");
        return new Accepted("image/svg+xml");
    }

    private static Optional<String> svgRoot(byte[] bytes) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
            return Optional.of(d.getDocumentElement().getLocalName());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (bytes[i] != prefix[i]) return false;
        return true;
    }
}
