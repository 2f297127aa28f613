package broadsheet.newsroom.taxonomy;

import broadsheet.topics.TopicKind;
import java.util.Arrays;
import java.util.List;

/** One option of a select: the value sent and the words shown. */
public record Choice(String value, String label) {

    /** Person, Organization, Place, Subject: the kinds of topic, as a select offers them. */
    public static List<Choice> topicKinds() {
        return Arrays.stream(TopicKind.values())
                .map(k -> new Choice(k.dbValue(), k.label()))
                .toList();
    }
}
