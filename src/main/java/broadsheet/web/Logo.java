package broadsheet.web;

import io.javalin.http.Context;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import javax.imageio.ImageIO;

/**
 * The publisher logo that structured data points at (600x60, the size news search engines ask
 * for), drawn from the paper's name so a new site has one before a designer makes one.
 */
public final class Logo {

    private final Chrome chrome;
    private volatile String drawnFor;
    private volatile PageCache.Page page;

    public Logo(Chrome chrome) {
        this.chrome = chrome;
    }

    public void serve(Context ctx) {
        String name = chrome.site().name();
        if (!name.equals(drawnFor)) {
            page = PageCache.Page.of(draw(name), "image/png", Instant.EPOCH, "logo");
            drawnFor = name;
        }
        PageCache.send(ctx, page, "public, max-age=86400");
    }

    static byte[] draw(String name) {
        BufferedImage img = new BufferedImage(600, 60, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int size = 40;
        Font font;
        FontMetrics fm;
        do {
            font = new Font(Font.SERIF, Font.BOLD, size--);
            fm = g.getFontMetrics(font);
        } while (fm.stringWidth(name) > 580 && size > 10);
        g.setFont(font);
        g.setColor(new Color(0x1a, 0x1a, 0x1a));
        g.drawString(name, (600 - fm.stringWidth(name)) / 2, (60 - fm.getHeight()) / 2 + fm.getAscent());
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
