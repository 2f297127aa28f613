package broadsheet.media;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Turns pixels upright as the EXIF orientation tag (1 to 8) says. Phones store portrait photos
 * sideways and set this tag; once the EXIF block is removed, the pixels themselves must be turned.
 */
final class Orientation {
    private Orientation() {}

    static BufferedImage upright(BufferedImage src, int orientation) {
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> {
                t.translate(w, 0);
                t.scale(-1, 1);
            } // mirrored
            case 3 -> {
                t.translate(w, h);
                t.rotate(Math.PI);
            } // upside down
            case 4 -> {
                t.translate(0, h);
                t.scale(1, -1);
            } // flipped vertically
            case 5 -> {
                t.rotate(Math.PI / 2);
                t.scale(1, -1);
            } // transposed
            case 6 -> {
                t.translate(h, 0);
                t.rotate(Math.PI / 2);
            } // turned a quarter right
            case 7 -> {
                t.scale(-1, 1);
                t.translate(-h, 0);
                t.translate(0, w);
                t.rotate(-Math.PI / 2);
            } // transversed
            case 8 -> {
                t.translate(0, w);
                t.rotate(-Math.PI / 2);
            } // turned a quarter left
            default -> {
                return src;
            }
        }
        BufferedImage out = new BufferedImage(
                swap ? h : w,
                swap ? w : h,
                src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, t, null);
        g.dispose();
        return out;
    }
}
