package broadsheet.topics.suggest;

import broadsheet.topics.TopicKind;

/**
 * One suggested topic: an existing one ({@code topicId} set) or a new person, organization or place
 * ({@code topicId} null), with how central it is to the story.
 *
 * @param salience the ranking score: mentions weighted by where they are (headline, deck, first
 *     paragraphs, the rest)
 * @param mentions how many times the text names it
 * @param found the words in the text that named it first, for the editor to see why
 */
public record Suggestion(
        Long topicId, String name, String slug, TopicKind kind, double salience, int mentions, String found) {

    public boolean isNew() {
        return topicId == null;
    }

    /** What the editor's new-topics field takes: "Name (kind)". */
    public String typed() {
        return name + " (" + kind.dbValue() + ")";
    }
}
