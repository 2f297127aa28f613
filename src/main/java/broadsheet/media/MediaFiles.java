package broadsheet.media;

import broadsheet.web.Paths;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Photos: originals stored once by content hash (after their metadata is removed) in the database,
 * which every node shares; JPEG derivatives made once per width and node, on upload or on first
 * request, and kept in this node's disk cache under the data dir. Names are content-addressed, so
 * every derivative URL is immutable and the same on every node.
 */
public final class MediaFiles {

    private static final Logger LOG = LoggerFactory.getLogger(MediaFiles.class);
    private static final Pattern DERIVATIVE = Pattern.compile("([0-9a-f]{64})-w(\\d{2,4})\\.jpg");

    private final Jdbi jdbi;
    private final Path derived;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * @param mediaDir where this node keeps its derivatives ({@code derived/}); originals an earlier
     *     version kept under {@code originals/} are moved into the database here, once
     */
    public MediaFiles(Path mediaDir, Jdbi jdbi) {
        this.jdbi = jdbi;
        this.derived = mediaDir.resolve("derived");
        try {
            Files.createDirectories(derived);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        moveOldOriginals(mediaDir.resolve("originals"));
    }

    /** Originals kept on disk by versions before the database held them: stored, then removed from disk. */
    private void moveOldOriginals(Path dir) {
        if (!Files.isDirectory(dir)) return;
        int moved = 0;
        try (var files =
                Files.newDirectoryStream(dir, p -> p.getFileName().toString().matches("[0-9a-f]{64}"))) {
            for (Path p : files) {
                byte[] bytes = Files.readAllBytes(p);
                if (!sha256(bytes).equals(p.getFileName().toString())) continue; // not ours, or damaged: leave it
                jdbi.useHandle(h -> OriginalDao.insert(h, p.getFileName().toString(), bytes));
                Files.delete(p);
                moved++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the photo originals in " + dir + " into the database", e);
        }
        if (moved > 0) LOG.info("moved {} photo originals from {} into the database", moved, dir);
    }

    /**
     * What an upload turned out to be once its bytes were read; {@code embedded} is what its IPTC/XMP
     * said about it (caption, credit, alt text), read before that metadata was removed.
     */
    public record Stored(String fileKey, String mimeType, int width, int height, Embedded embedded) {}

    /**
     * An upload that has been checked and cleaned of metadata, not yet on disk: {@code bytes} are
     * what will be stored, {@code image} its decoded pixels (for making derivatives without decoding again).
     */
    public record Checked(
            byte[] bytes,
            String fileKey,
            String mimeType,
            int width,
            int height,
            BufferedImage image,
            Embedded embedded) {
        public Stored stored() {
            return new Stored(fileKey, mimeType, width, height, embedded);
        }
    }

    /** Thrown when bytes are not a JPEG, PNG or WebP image we can read. */
    public static final class NotAnImage extends Exception {

        /** Why, so a form can say it in its own words. */
        public enum Reason {
            NOT_AN_IMAGE,
            DAMAGED,
            TOO_MANY_PIXELS
        }

        private final Reason reason;

        public NotAnImage(String message) {
            this(Reason.NOT_AN_IMAGE, message);
        }

        public NotAnImage(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** Checks the bytes are a readable image (by content, not name) and stores them once, without metadata. */
    public Stored store(byte[] bytes) throws NotAnImage {
        Checked c = check(bytes);
        keep(c);
        return c.stored();
    }

    /**
     * Checks an upload without writing anything: its type from its first bytes, its structure,
     * every pixel decoded without a warning, its size in pixels. The caption, credit and alt text
     * its IPTC/XMP carry are read first ({@link Embedded}); then EXIF, GPS, XMP, IPTC and text
     * are removed (see {@link Metadata}); a JPEG the camera marked as rotated is turned upright
     * and re-encoded once, since the orientation tag goes with the EXIF block.
     */
    public static Checked check(byte[] upload) throws NotAnImage {
        String mime = sniff(upload)
                .orElseThrow(() -> new NotAnImage(NotAnImage.Reason.NOT_AN_IMAGE, "not a JPEG, PNG or WebP image"));
        Metadata.Cleaned cleaned = Metadata.strip(upload, mime);
        Embedded embedded = Embedded.read(upload); // after the structural check: only well-formed files get here
        byte[] bytes = cleaned.bytes();
        BufferedImage img = decode(bytes);
        if (cleaned.orientation() > 1) {
            img = Orientation.upright(img, cleaned.orientation());
            bytes = jpeg(img, 0.92f);
        }
        return new Checked(bytes, sha256(bytes), mime, img.getWidth(), img.getHeight(), img, embedded);
    }

    /** Stores a checked upload's original unless the same bytes are stored already; true when this call stored it. */
    public boolean keep(Checked c) {
        return jdbi.withHandle(h -> keep(h, c));
    }

    /** As {@link #keep(Checked)}, inside the caller's transaction: a rollback takes the original back too. */
    public boolean keep(Handle h, Checked c) {
        return OriginalDao.insert(h, c.fileKey(), c.bytes());
    }

    /** The stored original (metadata removed), if these bytes are stored. */
    public Optional<byte[]> original(String fileKey) {
        return jdbi.withHandle(h -> OriginalDao.find(h, fileKey));
    }

    /**
     * Removes an original, unless a photo row still names it, and this node's derivatives of it; other
     * nodes stop serving theirs, since a derivative is only served while its original is stored.
     */
    public void forget(String fileKey) {
        if (!fileKey.matches("[0-9a-f]{64}")) throw new IllegalArgumentException(fileKey);
        if (!jdbi.withHandle(h -> OriginalDao.deleteUnused(h, fileKey))) return;
        try {
            try (var s = Files.newDirectoryStream(derived, fileKey + "-w*.jpg")) {
                for (Path p : s) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the derivatives at these widths now, from pixels already decoded (uploads, so the library shows at once). */
    public void makeDerivatives(Checked c, int... widths) {
        for (int wanted : widths) {
            int w = Math.min(wanted, c.width());
            String name = c.fileKey() + "-w" + w + ".jpg";
            Path out = derived.resolve(name);
            Object lock = locks.computeIfAbsent(name, k -> new Object());
            synchronized (lock) {
                try {
                    if (!Files.exists(out)) writeDerivative(c.image(), w, out);
                } finally {
                    locks.remove(name);
                }
            }
        }
    }

    /** Most pixels an upload may have: decoding more would take too much memory. */
    public static final long MAX_PIXELS = 64_000_000L;

    private static BufferedImage decode(byte[] bytes) throws NotAnImage {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new NotAnImage(NotAnImage.Reason.DAMAGED, "the image data cannot be read");
            ImageReader r = readers.next();
            try {
                r.setInput(in, true, true);
                long pixels = (long) r.getWidth(0) * r.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new NotAnImage(
                            NotAnImage.Reason.TOO_MANY_PIXELS,
                            "the image is " + r.getWidth(0) + " × " + r.getHeight(0) + " pixels; at most "
                                    + MAX_PIXELS / 1_000_000 + " megapixels are accepted");
                }
                List<String> warnings = new ArrayList<>();
                r.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage img = r.read(0);
                if (img == null) throw new NotAnImage(NotAnImage.Reason.DAMAGED, "the image data cannot be read");
                // decoders paint over broken data and only warn: a warning means the pixels are not all there
                if (!warnings.isEmpty())
                    throw new NotAnImage(
                            NotAnImage.Reason.DAMAGED, "the image data is damaged (" + warnings.get(0) + ")");
                return img;
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new NotAnImage(NotAnImage.Reason.DAMAGED, "the image data is damaged (" + e.getMessage() + ")");
        }
    }

    public static String derivativeUrl(String fileKey, int width) {
        return Paths.media(fileKey + "-w" + width + ".jpg");
    }

    /**
     * The derivative named by a URL file name, made on this node's first request for it; empty if the
     * name or original is unknown (a photo deleted through another node included).
     */
    public Optional<Path> derivative(String fileName) {
        Matcher m = DERIVATIVE.matcher(fileName);
        if (!m.matches()) return Optional.empty();
        Path out = derived.resolve(fileName);
        if (Files.exists(out)) {
            if (jdbi.withHandle(h -> OriginalDao.exists(h, m.group(1)))) return Optional.of(out);
            deleteQuietly(out);
            return Optional.empty();
        }
        Optional<byte[]> original = original(m.group(1));
        if (original.isEmpty()) return Optional.empty();
        int width = Integer.parseInt(m.group(2));
        Object lock = locks.computeIfAbsent(fileName, k -> new Object());
        synchronized (lock) {
            try {
                if (!Files.exists(out)) makeDerivative(original.get(), width, out);
                return Optional.of(out);
            } finally {
                locks.remove(fileName);
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", p, e.getMessage());
        }
    }

    private void makeDerivative(byte[] original, int width, Path out) {
        BufferedImage src;
        try {
            src = ImageIO.read(new ByteArrayInputStream(original));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (src == null || width > src.getWidth() || !allowed(width, src.getWidth())) {
            throw new IllegalArgumentException("no such size");
        }
        writeDerivative(src, width, out);
    }

    private static void writeDerivative(BufferedImage src, int width, Path out) {
        try {
            BufferedImage scaled = Thumbnails.of(src).width(width).asBufferedImage();
            Path tmp = Files.createTempFile(out.getParent(), "tmp", ".jpg");
            Files.write(tmp, jpeg(scaled, 0.82f)); // no metadata: EXIF and GPS never reach readers
            move(tmp, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes as a baseline JPEG without any metadata, on white where the image was transparent. */
    private static byte[] jpeg(BufferedImage img, float quality) {
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(img, 0, 0, null);
        g.dispose();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bos)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(rgb, null, null), p);
            writer.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    /** Only the standard widths, or the original's own width when it is narrower than the next standard one. */
    private static boolean allowed(int width, int originalWidth) {
        for (int w : Photo.WIDTHS) if (w == width) return true;
        return width == originalWidth;
    }

    static Optional<String> sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff)
            return Optional.of("image/jpeg");
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G')
            return Optional.of("image/png");
        if (b.length > 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') return Optional.of("image/webp");
        return Optional.empty();
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
