package broadsheet.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Photos carrying what a phone writes into them: an EXIF block with the camera's name, an
 * orientation and a GPS position, built byte by byte so the tests know exactly what to look for.
 */
public final class ExifSample {
    private ExifSample() {}

    public static final String CAMERA = "SpyCam GPS-9000";
    public static final String PNG_TEXT = "Location: 51.5072 N, 0.1276 W";

    /** The GPS latitude as stored: 51/1, 30/1, 2621/100 as big-endian rationals. */
    public static final byte[] LATITUDE = rationals(51, 1, 30, 1, 2621, 100);

    /** A big-endian TIFF block: IFD0 (Make, Orientation, GPS pointer) and a GPS IFD (N 51°30'26.21", W 0°7'39.99"). */
    public static byte[] tiff(int orientation) {
        byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(168);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 3);
        entry(b, 0x010F, 2, make.length, 50);
        b.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        entry(b, 0x8825, 4, 1, 66);
        b.putInt(0);
        b.put(make); // at 50, 16 bytes
        b.putShort((short) 4); // GPS IFD at 66
        b.putShort((short) 1)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'N')
                .put((byte) 0)
                .putShort((short) 0);
        entry(b, 2, 5, 3, 120);
        b.putShort((short) 3)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'W')
                .put((byte) 0)
                .putShort((short) 0);
        entry(b, 4, 5, 3, 144);
        b.putInt(0);
        b.put(LATITUDE);
        b.put(rationals(0, 1, 7, 1, 3999, 100));
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static byte[] rationals(int... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4);
        for (int x : v) b.putInt(x);
        return b.array();
    }

    /** A drawn picture: a coloured field, a white disc, and a red block in its top-left corner. */
    public static BufferedImage picture(int width, int height, Color color) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 5, height / 5);
        g.dispose();
        return img;
    }

    public static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) throw new IllegalStateException("no writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG with an APP1 "Exif" segment (orientation, GPS) right after its start marker, as cameras write it. */
    public static byte[] jpegWithExif(BufferedImage img, int orientation) {
        byte[] plain = encode(img, "jpeg");
        byte[] tiff = tiff(orientation);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        int len = 2 + 6 + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tiff);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG with an eXIf chunk (GPS) and a tEXt chunk naming a place, before its image data. */
    public static byte[] pngWithExif(BufferedImage img) {
        byte[] plain = encode(img, "png");
        int ihdrEnd = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, ihdrEnd);
        out.writeBytes(chunk("eXIf", tiff(1)));
        out.writeBytes(chunk("tEXt", ("Comment\0" + PNG_TEXT).getBytes(StandardCharsets.ISO_8859_1)));
        out.write(plain, ihdrEnd, plain.length - ihdrEnd);
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        b.putInt(data.length).put(t).put(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** True when the bytes still carry an EXIF or XMP block, the camera's name, the GPS latitude or the PNG text. */
    public static boolean carriesMetadata(byte[] b) {
        return indexOf(b, "Exif".getBytes(StandardCharsets.US_ASCII)) >= 0
                || indexOf(b, "eXIf".getBytes(StandardCharsets.US_ASCII)) >= 0
                || indexOf(b, "EXIF".getBytes(StandardCharsets.US_ASCII)) >= 0
                || indexOf(b, "XMP ".getBytes(StandardCharsets.US_ASCII)) >= 0
                || indexOf(b, "GPSLatitude".getBytes(StandardCharsets.US_ASCII)) >= 0
                || indexOf(b, CAMERA.getBytes(StandardCharsets.US_ASCII)) >= 0
                || indexOf(b, PNG_TEXT.getBytes(StandardCharsets.US_ASCII)) >= 0
                || indexOf(b, LATITUDE) >= 0;
    }

    public static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** Writes the TIFF block to a file, for making the WebP fixture with webpmux. */
    public static void main(String[] args) throws IOException {
        java.nio.file.Files.write(java.nio.file.Path.of(args[0]), tiff(1));
        ImageIO.write(picture(64, 48, new Color(30, 90, 160)), "png", new java.io.File(args[1]));
    }
}
