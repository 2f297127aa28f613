package broadsheet.articles;

import broadsheet.web.SafeLinks;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Turns an article body (CommonMark) into blocks for the page: runs of HTML, and the
 * related-story links and newsletter promo that editors place between paragraphs with a
 * paragraph of its own: {@code [[related:slug]]} or {@code [[newsletter:slug]]}.
 * Raw HTML in a body is shown as text, never passed through; links and images keep only the
 * addresses {@link SafeLinks} allows.
 */
public final class BodyRenderer {

    public static final Pattern MARKER = Pattern.compile("\\[\\[(related|newsletter):([a-z0-9]+(?:-[a-z0-9]+)*)]]");

    public sealed interface Block permits Html, Related, Promo {}

    public record Html(String html) implements Block {}

    public record Related(String slug) implements Block {}

    public record Promo(String slug) implements Block {}

    private static final Parser SPANS =
            Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = SafeLinks.renderer().build();

    /**
     * What was made of each body lately, by its text: a body is the same Markdown until it is saved again,
     * so it is parsed and turned into HTML once rather than on every render (a changed body is a new key).
     * Bounded by the text held: about 8 MB of bodies, a few hundred articles.
     */
    private record Key(String body, String promo, int what) {}

    private static final int BLOCKS = 0;
    private static final int LONG_ENOUGH = 1;
    private static final int FIRST_PARAGRAPH = 2;

    private final Cache<Key, Object> made = Caffeine.newBuilder()
            .maximumWeight(4L * 1024 * 1024)
            .weigher((Key k, Object v) -> k.body().length() * (k.what() == BLOCKS ? 2 : 1) + 64)
            .build();

    /** An article shorter than this many paragraphs gets no newsletter promo unless its body places one. */
    public static final int PROMO_MIN_PARAGRAPHS = 4;

    /**
     * @param defaultPromo newsletter to place at the end when the body places none (may be null); the
     *     caller leaves it out for an article too short for a promo ({@link #longEnoughForPromo})
     */
    @SuppressWarnings("unchecked")
    public List<Block> render(String body, String defaultPromo) {
        return (List<Block>) made.get(new Key(body, defaultPromo, BLOCKS), k -> renderNow(body, defaultPromo));
    }

    private List<Block> renderNow(String body, String defaultPromo) {
        Node doc = parser.parse(body);
        List<Block> blocks = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        boolean promoPlaced =
                MARKER.matcher(body).results().anyMatch(m -> m.group(1).equals("newsletter"));
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            Matcher m = markerOf(n);
            if (m != null) {
                flush(html, blocks);
                blocks.add(m.group(1).equals("related") ? new Related(m.group(2)) : new Promo(m.group(2)));
                continue;
            }
            html.append(renderer.render(n));
        }
        flush(html, blocks);
        if (!promoPlaced && defaultPromo != null) blocks.add(new Promo(defaultPromo));
        return List.copyOf(blocks);
    }

    /** Whether a whole article body has paragraphs enough (markers aside) for the newsletter promo at its end. */
    public boolean longEnoughForPromo(String body) {
        return (Boolean) made.get(new Key(body, null, LONG_ENOUGH), k -> longEnoughNow(body));
    }

    private boolean longEnoughNow(String body) {
        int paragraphs = 0;
        for (Node n = parser.parse(body).getFirstChild(); n != null; n = n.getNext())
            if (n instanceof Paragraph && markerOf(n) == null) paragraphs++;
        return paragraphs >= PROMO_MIN_PARAGRAPHS;
    }

    /** Slugs of the related stories a body links to, in order. */
    public static List<String> relatedSlugs(String body) {
        return MARKER.matcher(body)
                .results()
                .filter(m -> m.group(1).equals("related"))
                .map(m -> m.group(2))
                .toList();
    }

    /**
     * The body cut in two Markdown sources just after its first paragraph: what everyone may read
     * of an article behind the paywall, and the rest. With no paragraph at all, everything is the rest.
     */
    public static String[] splitAfterFirstParagraph(String body) {
        Node doc = SPANS.parse(body);
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph
                    && markerOf(n) == null
                    && !n.getSourceSpans().isEmpty()) {
                SourceSpan last = n.getSourceSpans().get(n.getSourceSpans().size() - 1);
                int end = Math.min(body.length(), last.getInputIndex() + last.getLength());
                return new String[] {body.substring(0, end), body.substring(end)};
            }
        }
        return new String[] {"", body};
    }

    /** The first paragraph as plain text (for descriptions and previews). */
    public String firstParagraphText(String body) {
        return (String) made.get(new Key(body, null, FIRST_PARAGRAPH), k -> firstParagraphNow(body));
    }

    private String firstParagraphNow(String body) {
        for (Node n = parser.parse(body).getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph && markerOf(n) == null) {
                StringBuilder sb = new StringBuilder();
                collectText(n, sb);
                return sb.toString();
            }
        }
        return "";
    }

    private static Matcher markerOf(Node n) {
        if (!(n instanceof Paragraph) || !(n.getFirstChild() instanceof Text t) || t.getNext() != null) return null;
        Matcher m = MARKER.matcher(t.getLiteral().strip());
        return m.matches() ? m : null;
    }

    private static void collectText(Node n, StringBuilder sb) {
        if (n instanceof Text t) sb.append(t.getLiteral());
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) collectText(c, sb);
    }

    private static void flush(StringBuilder html, List<Block> blocks) {
        if (!html.isEmpty()) {
            blocks.add(new Html(html.toString()));
            html.setLength(0);
        }
    }
}
