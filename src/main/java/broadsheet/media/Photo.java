package broadsheet.media;

import java.util.StringJoiner;

/** A stored photo and what readers are told about it. {@code fileKey} names the original's bytes (sha-256). */
public record Photo(
        long id,
        String fileKey,
        String mimeType,
        int width,
        int height,
        String caption,
        String credit,
        String altText) {

    /** Widths that derivatives are made at (never wider than the original). */
    public static final int[] WIDTHS = {320, 640, 960, 1280, 1920};

    /** The URL of the derivative closest to {@code wanted} pixels wide. */
    public String src(int wanted) {
        return MediaFiles.derivativeUrl(fileKey, fit(wanted));
    }

    public String srcset() {
        StringJoiner j = new StringJoiner(", ");
        for (int w : WIDTHS) {
            if (w >= width) {
                j.add(MediaFiles.derivativeUrl(fileKey, width) + " " + width + "w");
                break;
            }
            j.add(MediaFiles.derivativeUrl(fileKey, w) + " " + w + "w");
        }
        return j.toString();
    }

    /** Height at the given display width, keeping the aspect ratio. */
    public int heightAt(int w) {
        return Math.round((float) height * fit(w) / width);
    }

    public int fit(int wanted) {
        for (int w : WIDTHS) if (w >= wanted) return Math.min(w, width);
        return Math.min(WIDTHS[WIDTHS.length - 1], width);
    }
}
