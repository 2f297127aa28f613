package broadsheet.media;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.properties.XMPProperty;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a photographer or agency wrote into a photo about it, read from its IPTC (IIM, in a JPEG's
 * APP13 block) and XMP packets with metadata-extractor before {@link Metadata} removes them: the
 * description, the credit line, the creators, the copyright notice, the source (agency) and the
 * IPTC 2021 alt text. XMP wins where both carry a field (it is what current software writes; IIM
 * is the legacy copy). Every field is "" when absent.
 *
 * <p>Only these words are read: EXIF (camera, time, GPS position) is never looked at here, and
 * none of it is kept.
 */
public record Embedded(
        String description, String creditLine, String creator, String copyright, String source, String altText) {

    public static final Embedded NONE = new Embedded("", "", "", "", "", "");

    static final String NS_DC = "http://purl.org/dc/elements/1.1/";
    static final String NS_PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/";
    static final String NS_IPTC_CORE = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/";

    /** The longest each field may be, as the photo form allows (newsroom.photos.PhotoRules); longer text is cut at a word. */
    private static final int CAPTION = 1000, CREDIT = 200, ALT_TEXT = 500;

    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * The credit readers see, as wire photos are credited: "Photographer/Agency". The credit line
     * names the agency (or the whole credit); a creator not already in it goes before it; with no
     * credit line, the creator and the source; a creator that already names the agency stands alone;
     * failing both, the copyright notice.
     */
    public String credit() {
        String agency = !creditLine.isEmpty() ? creditLine : source;
        if (creator.isEmpty()) return !agency.isEmpty() ? agency : copyright;
        if (agency.isEmpty() || creator.contains(agency)) return creator; // "Karl Melander/TT" already says it
        if (agency.contains(creator)) return agency;
        return creator + "/" + agency;
    }

    /** Reads the words a photo carries; {@link #NONE} when it carries none or they cannot be read. */
    public static Embedded read(byte[] bytes) {
        com.drew.metadata.Metadata m;
        try {
            m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return NONE; // damaged metadata never stops an upload; the image checks decide that
        }
        Fields xmp = new Fields();
        for (XmpDirectory d : m.getDirectoriesOfType(XmpDirectory.class)) xmp.fromXmp(d.getXMPMeta());
        Fields iim = new Fields();
        for (IptcDirectory d : m.getDirectoriesOfType(IptcDirectory.class)) iim.fromIim(d);
        return new Embedded(
                clean(xmp.description, iim.description, CAPTION),
                clean(xmp.creditLine, iim.creditLine, CREDIT),
                clean(String.join(", ", xmp.creators), String.join(", ", iim.creators), CREDIT),
                clean(xmp.copyright, iim.copyright, CREDIT),
                clean(xmp.source, iim.source, CREDIT),
                clean(xmp.altText, "", ALT_TEXT));
    }

    private static String clean(String preferred, String fallback, int max) {
        String s = preferred == null || preferred.isBlank() ? fallback : preferred;
        if (s == null) return "";
        // control characters (IIM writes CR for line breaks) become spaces; runs of white space one
        s = s.replaceAll("[\\p{Cntrl}&&[^\n]]", " ")
                .replaceAll("[ \\t\\x0B\\f\\u00A0]+", " ")
                .strip();
        if (s.length() <= max) return s;
        String cut = s.substring(0, max - 1);
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut) + "…";
    }

    /** One source's fields as found. */
    private static final class Fields {
        String description = "";
        String creditLine = "";
        final Set<String> creators = new LinkedHashSet<>();
        String copyright = "";
        String source = "";
        String altText = "";

        void fromXmp(XMPMeta x) {
            if (x == null) return;
            description = first(description, lang(x, NS_DC, "description"));
            copyright = first(copyright, lang(x, NS_DC, "rights"));
            altText = first(altText, lang(x, NS_IPTC_CORE, "AltTextAccessibility"));
            creditLine = first(creditLine, prop(x, NS_PHOTOSHOP, "Credit"));
            source = first(source, prop(x, NS_PHOTOSHOP, "Source"));
            creators.addAll(items(x, NS_DC, "creator"));
        }

        void fromIim(IptcDirectory d) {
            description = first(description, d.getString(IptcDirectory.TAG_CAPTION));
            creditLine = first(creditLine, d.getString(IptcDirectory.TAG_CREDIT));
            copyright = first(copyright, d.getString(IptcDirectory.TAG_COPYRIGHT_NOTICE));
            source = first(source, d.getString(IptcDirectory.TAG_SOURCE));
            String[] bylines = d.getStringArray(IptcDirectory.TAG_BY_LINE);
            if (bylines != null) for (String b : bylines) if (b != null && !b.isBlank()) creators.add(b.strip());
        }

        private static String first(String have, String candidate) {
            return have.isBlank() && candidate != null ? candidate : have;
        }

        /** A language alternative: the default language's text, or the first there is. */
        private static String lang(XMPMeta x, String ns, String name) {
            try {
                XMPProperty p = x.getLocalizedText(ns, name, "", "x-default");
                if (p != null && p.getValue() != null) return p.getValue();
                String plain = x.getPropertyString(ns, name); // some writers use a simple property
                return plain == null ? "" : plain;
            } catch (XMPException e) {
                return "";
            }
        }

        private static String prop(XMPMeta x, String ns, String name) {
            try {
                String v = x.getPropertyString(ns, name);
                return v == null ? "" : v;
            } catch (XMPException e) {
                return "";
            }
        }

        private static List<String> items(XMPMeta x, String ns, String name) {
            List<String> out = new ArrayList<>();
            try {
                int n = x.doesPropertyExist(ns, name) ? x.countArrayItems(ns, name) : 0;
                for (int i = 1; i <= n; i++) {
                    XMPProperty p = x.getArrayItem(ns, name, i);
                    if (p != null && p.getValue() != null && !p.getValue().isBlank())
                        out.add(p.getValue().strip());
                }
            } catch (XMPException e) {
                // a creator that is not an array (a plain string some tools write)
                String plain = prop(x, ns, name);
                if (!plain.isBlank()) out.add(plain.strip());
            }
            return out;
        }
    }
}
