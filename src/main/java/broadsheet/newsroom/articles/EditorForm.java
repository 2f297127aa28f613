package broadsheet.newsroom.articles;

import broadsheet.topics.TopicKind;
import broadsheet.web.Form;
import broadsheet.web.Params;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The article editor's form as typed: single fields in a {@link Form} (with each field's error),
 * plus the repeated byline selects and the topic checkboxes. Kept exactly as sent so that a form
 * shown again (errors, preview, conflict) loses nothing.
 */
public final class EditorForm {

    static final List<String> FIELDS = List.of(
            "headline",
            "deck",
            "slug",
            "section",
            "kind",
            "newTopics",
            "leadPhoto",
            "gallery",
            "body",
            "version",
            "publishAt",
            "photoQuery",
            "relatedQuery",
            "access");
    static final int MAX_BYLINES = 8;

    /** A topic typed as "name (kind)" to be created with the save. */
    record NewTopic(String name, TopicKind kind) {}

    private static final Pattern NEW_TOPIC =
            Pattern.compile("\\s*([^()]+?)\\s*\\(\\s*([A-Za-z]+)\\s*\\)\\s*(?:[,;\\n]|$)");

    private final Form form;
    private final List<String> authors;
    private final Set<String> topics;

    private EditorForm(Form form, List<String> authors, Set<String> topics) {
        this.form = form;
        this.authors = authors;
        this.topics = topics;
    }

    static EditorForm of(Context ctx) {
        Form f = Form.of(ctx, FIELDS);
        f.set("body", f.raw("body").replace("\r\n", "\n"));
        return new EditorForm(
                f, new ArrayList<>(ctx.formParams("author")), new LinkedHashSet<>(ctx.formParams("topic")));
    }

