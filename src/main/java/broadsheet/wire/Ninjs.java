package broadsheet.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads ninjs 2.x items (IPTC's News in JSON) into {@link NinjsItem}s. Lenient where agencies differ
 * (a {@code guid} for the {@code uri}, {@code byline} for {@code by}, a number for the version),
 * strict where a draft cannot be made: an item needs an id and a headline, and a picture needs a
 * rendition with an {@code href}. Each refusal names the field.
 */
final class Ninjs {
    private Ninjs() {}

    /** Longest headline and deck the article desk accepts; a longer one is cut at a word. */
    static final int MAX_HEADLINE = 300, MAX_DECK = 1000;

    /** Description roles read as the deck, in order of preference (then a description without a role). */
    private static final List<String> DECK_ROLES = List.of("summary", "abstract", "deck", "standfirst", "lead");

    /** Description roles read as a picture's alt text. */
    private static final Set<String> ALT_ROLES = Set.of("alt", "alttext", "alternative", "accessibility");

    private static final Set<String> PICTURE_TYPES = Set.of("picture", "graphic");

    static NinjsItem parse(JsonNode item) throws WireProblem {
        if (item == null || !item.isObject())
            throw new WireProblem("", "Each wire item must be a JSON object (a ninjs item).");
        String id = text(item, "uri");
        if (id.isEmpty()) id = text(item, "guid");
        if (id.isEmpty()) throw new WireProblem("uri", "The item has no uri (nor guid): the agency's id is needed.");
        if (id.length() > 1000) throw new WireProblem("uri", "The uri is longer than 1,000 characters.");
        String type = text(item, "type");
        if (!type.isEmpty() && !type.equals("text") && !type.equals("composite"))
            throw new WireProblem("type", "This item is a " + type + "; only text items (stories) become drafts.");
        PubStatus status = pubstatus(item);
        String headline =
                cut(preferred(item.get("headlines"), List.of("main", "headline", ""), Set.of()), MAX_HEADLINE);
        if (headline.isEmpty()) headline = cut(text(item, "headline"), MAX_HEADLINE); // ninjs 1.x
        if (headline.isEmpty())
            throw new WireProblem("headlines", "The item has no headline: send one in headlines[].value.");
        String deck = preferred(item.get("descriptions"), DECK_ROLES, Set.of());
        if (deck.isEmpty()) deck = preferred(item.get("descriptions"), List.of(""), Set.of());
        String by = text(item, "by");
        if (by.isEmpty()) by = text(item, "byline");
        return new NinjsItem(
                id,
                version(item),
                status,
                headline,
                cut(WireText.plain(deck), MAX_DECK),
                body(item, headline),
                by,
                subjects(item),
                pictures(item));
    }

    private static PubStatus pubstatus(JsonNode item) throws WireProblem {
        String s = text(item, "pubstatus").toLowerCase(Locale.ROOT);
        if (s.equals("cancelled")) s = "canceled";
        for (PubStatus p : PubStatus.values()) if (p.dbValue().equals(s)) return p;
        if (s.isEmpty()) return PubStatus.USABLE;
        throw new WireProblem("pubstatus", "pubstatus must be usable, withheld or canceled, not “" + s + "”.");
    }

    private static String version(JsonNode item) throws WireProblem {
        JsonNode v = item.get("version");
        if (v == null || v.isNull()) return "";
        if (!v.isTextual() && !v.isIntegralNumber())
            throw new WireProblem("version", "version must be a string such as \"2\".");
        String s = v.asText().strip();
        if (s.length() > 100) throw new WireProblem("version", "version is longer than 100 characters.");
        return s;
    }

    /** The HTML body if there is one (converted to Markdown), else the plain-text one. */
    private static String body(JsonNode item, String headline) throws WireProblem {
        JsonNode bodies = item.get("bodies");
        String html = null, plain = null;
        if (bodies != null && bodies.isArray()) {
            for (JsonNode b : bodies) {
                String value = text(b, "value");
                if (value.isEmpty()) continue;
                String type = text(b, "contenttype").toLowerCase(Locale.ROOT);
                if (type.isEmpty()) type = text(b, "mimetype").toLowerCase(Locale.ROOT);
                if (html == null && (type.contains("html"))) html = value;
                else if (plain == null && (type.isEmpty() || type.startsWith("text/plain"))) plain = value;
            }
        } else if (!text(item, "body_html").isEmpty()) {
            html = text(item, "body_html"); // ninjs 1.x
        } else if (!text(item, "body_text").isEmpty()) {
            plain = text(item, "body_text");
        }
        String md = html != null ? WireText.markdown(html, headline) : plain != null ? WireText.paragraphs(plain) : "";
        if (md.length() > 200_000) throw new WireProblem("bodies", "The body is longer than 200,000 characters.");
        return md;
    }

    private static List<String> subjects(JsonNode item) {
        Set<String> names = new LinkedHashSet<>();
        for (String field : List.of("subjects", "people", "organisations", "places", "events", "objects")) {
            JsonNode list = item.get(field);
            if (list == null || !list.isArray()) continue;
            for (JsonNode s : list) {
                String n = text(s, "name");
                if (!n.isEmpty() && n.length() <= 120) names.add(n);
            }
        }
        return List.copyOf(names);
    }

    private static List<NinjsItem.Picture> pictures(JsonNode item) throws WireProblem {
        JsonNode assoc = item.get("associations");
        List<NinjsItem.Picture> out = new ArrayList<>();
        if (assoc == null || assoc.isNull()) return out;
        List<JsonNode> entries = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        if (assoc.isArray()) { // ninjs 2.x
            for (int i = 0; i < assoc.size(); i++) {
                entries.add(assoc.get(i));
                fields.add("associations[" + i + "]");
            }
        } else if (assoc.isObject()) { // ninjs 1.x: a map from name to item
            assoc.fieldNames().forEachRemaining(n -> {
                entries.add(assoc.get(n));
                fields.add("associations." + n);
            });
        } else {
            throw new WireProblem("associations", "associations must be an array of ninjs items.");
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode a = entries.get(i);
            String field = fields.get(i);
            if (!a.isObject()) throw new WireProblem(field, "Each association must be a ninjs item (an object).");
            if (!PICTURE_TYPES.contains(text(a, "type"))) continue; // texts, videos: not taken
            String href = rendition(a, field);
            String uri = text(a, "uri");
            String caption = preferred(a.get("descriptions"), List.of("caption", "summary", ""), ALT_ROLES);
            if (caption.isEmpty()) caption = text(a, "description_text"); // 1.x
            if (caption.isEmpty()) caption = preferred(a.get("headlines"), List.of("main", ""), Set.of());
            String alt = preferred(a.get("descriptions"), List.copyOf(ALT_ROLES), Set.of());
            String by = text(a, "by");
            if (by.isEmpty()) by = text(a, "byline");
            String agency = text(a, "copyrightholder");
            out.add(new NinjsItem.Picture(
                    field,
                    uri.isEmpty() ? href : uri,
                    href,
                    cut(WireText.plain(caption), 1000),
                    cut(by, 200),
                    cut(agency, 200),
                    cut(WireText.plain(alt), 500)));
        }
        return out;
    }

    /** The href of the largest rendition in a format we store (or of unknown format). */
    private static String rendition(JsonNode a, String field) throws WireProblem {
        JsonNode rs = a.get("renditions");
        List<JsonNode> list = new ArrayList<>();
        if (rs != null && rs.isArray()) rs.forEach(list::add);
        else if (rs != null && rs.isObject()) rs.forEach(list::add); // 1.x: a map from name to rendition
        String best = null;
        double bestSize = -1;
        for (JsonNode r : list) {
            String href = text(r, "href");
            if (href.isEmpty()) continue;
            String type = text(r, "contenttype");
            if (type.isEmpty()) type = text(r, "mimetype");
            if (!type.isEmpty() && !type.matches("(?i)image/(jpeg|jpg|png|webp)")) continue;
            double size = r.path("width").asDouble(0) * r.path("height").asDouble(0);
            if (best == null || size > bestSize) {
                best = href;
                bestSize = size;
            }
        }
        if (best == null)
            throw new WireProblem(
                    field + ".renditions", "The picture has no rendition with an href to a JPEG, PNG or WebP image.");
        return best;
    }

    /** The value of the first entry (of a headlines/descriptions array) whose role comes first in {@code roles}. */
    private static String preferred(JsonNode list, List<String> roles, Set<String> never) {
        if (list == null || !list.isArray()) return "";
        for (String role : roles) {
            for (JsonNode e : list) {
                String r = text(e, "role").toLowerCase(Locale.ROOT);
                if (r.equals(role) && !never.contains(r) && !text(e, "value").isEmpty()) return text(e, "value");
            }
        }
        return "";
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isValueNode() || v.isNull() ? "" : v.asText().strip();
    }

    /** At most {@code max} characters, cut at a word with an ellipsis. */
    static String cut(String s, int max) {
        s = s.replaceAll("\\s+", " ").strip();
        if (s.length() <= max) return s;
        String c = s.substring(0, max - 1);
        int space = c.lastIndexOf(' ');
        return (space > max / 2 ? c.substring(0, space) : c) + "…";
    }
}
