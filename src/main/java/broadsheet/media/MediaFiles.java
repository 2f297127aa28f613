package broadsheet.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Photo files under the data dir: originals stored once by content hash, JPEG derivatives
 * made once per width on first request and kept. Names are content-addressed, so every
 * derivative URL is immutable.
 */
public final class MediaFiles {

    private static final Pattern DERIVATIVE = Pattern.compile("([0-9a-f]{64})-w(\\d{2,4})\\.jpg");

    private final Path originals;
    private final Path derived;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    public MediaFiles(Path mediaDir) {
        this.originals = mediaDir.resolve("originals");
        this.derived = mediaDir.resolve("derived");
        try {
            Files.createDirectories(originals);
            Files.createDirectories(derived);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an upload turned out to be once its bytes were read. */
    public record Stored(String fileKey, String mimeType, int width, int height) {}

    /** Thrown when bytes are not a JPEG, PNG or WebP image we can read. */
    public static final class NotAnImage extends Exception {
        public NotAnImage(String message) {
            super(message);
        }
    }

    /** Checks the bytes are a readable image (by content, not name) and stores them once. */
    public Stored store(byte[] bytes) throws NotAnImage {
        String mime = sniff(bytes).orElseThrow(() -> new NotAnImage("not a JPEG, PNG or WebP image"));
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new NotAnImage("the image data is damaged (" + e.getMessage() + ")");
        }
        if (img == null) throw new NotAnImage("the image data cannot be read");
        String key = sha256(bytes);
        Path target = originals.resolve(key);
        if (!Files.exists(target)) writeAtomically(target, bytes);
        return new Stored(key, mime, img.getWidth(), img.getHeight());
    }

    public static String derivativeUrl(String fileKey, int width) {
        return "/media/" + fileKey + "-w" + width + ".jpg";
    }

    /** The derivative named by a URL file name, made on first request; empty if the name or original is unknown. */
    public Optional<Path> derivative(String fileName) {
        Matcher m = DERIVATIVE.matcher(fileName);
        if (!m.matches()) return Optional.empty();
        Path out = derived.resolve(fileName);
        if (Files.exists(out)) return Optional.of(out);
        Path original = originals.resolve(m.group(1));
        if (!Files.exists(original)) return Optional.empty();
        int width = Integer.parseInt(m.group(2));
        Object lock = locks.computeIfAbsent(fileName, k -> new Object());
        synchronized (lock) {
            try {
                if (!Files.exists(out)) makeDerivative(original, width, out);
                return Optional.of(out);
            } finally {
                locks.remove(fileName);
            }
        }
    }

    private void makeDerivative(Path original, int width, Path out) {
        try {
            BufferedImage src = ImageIO.read(original.toFile());
            if (src == null || width > src.getWidth() || !allowed(width, src.getWidth())) {
                throw new IllegalArgumentException("no such size");
            }
            BufferedImage scaled = Thumbnails.of(src).width(width).asBufferedImage();
            BufferedImage rgb = new BufferedImage(scaled.getWidth(), scaled.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(scaled, 0, 0, null);
            g.dispose();
            Path tmp = Files.createTempFile(out.getParent(), "tmp", ".jpg");
            try (OutputStream os = Files.newOutputStream(tmp); ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
                ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
                ImageWriteParam p = writer.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(0.82f);
                writer.setOutput(ios);
                writer.write(null, new IIOImage(rgb, null, null), p); // no metadata: EXIF and GPS never reach readers
                writer.dispose();
            }
            move(tmp, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only the standard widths, or the original's own width when it is narrower than the next standard one. */
    private static boolean allowed(int width, int originalWidth) {
        for (int w : Photo.WIDTHS) if (w == width) return true;
        return width == originalWidth;
    }

    static Optional<String> sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) return Optional.of("image/jpeg");
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return Optional.of("image/png");
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return Optional.of("image/webp");
        return Optional.empty();
    }

    /** Reads an image's size without decoding all of it. */
    static int[] dimensions(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException("unknown image format");
            ImageReader r = readers.next();
            r.setInput(in);
            return new int[] {r.getWidth(0), r.getHeight(0)};
        }
    }

    public Path original(String fileKey) {
        return originals.resolve(fileKey);
    }

    private static void writeAtomically(Path target, byte[] bytes) {
        try {
            Path tmp = Files.createTempFile(target.getParent(), "tmp", ".part");
            Files.write(tmp, bytes);
            move(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