    /** A form showing a stored article (or a revision of it), to be saved over the given version. */
    public static EditorForm of(ArticleDraft d, int version) {
        Form f = Form.empty()
                .set("headline", d.headline())
                .set("deck", d.deck())
                .set("slug", d.slug())
                .set("section", d.sectionId() == null ? "" : d.sectionId().toString())
                .set("kind", d.kind())
                .set("leadPhoto", d.leadPhotoId() == null ? "" : d.leadPhotoId().toString())
                .set("gallery", d.galleryIds().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .set("body", d.body())
                .set("version", String.valueOf(version))
                .set("access", d.access());
        return new EditorForm(
                f,
                new ArrayList<>(d.authorIds().stream().map(String::valueOf).toList()),
                new LinkedHashSet<>(d.topicIds().stream().map(String::valueOf).toList()));
    }

    /** An empty article; a contributor's own author profile is already in the byline. */
    public static EditorForm blank(Long ownAuthorId) {
        ArticleDraft d = new ArticleDraft(
                "",
                "",
                "",
                null,
                "news",
                ownAuthorId == null ? List.of() : List.of(ownAuthorId),
                List.of(),
                null,
                List.of(),
                "",
                "free");
        return of(d, 0);
    }

    public Form form() {
        return form;
    }

    public String value(String field) {
        return form.value(field);
    }

    /**
     * This form with some values replaced, as a program sends them (the Admin API): single fields by
     * name, and bylines and topics as ids in order; null bylines or topics keep this form's.
     */
    public EditorForm overlaid(java.util.Map<String, String> fields, List<String> authors, List<String> topics) {
        Form f = Form.empty();
        FIELDS.forEach(n -> f.set(n, fields.getOrDefault(n, form.raw(n))));
        return new EditorForm(
                f,
                new ArrayList<>(authors == null ? this.authors : authors),
                new LinkedHashSet<>(topics == null ? this.topics : topics));
    }

    /** The same typed content, to be saved over another version (after a conflict). */
    EditorForm withVersion(int version) {
        Form f = Form.empty();
        FIELDS.forEach(n -> f.set(n, form.raw(n)));
        f.set("version", String.valueOf(version));
        return new EditorForm(f, new ArrayList<>(authors), new LinkedHashSet<>(topics));
    }

    /** How many byline selects to show: the chosen ones and at least two empty ones to add more. */
    public int bylineSlots() {
        long chosen = authors.stream().filter(a -> !a.isBlank()).count();
        return (int) Math.min(MAX_BYLINES, Math.max(3, chosen + 2));
    }

    /** The author chosen in the i-th byline (0-based), skipping empty selects, or "". */
    public String authorAt(int i) {
        List<String> chosen = authors.stream().filter(a -> !a.isBlank()).toList();
        return i < chosen.size() ? chosen.get(i) : "";
    }

    /** Ticks an existing topic (a suggestion's "Add"). */
    void addTopic(long id) {
        topics.add(String.valueOf(id));
    }

    /** Appends "Name (kind)" to the new topics, unless it is there already (a suggestion's "Create and add"). */
    void addNewTopic(String typed) {
        String now = form.raw("newTopics").strip();
        if (now.toLowerCase(java.util.Locale.ROOT).contains(typed.toLowerCase(java.util.Locale.ROOT))) return;
        form.set("newTopics", now.isEmpty() ? typed : now + ", " + typed);
    }

    /** The new topics as typed, one string each (for leaving them out of the suggestions). */
    List<String> typedNewTopics() {
        return Arrays.stream(form.raw("newTopics").split("[,;\\n]"))
                .map(String::strip)
                .filter(x -> !x.isEmpty())
                .toList();
    }

    public boolean topicChecked(long id) {
        return topics.contains(String.valueOf(id));
    }

    public boolean leadIs(long id) {
        return form.raw("leadPhoto").strip().equals(String.valueOf(id));
    }

    public boolean noLead() {
        return form.raw("leadPhoto").isBlank();
    }

    int version() {
        return Params.typedInt(form.raw("version")).orElse(-1);
    }

    /** The article the form describes; what cannot be read is reported as field errors. */
    ArticleDraft draft() {
        String headline = form.raw("headline").strip();
        if (headline.isEmpty()) form.error("headline", "Write a headline.");
        else if (headline.length() > 300)
            form.error(
                    "headline", "Shorten the headline to 300 characters or fewer (it has " + headline.length() + ").");
        String deck = form.raw("deck").strip();
        if (deck.length() > 1000) form.error("deck", "Shorten the deck to 1,000 characters or fewer.");
        Long section = number(form.raw("section"));
        if (section == null) form.error("section", "Choose a section.");
        String kind = form.raw("kind").strip();
        if (!ArticleDraft.KINDS.contains(kind)) {
            form.error("kind", "Choose what kind of piece this is.");
            kind = "news";
        }
        List<Long> authorIds = new ArrayList<>();
        for (int i = 0; i < authors.size(); i++) {
            String a = authors.get(i).strip();
            if (a.isEmpty()) continue;
            Long id = number(a);
            if (id == null) form.error("author-1", "Choose bylines from the lists.");
            else if (!authorIds.contains(id)) authorIds.add(id);
        }
        List<Long> topicIds = new ArrayList<>();
        for (String t : topics) {
            Long id = number(t);
            if (id == null) form.error("topics", "Choose topics from the list.");
            else topicIds.add(id);
        }
        Long lead = null;
        if (!form.raw("leadPhoto").isBlank()) {
            lead = number(form.raw("leadPhoto"));
            if (lead == null) form.error("leadPhoto", "Choose the lead photo from the list.");
        }
        List<Long> gallery = new ArrayList<>();
        for (String g : form.raw("gallery").split("[,;\\s]+")) {
            if (g.isBlank()) continue;
            Long id = number(g.replaceFirst("^(?i)no\\.?", ""));
            if (id == null) {
                form.error("gallery", "Write the gallery as photo numbers separated by commas, like 12, 15, 9.");
                break;
            }
            if (!gallery.contains(id)) gallery.add(id);
        }
        String body = form.raw("body");
        if (body.length() > 200_000) form.error("body", "The body is too long (over 200,000 characters).");
        newTopics();
        String access = form.raw("access").strip();
        if (access.isEmpty()) access = "free"; // a form from before the field existed
        if (broadsheet.paywall.Access.parse(access).isEmpty()) {
            form.error("access", "Choose who may read the whole article: everyone, signed-in readers or subscribers.");
            access = "free";
        }
        return new ArticleDraft(
                headline,
                deck,
                form.raw("slug").strip(),
                section,
                kind,
                authorIds,
                topicIds,
                lead,
                gallery,
                body,
                access);
    }

    /** The topics typed to be created, "Jane Doe (person), Harbour Bridge (place)"; bad ones are reported. */
    List<NewTopic> newTopics() {
        String text = form.raw("newTopics").strip();
        List<NewTopic> out = new ArrayList<>();
        Matcher m = NEW_TOPIC.matcher(text);
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            String typed = m.group(2).toLowerCase(java.util.Locale.ROOT);
            TopicKind kind = Arrays.stream(TopicKind.values())
                    .filter(k -> k.dbValue().equals(typed))
                    .findFirst()
                    .orElse(null);
            if (kind == null) {
                form.error(
                        "newTopics",
                        "“" + m.group(2) + "” is not a kind of topic: use person, organization, place or subject.");
                return List.of();
            }
            if (ArticleDraft.slugOf(m.group(1)).isEmpty() || m.group(1).length() > 120) {
                form.error(
                        "newTopics",
                        "“" + m.group(1) + "” cannot be a topic name: use letters or digits, at most 120 characters.");
                return List.of();
            }
            out.add(new NewTopic(m.group(1), kind));
            at = m.end();
        }
        if (at < text.length()) {
            form.error(
                    "newTopics",
                    "Write each new topic as name (kind), separated by commas, like: Jane Doe (person), Harbour Bridge (place).");
            return List.of();
        }
        return out;
    }

    /** What the form says without reporting problems (for showing thumbnails and comparisons). */
    List<Long> galleryIdsQuietly() {
        return quietly(List.of(form.raw("gallery").split("[,;\\s]+")));
    }

    Long sectionIdQuietly() {
        return number(form.raw("section"));
    }

    Long leadIdQuietly() {
        return number(form.raw("leadPhoto"));
    }

    List<Long> authorIdsQuietly() {
        return quietly(authors);
    }

    List<Long> topicIdsQuietly() {
        return quietly(new ArrayList<>(topics));
    }

    private static List<Long> quietly(List<String> raw) {
        List<Long> out = new ArrayList<>();
        for (String r : raw) {
            Long id = number(r.replaceFirst("^(?i)no\\.?", ""));
            if (id != null && !out.contains(id)) out.add(id);
        }
        return out;
    }

    private static Long number(String s) {
        return Params.typedLong(s).filter(v -> v > 0).orElse(null);
    }
}
