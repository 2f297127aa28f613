package broadsheet.wire;

import java.util.List;

/**
 * One ninjs 2.x item as Broadsheet reads it (see docs/api.md, "Wire-ready photos and stories", for
 * the whole mapping).
 *
 * @param agencyId the agency's id for the item: its {@code uri}, or {@code guid} where an agency sends that
 * @param version the agency's version of the item ({@code version}), "" when it sends none
 * @param body the story as Markdown, converted from the HTML or plain-text body
 * @param by the byline as the agency wrote it ({@code by}), matched against the paper's authors
 * @param subjects names of the subjects, people, organisations and places, matched against the paper's topics
 * @param pictures the associated pictures, the first of them the lead photo
 */
public record NinjsItem(
        String agencyId,
        String version,
        PubStatus pubstatus,
        String headline,
        String deck,
        String body,
        String by,
        List<String> subjects,
        List<Picture> pictures) {

    public NinjsItem {
        subjects = List.copyOf(subjects);
        pictures = List.copyOf(pictures);
    }

    /**
     * An associated picture.
     *
     * @param field where it is in the item ({@code associations[0]}), for messages
     * @param agencyId its own ninjs {@code uri}, so the same picture sent again is stored once
     * @param href the chosen rendition's {@code href}: an http(s) URL, a {@code data:} URI, or (from the
     *     command line only) a file path relative to the item's file
     * @param caption its description or headline; credit and alt text as in the mapping, "" when absent
     *     (the picture's own IPTC/XMP then fills them)
     */
    public record Picture(
            String field, String agencyId, String href, String caption, String by, String agency, String altText) {}
}
