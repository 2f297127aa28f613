package broadsheet.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Removes what a camera or editing program wrote about a photo (EXIF with GPS position, XMP,
 * IPTC, comments, text chunks, trailing data) without touching its pixels.
 *
 * <p>Why losslessly, by container structure, rather than by decoding and re-encoding: the original
 * is the archive copy every derivative is made from, so it should not lose quality to a second JPEG
 * compression; WebP cannot be re-encoded with our libraries at all; and walking the segments is
 * fast and doubles as a structural check (a file cut short or with broken chunk lengths or CRCs is
 * refused here, before any decoder sees it). Each format keeps only an allowlist of what is needed
 * to show the image as intended (colour profile, transparency, gamma); everything else is dropped.
 */
final class Metadata {
    private Metadata() {}

    /** The cleaned bytes, and the EXIF orientation the camera recorded (1 = upright, or unknown). */
    record Cleaned(byte[] bytes, int orientation) {}

    static Cleaned strip(byte[] b, String mime) throws MediaFiles.NotAnImage {
        return switch (mime) {
            case "image/jpeg" -> jpeg(b);
            case "image/png" -> new Cleaned(png(b), 1);
            case "image/webp" -> new Cleaned(webp(b), 1);
            default -> throw new IllegalArgumentException(mime);
        };
    }

    private static MediaFiles.NotAnImage damaged(String why) {
        return new MediaFiles.NotAnImage(
                MediaFiles.NotAnImage.Reason.DAMAGED, "the image data is damaged (" + why + ")");
    }

    // --- JPEG: a sequence of marker segments; entropy-coded scan data follows each SOS

