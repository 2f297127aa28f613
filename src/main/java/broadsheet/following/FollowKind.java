package broadsheet.following;

import java.util.Arrays;
import java.util.Optional;

/** What a reader can follow; each lives in its own table and has its own public page. */
public enum FollowKind {
    AUTHOR("author", "authors"),
    TOPIC("topic", "topics"),
    SECTION("section", "sections");

    private final String key;
    private final String table;

    FollowKind(String key, String table) {
        this.key = key;
        this.table = table;
    }

    /** The name stored in follows.kind and used in URLs and JSON. */
    public String key() {
        return key;
    }

    String table() {
        return table;
    }

    /** The public page: /authors/slug, /topics/slug, /sections/slug. */
    public String path(String slug) {
        return "/" + table + "/" + slug;
    }

    public static Optional<FollowKind> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
