package broadsheet.topics;

import broadsheet.web.Paths;
import java.util.List;

public record Topic(long id, String slug, String name, TopicKind kind, List<String> aliases) {
    public String path() {
        return Paths.topic(slug);
    }

    /** "Person", "Organization", "Place", "Subject". */
    public String kindLabel() {
        return kind.label();
    }
}
