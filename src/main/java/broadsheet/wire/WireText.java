package broadsheet.wire;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A wire story's body as the Markdown the article editor holds. HTML keeps its structure
 * (paragraphs, subheads, lists, quotes, emphasis, links to http(s) pages); anything else (scripts,
 * styles, forms, figures, embedded media) is dropped, and all text is escaped so that nothing the
 * agency sent is read as Markdown or HTML of ours: a "[[related:...]]" or a "<script>" in the copy
 * stays text.
 */
final class WireText {
    private WireText() {}

    private static final Pattern SAFE_LINK = Pattern.compile("(?i)^https?://[^\\s<>()]+$");

    /** HTML body to Markdown; a first heading repeating the headline is left out. */
    static String markdown(String html, String headline) {
        Document d = Jsoup.parse(html);
        d.select("script, style, head, figure, figcaption, iframe, object, embed, form, video, audio, noscript, svg")
                .remove();
        Element first = d.body().selectFirst("h1");
        if (first != null && first.text().strip().equalsIgnoreCase(headline.strip())) first.remove();
        StringBuilder out = new StringBuilder();
        blocks(d.body(), out, "");
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    /** Plain text: each non-empty line a paragraph (agencies send one paragraph a line). */
    static String paragraphs(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            if (!out.isEmpty()) out.append("\n\n");
            out.append(escape(l, true));
        }
        return out.toString();
    }

    /** Text that may hold markup, as plain text (decks and captions). */
    static String plain(String maybeHtml) {
        if (maybeHtml.indexOf('<') < 0 && maybeHtml.indexOf('&') < 0) return maybeHtml;
        return Jsoup.parse(maybeHtml).text();
    }

    private static void blocks(Element parent, StringBuilder out, String prefix) {
        StringBuilder inline = new StringBuilder();
        for (Node n : parent.childNodes()) {
            if (n instanceof Element e && isBlock(e)) {
                flush(inline, out, prefix);
                block(e, out, prefix);
            } else {
                inline(n, inline);
            }
        }
        flush(inline, out, prefix);
    }

    private static void block(Element e, StringBuilder out, String prefix) {
        switch (e.normalName()) {
            case "h1", "h2" -> heading(e, out, prefix, "## ");
            case "h3", "h4", "h5", "h6" -> heading(e, out, prefix, "### ");
            case "ul", "ol" -> {
                int i = 1;
                boolean ordered = e.normalName().equals("ol");
                for (Element li : e.children()) {
                    if (!li.normalName().equals("li")) continue;
                    StringBuilder item = new StringBuilder();
                    for (Node n : li.childNodes()) inline(n, item);
                    String text = item.toString().replaceAll("\\s+", " ").strip();
                    if (text.isEmpty()) continue;
                    out.append(prefix)
                            .append(ordered ? (i++) + ". " : "- ")
                            .append(text)
                            .append('\n');
                }
                out.append(prefix.isEmpty() ? "\n" : prefix + "\n");
            }
            case "blockquote" -> blocks(e, out, prefix + "> ");
            case "hr" -> out.append(prefix).append("---\n\n");
            default -> blocks(e, out, prefix); // p, div, section, article, body...
        }
    }

    private static void heading(Element e, StringBuilder out, String prefix, String marks) {
        StringBuilder t = new StringBuilder();
        for (Node n : e.childNodes()) inline(n, t);
        String text = t.toString().replaceAll("\\s+", " ").strip();
        if (!text.isEmpty()) out.append(prefix).append(marks).append(text).append("\n\n");
    }

    private static void flush(StringBuilder inline, StringBuilder out, String prefix) {
        String text = inline.toString()
                .replaceAll("[ \\t]+", " ")
                .replaceAll(" ?\n ?", "\n")
                .strip();
        inline.setLength(0);
        if (text.isEmpty()) return;
        for (String line : text.split("\n")) out.append(prefix).append(line).append('\n');
        out.append(prefix.isEmpty() ? "\n" : prefix + "\n");
    }

    private static void inline(Node n, StringBuilder out) {
        if (n instanceof TextNode t) {
            out.append(escape(t.text(), out.isEmpty() || out.charAt(out.length() - 1) == '\n'));
            return;
        }
        if (!(n instanceof Element e)) return;
        String inner = inner(e);
        switch (e.normalName()) {
            case "br" -> out.append("  \n");
            case "strong", "b" -> wrap(out, inner, "**");
            case "em", "i" -> wrap(out, inner, "*");
            case "a" -> {
                String href = e.attr("href").strip();
                if (!inner.isBlank() && SAFE_LINK.matcher(href).matches())
                    out.append('[')
                            .append(inner.strip())
                            .append("](")
                            .append(href)
                            .append(')');
                else out.append(inner);
            }
            case "img" -> {} // pictures come as associations
            default -> out.append(inner);
        }
    }

    private static String inner(Element e) {
        StringBuilder b = new StringBuilder();
        for (Node c : e.childNodes()) inline(c, b);
        return b.toString();
    }

    private static void wrap(StringBuilder out, String inner, String mark) {
        String t = inner.strip();
        if (t.isEmpty()) return;
        if (inner.startsWith(" ")) out.append(' ');
        out.append(mark).append(t).append(mark);
        if (inner.endsWith(" ")) out.append(' ');
    }

    private static boolean isBlock(Element e) {
        return switch (e.normalName()) {
            case "p",
                    "div",
                    "section",
                    "article",
                    "main",
                    "header",
                    "footer",
                    "aside",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "ul",
                    "ol",
                    "blockquote",
                    "hr",
                    "table",
                    "pre" -> true;
            default -> false;
        };
    }

    /**
     * Text with every character Markdown (or the body's own [[...]] lines) would read escaped; at the
     * start of a line also what would begin a heading, list or quote.
     */
    static String escape(String s, boolean lineStart) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>|~".indexOf(c) >= 0) b.append('\\');
            b.append(c);
        }
        String out = b.toString();
        if (lineStart) {
            String lead = out.stripLeading();
            if (lead.matches("^(#|>|-|\\+|=).*") || lead.matches("^\\d+[.)](\\s.*|$)")) {
                int dot = lead.matches("^\\d+[.)].*") ? lead.indexOf(lead.matches("^\\d+\\..*") ? '.' : ')') : -1;
                out = dot >= 0 ? lead.substring(0, dot) + "\\" + lead.substring(dot) : "\\" + lead;
            }
        }
        return out;
    }
}
