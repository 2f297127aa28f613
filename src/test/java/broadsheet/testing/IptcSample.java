package broadsheet.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Photos as a wire agency sends them: a JPEG with an IPTC IIM block (APP13, "Photoshop 3.0" with
 * an 8BIM 0x0404 resource), an XMP packet (APP1) and, as a camera writes it, an EXIF block with a
 * GPS position; or a PNG with its XMP in an iTXt chunk. Built byte by byte from the standards, so a
 * test knows exactly what the file carries.
 */
public final class IptcSample {

    private final List<byte[]> iim = new ArrayList<>();
    private final StringBuilder xmp = new StringBuilder();
    private boolean exif;

    /** IIM dataset numbers in record 2 (IPTC IIM 4.2). */
    public static final int BY_LINE = 80, CREDIT = 110, SOURCE = 115, COPYRIGHT = 116, CAPTION = 120;

    /** Adds an IIM dataset to record 2, in UTF-8 (the block announces UTF-8 with dataset 1:90). */
    public IptcSample iim(int dataset, String value) {
        iim.add(dataset(2, dataset, value.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public IptcSample xmpDescription(String s) {
        return xmp("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(s)
                + "</rdf:li></rdf:Alt></dc:description>");
    }

    public IptcSample xmpCreator(String s) {
        return xmp("<dc:creator><rdf:Seq><rdf:li>" + esc(s) + "</rdf:li></rdf:Seq></dc:creator>");
    }

    public IptcSample xmpRights(String s) {
        return xmp("<dc:rights><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(s) + "</rdf:li></rdf:Alt></dc:rights>");
    }

    public IptcSample xmpCredit(String s) {
        return xmp("<photoshop:Credit>" + esc(s) + "</photoshop:Credit>");
    }

    public IptcSample xmpSource(String s) {
        return xmp("<photoshop:Source>" + esc(s) + "</photoshop:Source>");
    }

    /** The IPTC 2021 alt text field, in two languages (the default one is read). */
    public IptcSample xmpAltText(String s) {
        return xmp("<Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(s)
                + "</rdf:li><rdf:li xml:lang=\"fr\">Texte de remplacement</rdf:li></rdf:Alt>"
                + "</Iptc4xmpCore:AltTextAccessibility>");
    }

    /** Also an EXIF block with the camera's name and a GPS position ({@link ExifSample}). */
    public IptcSample withGps() {
        exif = true;
        return this;
    }

    private IptcSample xmp(String element) {
        xmp.append(element);
        return this;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The XMP packet, as Adobe's software writes it. */
    public String xmpPacket() {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\""
                + " xmlns:Iptc4xmpCore=\"http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/\">"
                + xmp
                + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
    }

    /** A JPEG of the picture with the EXIF, XMP and IPTC blocks asked for, after its start marker. */
    public byte[] jpeg(BufferedImage img) {
        byte[] plain = ExifSample.encode(img, "jpeg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        if (exif) {
            byte[] tiff = ExifSample.tiff(1);
            segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff));
        }
        if (!xmp.isEmpty()) {
            segment(
                    out,
                    0xE1,
                    concat(
                            "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII),
                            xmpPacket().getBytes(StandardCharsets.UTF_8)));
        }
        if (!iim.isEmpty()) segment(out, 0xED, photoshopBlock());
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG of the picture with its XMP packet in an iTXt chunk keyed "XML:com.adobe.xmp". */
    public byte[] png(BufferedImage img) {
        byte[] plain = ExifSample.encode(img, "png");
        int ihdrEnd = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, ihdrEnd);
        byte[] data = concat(
                "XML:com.adobe.xmp\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
                xmpPacket().getBytes(StandardCharsets.UTF_8));
        byte[] type = "iTXt".getBytes(StandardCharsets.US_ASCII);
        out.write(data.length >>> 24);
        out.write(data.length >>> 16);
        out.write(data.length >>> 8);
        out.write(data.length);
        out.writeBytes(type);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        long c = crc.getValue();
        out.write((int) (c >>> 24));
        out.write((int) (c >>> 16));
        out.write((int) (c >>> 8));
        out.write((int) c);
        out.write(plain, ihdrEnd, plain.length - ihdrEnd);
        return out.toByteArray();
    }

    /** "Photoshop 3.0\0", then one 8BIM image resource 0x0404 holding the IIM datasets. */
    private byte[] photoshopBlock() {
        ByteArrayOutputStream datasets = new ByteArrayOutputStream();
        datasets.writeBytes(dataset(1, 90, new byte[] {0x1B, 0x25, 0x47})); // coded character set: UTF-8
        datasets.writeBytes(dataset(2, 0, new byte[] {0, 4})); // record version
        for (byte[] d : iim) datasets.writeBytes(d);
        byte[] data = datasets.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("8BIM".getBytes(StandardCharsets.US_ASCII));
        out.write(0x04);
        out.write(0x04);
        out.write(0); // empty Pascal name, padded to an even length
        out.write(0);
        out.write(data.length >>> 24);
        out.write(data.length >>> 16);
        out.write(data.length >>> 8);
        out.write(data.length);
        out.writeBytes(data);
        if ((data.length & 1) == 1) out.write(0);
        return out.toByteArray();
    }

    private static byte[] dataset(int record, int number, byte[] value) {
        byte[] d = new byte[5 + value.length];
        d[0] = 0x1C;
        d[1] = (byte) record;
        d[2] = (byte) number;
        d[3] = (byte) (value.length >> 8);
        d[4] = (byte) value.length;
        System.arraycopy(value, 0, d, 5, value.length);
        return d;
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        int len = data.length + 2;
        out.write(0xFF);
        out.write(marker);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes(data);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** True when the bytes still carry any of the words or blocks a sample puts in. */
    public static boolean carriesWords(byte[] b, String... words) {
        if (ExifSample.carriesMetadata(b)) return true;
        if (ExifSample.indexOf(b, "8BIM".getBytes(StandardCharsets.US_ASCII)) >= 0) return true;
        if (ExifSample.indexOf(b, "xmpmeta".getBytes(StandardCharsets.US_ASCII)) >= 0) return true;
        for (String w : words) if (ExifSample.indexOf(b, w.getBytes(StandardCharsets.UTF_8)) >= 0) return true;
        return false;
    }
}
