package broadsheet.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Draws the demo edition's photos in code, so the repository carries no binary images. The scene
 * comes from a keyword in the photo id (portrait, parliament, harbour, map, chart, landscape, interior,
 * theatre); a trailing number picks the light (1 day, 2 dusk, 3 night, 4 overcast, then round again),
 * the chart type (1 bars, 2 lines, 3 steps) or a variant (theatre-2 puts a chair in the spotlight).
 * Every random detail is seeded by the id, so an id always gives the same PNG bytes. Scenes are drawn
 * on a canvas 1000 units high, scaled to the requested size; nothing is lettered, so no fonts are needed.
 */
public final class DemoPhotos {

    private static final String[] SCENES = {
        "portrait", "parliament", "harbour", "map", "chart", "landscape", "interior", "theatre"
    };
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,6})$");
    private static final Color WHITE = Color.WHITE;
    /** Portrait backgrounds: teal, mustard, rose, slate blue, sage, terracotta. */
    static final Color[] PORTRAIT_BACKGROUNDS = {
        rgb(38, 122, 122), rgb(212, 168, 58), rgb(198, 108, 122), rgb(78, 98, 150), rgb(128, 160, 118), rgb(194, 98, 68)
    };
    /** Sky and water gradients (top, bottom) for light 1 day, 2 dusk, 3 night, 4 overcast. */
    private static final Color[][] SKIES = {
        {rgb(70, 140, 210), rgb(206, 228, 242)},
        {rgb(58, 44, 104), rgb(246, 154, 92)},
        {rgb(8, 14, 38), rgb(36, 58, 98)},
        {rgb(118, 126, 136), rgb(204, 208, 212)}
    };

    private static final Color[][] WATERS = {
        {rgb(46, 110, 170), rgb(18, 58, 104)},
        {rgb(120, 80, 110), rgb(40, 30, 70)},
        {rgb(20, 32, 62), rgb(6, 12, 28)},
        {rgb(96, 110, 120), rgb(48, 60, 70)}
    };
    private static final double[] DIM = {1.0, 0.85, 0.6, 0.9};
    private static final Color[] BOXES = {
        rgb(196, 58, 48), rgb(36, 92, 160), rgb(46, 130, 90), rgb(232, 150, 40), rgb(40, 150, 160), rgb(150, 60, 110)
    };

    private DemoPhotos() {}

    /** Reads the {@code photos} list of a content file and draws each photo to {@code outDir/<file>}. */
    public static void writeAll(Path jsonFile, Path outDir) throws IOException {
        JsonNode photos = new ObjectMapper().readTree(jsonFile.toFile()).path("photos");
        Path root = outDir.toAbsolutePath().normalize();
        for (JsonNode p : photos) {
            String id = p.path("id").asText(""), file = p.path("file").asText("");
            if (id.isBlank() || file.isBlank()) throw new IOException("photo entry needs an id and a file: " + p);
            Path target = root.resolve(file).normalize();
            if (!target.startsWith(root)) throw new IOException("photo file lies outside the output folder: " + file);
            Files.createDirectories(target.getParent());
            Files.write(target, draw(id, null, scene(id, null).equals("portrait") ? 800 : 1600, 1000));
        }
    }

    /** PNG bytes of the picture for {@code id}; a scene name in {@code kindHint} overrides the id's keyword. */
    public static byte[] draw(String id, String kindHint, int width, int height) {
        if (width <= 0 || height <= 0)
            throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        String scene = scene(id, kindHint);
        try {
            g.setRenderingHints(Map.of(
                    RenderingHints.KEY_ANTIALIASING,
                    RenderingHints.VALUE_ANTIALIAS_ON,
                    RenderingHints.KEY_RENDERING,
                    RenderingHints.VALUE_RENDER_QUALITY,
                    RenderingHints.KEY_STROKE_CONTROL,
                    RenderingHints.VALUE_STROKE_PURE));
            double s = height / 1000.0, w = width / s;
            g.scale(s, s);
            Random r = new Random(seed(id));
            int n = number(id), light = Math.floorMod(n - 1, 4) + 1;
            switch (scene) {
                case "portrait" -> portrait(g, w, id, r);
                case "parliament" -> parliament(g, w, light, r);
                case "harbour" -> harbour(g, w, light, r);
                case "map" -> map(g, w, r);
                case "chart" -> chart(g, w, n, r);
                case "interior" -> interior(g, w, r);
                case "theatre" -> theatre(g, w, n, r);
                default -> landscape(g, w, light, r);
            }
            if (!scene.equals("chart")) vignette(g, w);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String scene(String id, String hint) {
        for (String k : SCENES) if (k.equalsIgnoreCase(hint)) return k;
        String lower = id.toLowerCase(Locale.ROOT);
        for (String k : SCENES) if (lower.contains(k)) return k;
        return "landscape";
    }

    static long seed(String id) {
        long h = 1125899906842597L;
        for (int i = 0; i < id.length(); i++) h = 31 * h + id.charAt(i);
        return h;
    }

    private static int number(String id) {
        Matcher m = NUMBER.matcher(id);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    // ---- scenes ---------------------------------------------------------------------------------

    private static void portrait(Graphics2D g, double w, String id, Random r) {
        Color bg = PORTRAIT_BACKGROUNDS[(int) Math.floorMod(seed(id) >> 9, PORTRAIT_BACKGROUNDS.length)],
                ink = rgb(34, 36, 44);
        double cx = w / 2;
        fill(g, rect(0, 0, w, 1000), vgrad(0, shade(bg, 1.25), 1000, shade(bg, 0.8)));
        fill(g, oval(cx, 420, 300, 300), alpha(WHITE, 56));
        if (r.nextBoolean()) { // hair falling to the shoulders
            Path2D hair = new Path2D.Double();
            hair.moveTo(cx - 178, 700);
            hair.curveTo(cx - 150, 560, cx - 176, 262, cx, 262);
            hair.curveTo(cx + 176, 262, cx + 150, 560, cx + 178, 700);
            fill(g, hair, ink);
        }
        fill(g, new RoundRectangle2D.Double(cx - 310, 720, 620, 520, 300, 260), ink);
        rects(g, ink, cx - 58, 560, 116, 200);
        fill(g, oval(cx, 440, 128, 162), ink);
        if (r.nextBoolean()) fill(g, oval(cx, 272, 62, 50), ink); // a bun
    }

    private static void parliament(Graphics2D g, double w, int light, Random r) {
        sky(g, w, light, r);
        double dim = DIM[light - 1], cx = w / 2, left = w * 0.14, right = w * 0.86, pl = w * 0.31, pr = w * 0.69;
        Color stone = shade(rgb(232, 224, 204), dim), shadow = shade(stone, 0.72);
        fill(g, rect(0, 790, w, 210), vgrad(790, shade(rgb(96, 150, 84), dim), 1000, shade(rgb(58, 108, 58), dim)));
        fill(g, poly(cx - 80, 790, cx + 80, 790, w * 0.7, 1000, w * 0.3, 1000), shade(rgb(214, 204, 182), dim));
        rects(g, shade(rgb(70, 70, 70), dim), cx - 2, 30, 4, 100); // flag pole, green-and-white flag
        rects(g, shade(rgb(40, 130, 80), dim), cx + 2, 32, 76, 20);
        rects(g, shade(rgb(245, 245, 240), dim), cx + 2, 52, 76, 20);
        fill(g, new Arc2D.Double(cx - 140, 140, 280, 240, 0, 180, Arc2D.CHORD), stone); // dome on a columned drum
        rects(g, stone, cx - 16, 110, 32, 40);
        rects(g, shadow, cx - 125, 260, 250, 110, left - 10, 418, right - left + 20, 20);
        for (int i = 0; i < 9; i++) rects(g, stone, cx - 115 + i * 28, 270, 10, 100);
        rects(g, stone, left, 436, right - left, 354);
        Color win = light == 2 || light == 3 ? rgb(255, 206, 118) : shade(rgb(70, 84, 104), dim);
        for (double x = left + 30; x < right - 50; x += 62) {
            if (x + 34 < pl - 30 || x > pr + 30) rects(g, win, x, 480, 34, 96, x, 630, 34, 96);
        }
        rects(g, shade(stone, 0.55), pl, 430, pr - pl, 330); // portico: pediment over eight columns
        fill(g, poly(pl - 24, 436, cx, 318, pr + 24, 436), stone);
        pen(g, 6, shadow).draw(poly(pl - 2, 426, cx, 338, pr + 2, 426));
        rects(g, stone, pl - 24, 436, pr - pl + 48, 26);
        for (int i = 0; i < 8; i++) {
            double x = pl + 10 + i * (pr - pl - 56) / 7;
            fill(g, rect(x, 462, 36, 282), new GradientPaint((float) x, 0, stone, (float) (x + 36), 0, shadow));
            rects(g, stone, x - 6, 462, 48, 14, x - 6, 732, 48, 14);
        }
        for (int i = 0; i < 5; i++) {
            rects(g, i % 2 == 0 ? stone : shade(stone, 0.88), pl - 30 - i * 20, 746 + i * 9, pr - pl + 60 + i * 40, 9);
        }
    }

    private static void harbour(Graphics2D g, double w, int light, Random r) {
        sky(g, w, light, r);
        double dim = DIM[light - 1];
        rects(g, shade(rgb(150, 150, 150), dim), 0, 590, w, 60); // the quay and its stacked containers
        rects(g, shade(rgb(88, 88, 94), dim), 0, 650, w, 26);
        for (double x = 20; x < w - 100; x += 96) {
            int stack = r.nextDouble() < 0.15 ? 0 : 1 + r.nextInt(4);
            for (int k = 0; k < stack; k++) container(g, x, 556 - k * 36, 92, 34, pick(BOXES, r), dim);
        }
        Color crane = shade(rgb(226, 96, 44), dim);
        for (int i = 0; i < 3; i++) { // three gantry cranes
            double x = w * (0.16 + 0.27 * i) + r.nextDouble() * 40;
            rects(
                    g, crane, x, 250, 16, 340, x + 130, 250, 16, 340, x, 420, 146, 12, x - 120, 236, 400, 20, x + 64,
                    150, 16, 90);
            rects(g, shade(crane, 0.7), x + 34, 256, 80, 40);
            Graphics2D p = pen(g, 5, crane);
            p.draw(line(x + 8, 430, x + 138, 580));
            p.draw(line(x - 116, 240, x + 72, 152, x + 276, 240));
        }
        fill(g, rect(0, 676, w, 324), vgrad(676, WATERS[light - 1][0], 1000, WATERS[light - 1][1]));
        double sx = w * (0.1 + r.nextDouble() * 0.1), sl = w * 0.6; // a container ship with a white bridge
        for (double x = sx + 130; x < sx + sl - 60; x += 52) {
            int stack = 1 + r.nextInt(3);
            for (int k = 0; k < stack; k++) container(g, x, 660 - k * 30, 50, 30, pick(BOXES, r), dim);
        }
        Color hull = shade(rgb(34, 40, 58), dim);
        rects(g, shade(rgb(240, 240, 236), dim), sx + 24, 586, 92, 104);
        rects(g, shade(rgb(40, 50, 60), dim), sx + 30, 598, 80, 14);
        fill(g, poly(sx, 690, sx + sl + 30, 690, sx + sl - 20, 800, sx + 20, 800), hull);
        rects(g, shade(rgb(170, 40, 40), dim), sx + 24, 790, sl - 50, 8);
        rects(g, alpha(hull, 80), sx + 30, 802, sl - 60, 46);
        for (int i = 0; i < 160; i++) {
            rects(g, alpha(WHITE, 40), r.nextDouble() * w, 700 + r.nextDouble() * 300, 20 + r.nextDouble() * 55, 2);
        }
    }

    private static void map(Graphics2D g, double w, Random r) {
        fill(g, rect(0, 0, w, 1000), vgrad(0, rgb(84, 150, 196), 1000, rgb(44, 104, 160)));
        Graphics2D grid = pen(g, 1.5f, alpha(WHITE, 40));
        for (double x = 80; x < w; x += 160) grid.draw(line(x, 0, x, 1000));
        for (double y = 80; y < 1000; y += 160) grid.draw(line(0, y, w, y));
        double[] p = {r.nextDouble() * 6.28, r.nextDouble() * 6.28, r.nextDouble() * 6.28, r.nextDouble() * 6.28};
        DoubleUnaryOperator west = y -> w * 0.28 + 90 * Math.sin(y * 0.006 + p[0]) + 36 * Math.sin(y * 0.019 + p[1]);
        DoubleUnaryOperator east = y -> w * 0.76 + 70 * Math.sin(y * 0.005 + p[2]) + 30 * Math.sin(y * 0.021 + p[3]);
        double[][] ports = {
            {west.applyAsDouble(240), 240},
            {east.applyAsDouble(360), 360},
            {west.applyAsDouble(620), 620},
            {east.applyAsDouble(790), 790}
        };
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1, new float[] {22, 16}, 0));
        g.setPaint(alpha(WHITE, 230)); // dashed routes, drawn under the land
        for (int i = 0; i < 4; i += 2) {
            g.draw(new QuadCurve2D.Double(
                    ports[i][0], ports[i][1], w * 0.52, ports[i][1] + 200, ports[i + 1][0], ports[i + 1][1]));
        }
        Path2D[] lands = {coast(0, west), coast(w, east)}; // green land west, sand land east
        for (int i = 0; i < 2; i++) {
            pen(g, 28, alpha(WHITE, 45)).draw(lands[i]);
            fill(g, lands[i], i == 0 ? rgb(186, 206, 150) : rgb(216, 200, 156));
            pen(g, 4, rgb(112, 132, 96)).draw(lands[i]);
        }
        for (double[] q : ports) {
            fill(g, oval(q[0], q[1], 20, 20), WHITE);
            fill(g, oval(q[0], q[1], 13, 13), rgb(210, 46, 46));
        }
        double cx = w * 0.52, cy = 120; // compass star, its north point navy
        fill(
                g,
                poly(
                        cx, cy - 70, cx + 16, cy - 16, cx + 70, cy, cx + 16, cy + 16, cx, cy + 70, cx - 16, cy + 16,
                        cx - 70, cy, cx - 16, cy - 16),
                WHITE);
        fill(g, poly(cx, cy - 70, cx + 16, cy - 16, cx, cy, cx - 16, cy - 16), rgb(30, 50, 90));
    }

    private static void chart(Graphics2D g, double w, int n, Random r) {
        double x0 = 140, x1 = w - 100, y0 = 880, step = (x1 - x0) / 8;
        rects(g, rgb(248, 246, 240), 0, 0, w, 1000);
        for (double y = y0 - 95; y > 120; y -= 95) rects(g, rgb(222, 218, 208), x0, y - 1, x1 - x0, 2);
        rects(g, rgb(70, 70, 76), x0 - 3, 120, 4, y0 - 120, x0 - 3, y0, x1 - x0 + 3, 4);
        if (n == 2) { // a climbing navy line and a level red one, each point marked with a dot
            double level = 540 + r.nextDouble() * 60;
            for (int k = 0; k < 2; k++) {
                double[] xy = new double[16];
                for (int i = 0; i < 8; i++) {
                    xy[2 * i] = x0 + step * (i + 0.5);
                    xy[2 * i + 1] = k == 0 ? 760 - i * 78 - r.nextDouble() * 30 : level + (r.nextDouble() - 0.5) * 24;
                }
                Color c = k == 0 ? rgb(32, 60, 110) : rgb(204, 52, 48);
                pen(g, 8, c).draw(line(xy));
                for (int i = 0; i < 16; i += 2) {
                    fill(g, oval(xy[i], xy[i + 1], 13, 13), c);
                    fill(g, oval(xy[i], xy[i + 1], 6, 6), WHITE);
                }
            }
        } else if (n == 3) { // a teal line rising in three steps, then flat, shaded beneath
            double[] xy = new double[36];
            for (int i = 0, y = 760; i < 8; i++) {
                if (i > 0 && i < 4) y -= 120 + r.nextInt(40);
                xy[4 * i] = x0 + step * i;
                xy[4 * i + 2] = x0 + step * (i + 1);
                xy[4 * i + 1] = xy[4 * i + 3] = y;
            }
            xy[32] = x1;
            xy[33] = xy[35] = y0;
            xy[34] = x0;
            fill(g, poly(xy), alpha(rgb(34, 150, 150), 60));
            pen(g, 8, rgb(24, 128, 128)).draw(line(Arrays.copyOf(xy, 32)));
        } else { // eight climbing navy bars, the last in orange
            for (int i = 0; i < 8; i++) {
                double h = 180 + i * 70 + r.nextDouble() * 40;
                rects(g, i == 7 ? rgb(226, 104, 44) : rgb(32, 60, 110), x0 + step * (i + 0.18), y0 - h, step * 0.64, h);
            }
        }
    }

    private static void landscape(Graphics2D g, double w, int light, Random r) {
        sky(g, w, light, r);
        double dim = DIM[light - 1];
        Color[] greens = {rgb(122, 162, 150), rgb(94, 152, 82), rgb(52, 106, 58)};
        for (int layer = 0; layer < 3; layer++) { // three layers of hills
            double p1 = r.nextDouble() * 6.28, p2 = r.nextDouble() * 6.28, f = 0.002 + r.nextDouble() * 0.002;
            double b = 560 + layer * 135, a = 70 - layer * 13;
            DoubleUnaryOperator ridge = x -> b + a * Math.sin(x * f + p1) + a * 0.4 * Math.sin(x * f * 2.3 + p2);
            Color c = shade(greens[layer], dim);
            fill(g, under(w, ridge), vgrad(b - a, c, 1000, shade(c, 0.7)));
            for (int t = 0; layer == 1 && t < 7; t++) { // round trees along the middle ridge
                double x = w * (0.08 + t * 0.13) + r.nextDouble() * 60, y = ridge.applyAsDouble(x) + 6;
                rects(g, shade(rgb(84, 60, 40), dim), x - 5, y - 30, 10, 34);
                fill(g, oval(x, y - 48, 28, 30), shade(rgb(34, 80, 42), dim));
            }
        }
    }

    private static void interior(Graphics2D g, double w, Random r) {
        fill(g, rect(0, 0, w, 760), vgrad(0, rgb(240, 232, 214), 760, rgb(220, 206, 180)));
        rects(g, rgb(180, 160, 130), 0, 740, w, 20);
        fill(g, rect(0, 760, w, 240), vgrad(760, rgb(170, 120, 78), 1000, rgb(118, 78, 48)));
        Graphics2D planks = pen(g, 2, rgb(100, 66, 40));
        for (int i = -6; i <= 20; i++) planks.draw(line(w / 2 + (i * w / 14 - w / 2) * 0.55, 760, i * w / 14, 1000));
        double ww = w * 0.1;
        for (double x : new double[] {w * 0.05, w * 0.85}) { // two tall arched windows, light falling on the floor
            Path2D win = new Path2D.Double(rect(x, 260, ww, 420));
            win.append(new Ellipse2D.Double(x, 200, ww, 120), false);
            fill(g, win, vgrad(200, rgb(196, 224, 244), 680, rgb(242, 248, 252)));
            Graphics2D frame = pen(g, 8, rgb(150, 128, 98));
            frame.draw(line(x + ww / 2, 210, x + ww / 2, 680));
            frame.draw(line(x, 470, x + ww, 470));
            frame.draw(new Arc2D.Double(x, 200, ww, 120, 0, 180, Arc2D.OPEN));
            frame.draw(line(x, 260, x, 680, x + ww, 680, x + ww, 260));
            fill(
                    g,
                    poly(x, 762, x + ww, 762, x + ww * 2.4 - w * 0.05, 1000, x + ww * 0.6 - w * 0.05, 1000),
                    alpha(WHITE, 36));
        }
        Color[] paint = {rgb(40, 70, 120), rgb(200, 90, 60), rgb(230, 190, 80), rgb(70, 130, 100), rgb(150, 60, 90)};
        for (double cx : new double[] {w * 0.3, w * 0.5, w * 0.7}) { // three framed abstract pictures
            double fw = w * 0.13, fh = 260, fx = cx - fw / 2, fy = 300;
            int c = r.nextInt(paint.length);
            rects(g, rgb(176, 140, 70), fx - 16, fy - 16, fw + 32, fh + 32);
            rects(g, paint[c], fx, fy, fw, fh);
            rects(
                    g,
                    paint[(c + 1 + r.nextInt(4)) % paint.length],
                    fx,
                    fy + fh * (0.5 + r.nextDouble() * 0.3),
                    fw,
                    fh * 0.2);
            fill(
                    g,
                    oval(fx + fw * (0.3 + r.nextDouble() * 0.4), fy + fh * 0.35, fw * 0.18, fw * 0.18),
                    rgb(240, 234, 220));
        }
        rects(g, rgb(84, 56, 38), w * 0.4, 820, w * 0.2, 26); // a low bench
        rects(g, rgb(70, 46, 30), w * 0.41, 846, 14, 50, w * 0.59 - 14, 846, 14, 50);
    }

    private static void theatre(Graphics2D g, double w, int n, Random r) {
        fill(g, rect(0, 0, w, 1000), vgrad(0, rgb(44, 30, 36), 700, rgb(18, 12, 16)));
        fill(g, poly(w * 0.12, 700, w * 0.88, 700, w, 880, 0, 880), vgrad(700, rgb(130, 84, 50), 880, rgb(90, 56, 34)));
        double sx = w * (0.42 + r.nextDouble() * 0.16); // spotlight and its pool of light
        fill(g, poly(w / 2 - 30, 0, w / 2 + 30, 0, sx + 180, 790, sx - 180, 790), alpha(rgb(255, 240, 190), 46));
        fill(g, oval(sx, 790, 200, 48), alpha(rgb(255, 236, 170), 110));
        fill(g, oval(sx, 790, 140, 32), alpha(rgb(255, 244, 210), 120));
        if (n == 2) { // a lone wooden chair in the spotlight
            rects(
                    g,
                    rgb(120, 74, 40),
                    sx - 40,
                    740,
                    80,
                    12,
                    sx - 40,
                    752,
                    8,
                    50,
                    sx + 32,
                    752,
                    8,
                    50,
                    sx + 30,
                    650,
                    10,
                    94,
                    sx - 40,
                    650,
                    10,
                    94,
                    sx - 40,
                    660,
                    80,
                    12);
        }
        for (double c : new double[] {0, w * 0.84}) { // red curtains and a scalloped valance
            fill(
                    g,
                    rect(c, 0, w * 0.16, 880),
                    new GradientPaint((float) c, 0, rgb(170, 26, 36), (float) c + 36, 0, rgb(100, 12, 22), true));
        }
        fill(g, rect(0, 0, w, 90), new GradientPaint(0, 0, rgb(170, 26, 36), 50, 0, rgb(120, 16, 26), true));
        for (double x = 0; x < w + 60; x += 110) fill(g, oval(x, 90, 58, 30), rgb(150, 20, 30));
        rects(g, rgb(212, 170, 80), 0, 84, w, 6);
        for (int row = 0; row < 2; row++) { // seat backs in the stalls
            for (double x = -20 + row * 35; x < w; x += 70) {
                fill(g, new RoundRectangle2D.Double(x, 890 + row * 50, 60, 140, 22, 22), rgb(58 - row * 12, 30, 38));
                rects(g, rgb(90 - row * 12, 50, 58), x + 8, 896 + row * 50, 44, 4);
            }
        }
    }

    // ---- shared pieces --------------------------------------------------------------------------

    /** Light 1: clear day with a pale sun; 2: dusk with a low orange sun; 3: night, stars and moon; 4: overcast. */
    private static void sky(Graphics2D g, double w, int light, Random r) {
        fill(g, rect(0, 0, w, 1000), vgrad(0, SKIES[light - 1][0], 700, SKIES[light - 1][1]));
        if (light == 1 || light == 2) { // a pale sun high up, or a low orange one with its glow
            double y = light == 1 ? 150 : 330, rad = light == 1 ? 55 : 70;
            fill(
                    g,
                    oval(w * 0.89, y, rad * 1.7, rad * 1.7),
                    alpha(light == 1 ? rgb(255, 250, 220) : rgb(255, 200, 120), 85));
            fill(g, oval(w * 0.89, y, rad, rad), light == 1 ? rgb(255, 246, 200) : rgb(255, 170, 80));
        }
        for (int i = 0; light == 3 && i < 140; i++) { // stars
            double d = 1 + r.nextDouble() * 2.5;
            fill(g, oval(r.nextDouble() * w, r.nextDouble() * 520, d, d), alpha(WHITE, 120 + r.nextInt(135)));
        }
        if (light == 3) fill(g, oval(w * 0.86, 150, 45, 45), rgb(236, 232, 210));
        for (int i = 0; light == 4 && i < 16; i++) { // soft cloud bands
            fill(
                    g,
                    oval(
                            r.nextDouble() * w,
                            80 + r.nextDouble() * 300,
                            120 + r.nextDouble() * 160,
                            30 + r.nextDouble() * 30),
                    alpha(rgb(235, 236, 238), 70));
        }
    }

    private static void container(Graphics2D g, double x, double y, double w, double h, Color base, double dim) {
        Color c = shade(base, dim);
        rects(g, c, x, y, w, h);
        for (double rx = x + 6; rx < x + w - 6; rx += 10) rects(g, shade(c, 0.78), rx, y + 3, 3, h - 6);
    }

    /** The area below a curve y = f(x), down to the bottom edge. */
    private static Path2D under(double w, DoubleUnaryOperator f) {
        Path2D p = new Path2D.Double();
        p.moveTo(0, 1010);
        for (double x = 0; x <= w + 10; x += 8) p.lineTo(x, f.applyAsDouble(x));
        p.lineTo(w + 10, 1010);
        p.closePath();
        return p;
    }

    /** The land between the side edge at {@code edgeX} and a coastline x = f(y). */
    private static Path2D coast(double edgeX, DoubleUnaryOperator f) {
        Path2D p = new Path2D.Double();
        p.moveTo(edgeX, -10);
        for (double y = -10; y <= 1010; y += 8) p.lineTo(f.applyAsDouble(y), y);
        p.lineTo(edgeX, 1010);
        p.closePath();
        return p;
    }

    private static void vignette(Graphics2D g, double w) {
        fill(
                g,
                rect(0, 0, w, 1000),
                new RadialGradientPaint(
                        new Point2D.Double(w / 2, 500),
                        (float) Math.hypot(w / 2, 500),
                        new float[] {0.6f, 1f},
                        new Color[] {new Color(0, 0, 0, 0), new Color(0, 0, 0, 70)}));
    }

    /** Fills rectangles given as x, y, width, height quadruples. */
    private static void rects(Graphics2D g, Paint p, double... xywh) {
        g.setPaint(p);
        for (int i = 0; i + 3 < xywh.length; i += 4) g.fill(rect(xywh[i], xywh[i + 1], xywh[i + 2], xywh[i + 3]));
    }

    private static Graphics2D pen(Graphics2D g, float width, Paint p) {
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setPaint(p);
        return g;
    }

    /** An open polyline through x, y pairs; {@link #poly} closes it. */
    private static Path2D line(double... xy) {
        Path2D p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) p.lineTo(xy[i], xy[i + 1]);
        return p;
    }

    private static Path2D poly(double... xy) {
        Path2D p = line(xy);
        p.closePath();
        return p;
    }

    private static void fill(Graphics2D g, Shape s, Paint p) {
        g.setPaint(p);
        g.fill(s);
    }

    private static Rectangle2D rect(double x, double y, double w, double h) {
        return new Rectangle2D.Double(x, y, w, h);
    }

    private static Ellipse2D oval(double cx, double cy, double rx, double ry) {
        return new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry);
    }

    private static GradientPaint vgrad(double y0, Color a, double y1, Color b) {
        return new GradientPaint(0, (float) y0, a, 0, (float) y1, b);
    }

    private static Color pick(Color[] colors, Random r) {
        return colors[r.nextInt(colors.length)];
    }

    private static Color rgb(int r, int g, int b) {
        return new Color(r, g, b);
    }

    private static Color alpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    private static Color shade(Color c, double f) {
        return new Color(clamp(c.getRed() * f), clamp(c.getGreen() * f), clamp(c.getBlue() * f), c.getAlpha());
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