    private static Cleaned jpeg(byte[] b) throws MediaFiles.NotAnImage {
        int n = b.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        out.write(0xFF);
        out.write(0xD8);
        int orientation = 1;
        int p = 2;
        while (true) {
            if (p >= n || (b[p] & 0xFF) != 0xFF) throw damaged("the file ends or breaks off before the image does");
            while (p < n && (b[p] & 0xFF) == 0xFF) p++; // fill bytes
            if (p >= n) throw damaged("the file ends before the image does");
            int m = b[p++] & 0xFF;
            if (m == 0xD9) { // EOI: anything after it (hidden trailers, second images) is dropped
                out.write(0xFF);
                out.write(0xD9);
                return new Cleaned(out.toByteArray(), orientation);
            }
            if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) { // markers without a length
                out.write(0xFF);
                out.write(m);
                continue;
            }
            if (m == 0x00 || m == 0xD8) throw damaged("unexpected marker");
            if (p + 2 > n) throw damaged("the file ends inside a segment");
            int len = u16be(b, p);
            if (len < 2 || p + len > n) throw damaged("a segment is longer than the file");
            int data = p + 2;
            int dataLen = len - 2;
            if (m == 0xE1 && startsWith(b, data, dataLen, "Exif\0\0"))
                orientation = orientation(b, data + 6, dataLen - 6);
            if (keepJpegSegment(m, b, data, dataLen)) {
                out.write(0xFF);
                out.write(m);
                out.write(b, p, len);
            }
            p += len;
            if (m == 0xDA) { // scan data runs to the next marker that is not a stuffed byte or a restart
                int q = p;
                while (q + 1 < n) {
                    if ((b[q] & 0xFF) == 0xFF) {
                        int x = b[q + 1] & 0xFF;
                        if (x == 0x00 || (x >= 0xD0 && x <= 0xD7)) {
                            q += 2;
                            continue;
                        }
                        break;
                    }
                    q++;
                }
                if (q + 1 >= n) throw damaged("the file ends inside the image data");
                out.write(b, p, q - p);
                p = q;
            }
        }
    }

    /** APP0 JFIF (pixel density), APP2 ICC profile (colours) and APP14 Adobe (colour transform) stay; other APPn and comments go. */
    private static boolean keepJpegSegment(int marker, byte[] b, int data, int len) {
        if (marker == 0xFE) return false; // COM
        if (marker < 0xE0 || marker > 0xEF) return true; // frame, tables, scans: the image itself
        return switch (marker) {
            case 0xE0 -> startsWith(b, data, len, "JFIF\0");
            case 0xE2 -> startsWith(b, data, len, "ICC_PROFILE\0");
            case 0xEE -> startsWith(b, data, len, "Adobe");
            default -> false; // APP1 EXIF/XMP, APP13 IPTC/Photoshop, maker notes, MPF, ...
        };
    }

    /** Tag 0x0112 of the first IFD of an EXIF TIFF block; 1 when absent or unreadable. */
    static int orientation(byte[] b, int tiff, int len) {
        if (len < 8) return 1;
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) return 1;
        long ifd = u32(b, tiff + 4, little);
        if (ifd < 8 || ifd + 2 > len) return 1;
        int count = u16(b, tiff + (int) ifd, little);
        for (int i = 0; i < count; i++) {
            int e = (int) ifd + 2 + i * 12;
            if (e + 12 > len) return 1;
            if (u16(b, tiff + e, little) == 0x0112 && u16(b, tiff + e + 2, little) == 3) {
                int v = u16(b, tiff + e + 8, little);
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
    }

    // --- PNG: signature, then length-type-data-CRC chunks up to IEND

    /** Ancillary chunks about how to show the pixels; text, EXIF, time and animation chunks are dropped. */
    private static final Set<String> PNG_KEEP =
            Set.of("tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD", "cICP");

    private static byte[] png(byte[] b) throws MediaFiles.NotAnImage {
        int n = b.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        out.write(b, 0, 8);
        int p = 8;
        boolean first = true;
        while (true) {
            if (p + 12 > n) throw damaged("the file ends before the image does");
            long len = u32(b, p, false);
            if (len > n - p - 12) throw damaged("a chunk is longer than the file");
            String type = new String(b, p + 4, 4, StandardCharsets.ISO_8859_1);
            CRC32 crc = new CRC32();
            crc.update(b, p + 4, 4 + (int) len);
            if (crc.getValue() != u32(b, p + 8 + (int) len, false)) throw damaged("checksum mismatch in " + type);
            if (first && !type.equals("IHDR")) throw damaged("no header chunk");
            first = false;
            boolean critical = (b[p + 4] & 0x20) == 0;
            int size = 12 + (int) len;
            if (critical || PNG_KEEP.contains(type)) out.write(b, p, size);
            p += size;
            if (type.equals("IEND")) return out.toByteArray();
        }
    }

    // --- WebP: a RIFF container of (fourcc, little-endian size, data, pad to even) chunks

    private static final Set<String> WEBP_KEEP = Set.of("VP8X", "VP8 ", "VP8L", "ALPH", "ANIM", "ANMF", "ICCP");
    private static final int VP8X_EXIF = 0x08;
    private static final int VP8X_XMP = 0x04;

    private static byte[] webp(byte[] b) throws MediaFiles.NotAnImage {
        long riff = u32(b, 4, true);
        if (riff < 4 || riff + 8 > b.length) throw damaged("the file is shorter than it says");
        int end = (int) riff + 8; // anything after the RIFF container is dropped
        ByteArrayOutputStream chunks = new ByteArrayOutputStream(b.length);
        int p = 12;
        while (p < end) {
            if (p + 8 > end) throw damaged("the file ends inside a chunk");
            String type = new String(b, p, 4, StandardCharsets.ISO_8859_1);
            long size = u32(b, p + 4, true);
            if (size > end - p - 8) throw damaged("a chunk is longer than the file");
            int padded = (int) size + (int) (size & 1);
            int total = Math.min(8 + padded, end - p);
            if (WEBP_KEEP.contains(type)) {
                byte[] chunk = Arrays.copyOfRange(b, p, p + total);
                if (type.equals("VP8X") && size >= 1) chunk[8] &= (byte) ~(VP8X_EXIF | VP8X_XMP);
                chunks.write(chunk, 0, chunk.length);
                if (total < 8 + padded) chunks.write(0);
            }
            p += total;
        }
        byte[] body = chunks.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 12);
        out.write(b, 0, 4);
        int size = body.length + 4;
        out.write(size & 0xFF);
        out.write((size >> 8) & 0xFF);
        out.write((size >> 16) & 0xFF);
        out.write((size >>> 24) & 0xFF);
        out.write(b, 8, 4);
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    // --- bytes

    private static boolean startsWith(byte[] b, int at, int len, String prefix) {
        if (len < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) if (b[at + i] != (byte) prefix.charAt(i)) return false;
        return true;
    }

    private static int u16be(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) : u16be(b, at);
    }

    private static long u32(byte[] b, int at, boolean little) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int x = b[at + (little ? 3 - i : i)] & 0xFF;
            v = (v << 8) | x;
        }
        return v;
    }
}
