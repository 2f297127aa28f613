package broadsheet.search;

import broadsheet.articles.BodyRenderer;
import broadsheet.paywall.Access;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.Term;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * What of an article or photo goes into the index. The paywall rule lives here: of an article that
 * is not free, only what every reader may see is indexed (headline, deck, bylines, topics, captions,
 * corrections and the body's first paragraph); the locked text is never in the index at all, so no
 * query, snippet or highlight can reach it, whoever asks.
 */
final class Documents {

    static final String FACET_SECTION = "section";
    static final String FACET_AUTHOR = "author";
    static final String FACET_TOPIC = "topic";
    static final String FACET_KIND = "kind";

    static final FacetsConfig FACETS = facets();

    private static final Parser MARKDOWN = Parser.builder().build();

    private Documents() {}

    private static FacetsConfig facets() {
        FacetsConfig c = new FacetsConfig();
        c.setMultiValued(FACET_AUTHOR, true);
        c.setMultiValued(FACET_TOPIC, true);
        return c;
    }

    /** The article or photo ids of these hits, in their order. */
    static List<Long> ids(org.apache.lucene.search.IndexSearcher searcher, org.apache.lucene.search.TopDocs top)
            throws java.io.IOException {
        List<Long> ids = new java.util.ArrayList<>();
        var stored = searcher.storedFields();
        for (org.apache.lucene.search.ScoreDoc d : top.scoreDocs)
            ids.add(stored.document(d.doc).getField(Fields.ID).numericValue().longValue());
        return ids;
    }

    static Term articleKey(long id) {
        return new Term(Fields.KEY, "a" + id);
    }

    static Term photoKey(long id) {
        return new Term(Fields.KEY, "p" + id);
    }

    /** The text of an article's body anyone may read: all of a free article, the first paragraph of another. */
    static String readableBody(String markdown, String access) {
        String free = Access.of(access) == Access.FREE ? markdown : BodyRenderer.splitAfterFirstParagraph(markdown)[0];
        return plainText(free);
    }

    static Document article(ArticleDoc a) {
        Document d = new Document();
        d.add(new StringField(Fields.KEY, "a" + a.id(), Field.Store.NO));
        d.add(new StringField(Fields.TYPE, Fields.TYPE_ARTICLE, Field.Store.NO));
        d.add(new StoredField(Fields.ID, a.id()));
        d.add(new NumericDocValuesField(Fields.ID, a.id()));
        d.add(new StringField(Fields.STATUS, a.status(), Field.Store.NO));
        d.add(new StringField(Fields.ACCESS, a.access(), Field.Store.NO));
        d.add(new StringField(Fields.SECTION, a.sectionSlug(), Field.Store.NO));
        d.add(new StringField(Fields.KIND, a.kind(), Field.Store.NO));
        if (a.createdBy() != null)
            d.add(new StringField(Fields.OWNER, a.createdBy().toString(), Field.Store.NO));
        for (Long u : a.authorUsers()) d.add(new StringField(Fields.OWNER, u.toString(), Field.Store.NO));
        for (String s : a.authorSlugs()) d.add(new StringField(Fields.AUTHOR, s, Field.Store.NO));
        for (String s : a.topicSlugs()) d.add(new StringField(Fields.TOPIC, s, Field.Store.NO));
        Instant time = a.publishedAt() != null ? a.publishedAt() : a.updatedAt();
        d.add(new LongPoint(Fields.TIME, time.toEpochMilli()));
        d.add(new NumericDocValuesField(Fields.TIME, time.toEpochMilli()));
        d.add(new StringField(Fields.PUBLISHED, a.publishedAt() != null ? "1" : "0", Field.Store.NO));

        d.add(new TextField(Fields.HEADLINE, a.headline(), Field.Store.YES));
        d.add(new TextField(Fields.HEADLINE_PLAIN, a.headline(), Field.Store.NO));
        d.add(new TextField(Fields.DECK, a.deck(), Field.Store.YES));
        String body = readableBody(a.body(), a.access());
        if (!a.corrections().isEmpty()) body = body + "\n\n" + String.join("\n\n", a.corrections());
        d.add(new TextField(Fields.BODY, body, Field.Store.YES));
        d.add(new TextField(Fields.BYLINES, String.join(", ", a.authorNames()), Field.Store.YES));
        d.add(new TextField(Fields.TOPICS, String.join(", ", a.topicNames()), Field.Store.YES));
        d.add(new TextField(Fields.CAPTIONS, String.join("\n", a.captions()), Field.Store.YES));
        d.add(RankField.of(java.util.Map.of(
                Fields.HEADLINE, a.headline(),
                Fields.DECK, a.deck(),
                Fields.BODY, body,
                Fields.BYLINES, String.join(", ", a.authorNames()),
                Fields.TOPICS, String.join(", ", a.topicNames()),
                Fields.CAPTIONS, String.join("\n", a.captions()))));
        d.add(new TextField(
                Fields.NAMES,
                String.join(" ", a.authorNames()) + " " + String.join(" ", a.topicNames()),
                Field.Store.NO));

        d.add(new SortedSetDocValuesFacetField(FACET_SECTION, a.sectionSlug()));
        d.add(new SortedSetDocValuesFacetField(FACET_KIND, a.kind()));
        for (String s : a.authorSlugs()) d.add(new SortedSetDocValuesFacetField(FACET_AUTHOR, s));
        for (String s : a.topicSlugs()) d.add(new SortedSetDocValuesFacetField(FACET_TOPIC, s));
        return build(d);
    }

    static Document photo(PhotoDoc p) {
        Document d = new Document();
        d.add(new StringField(Fields.KEY, "p" + p.id(), Field.Store.NO));
        d.add(new StringField(Fields.TYPE, Fields.TYPE_PHOTO, Field.Store.NO));
        d.add(new StoredField(Fields.ID, p.id()));
        d.add(new NumericDocValuesField(Fields.ID, p.id()));
        // every field is indexed the same way in every document (Lucene keeps one schema per field)
        d.add(new LongPoint(Fields.TIME, p.createdAt().toEpochMilli()));
        d.add(new NumericDocValuesField(Fields.TIME, p.createdAt().toEpochMilli()));
        d.add(new TextField(Fields.CAPTIONS, p.caption() + "\n" + p.altText(), Field.Store.YES));
        d.add(new TextField(Fields.CREDIT, p.credit(), Field.Store.YES));
        return d;
    }

    private static Document build(Document d) {
        try {
            return FACETS.build(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Markdown as plain text: paragraphs apart, related-story and newsletter markers left out. */
    static String plainText(String markdown) {
        StringBuilder sb = new StringBuilder();
        MARKDOWN.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading h) {
                block(h);
            }

            @Override
            public void visit(Paragraph p) {
                block(p);
            }

            private void block(Node p) {
                StringBuilder inner = new StringBuilder();
                collect(p, inner);
                String text = inner.toString().strip();
                if (!BodyRenderer.MARKER.matcher(text).matches() && !text.isEmpty()) {
                    if (!sb.isEmpty()) sb.append("\n\n");
                    sb.append(text);
                }
            }
        });
        return sb.toString();
    }

    private static void collect(Node n, StringBuilder sb) {
        switch (n) {
            case Text t -> sb.append(t.getLiteral());
            case Code c -> sb.append(c.getLiteral());
            case SoftLineBreak s -> sb.append(' ');
            case HardLineBreak h -> sb.append(' ');
            default -> {}
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) collect(c, sb);
    }
}
