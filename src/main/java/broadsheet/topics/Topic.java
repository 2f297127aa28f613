package broadsheet.topics;

import broadsheet.web.Paths;
import java.util.List;

public record Topic(long id, String slug, String name, TopicKind kind, List<String> aliases) {
    public String path() {
        return Paths.topic(slug);
    }

    /** What a reader is told this topic is: "Person", "Organization", "Place" or "Topic". */
    public String kindLabel() {
        return kind.readerLabel();
    }
}
