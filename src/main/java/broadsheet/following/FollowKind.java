package broadsheet.following;

import broadsheet.web.Paths;
import java.util.Arrays;
import java.util.Optional;

/** What a reader can follow; each has its own public page (and its own table, which {@link FollowDao} knows). */
public enum FollowKind {
    AUTHOR("author"),
    TOPIC("topic"),
    SECTION("section");

    private final String key;

    FollowKind(String key) {
        this.key = key;
    }

    /** The name stored in follows.kind and used in URLs and JSON. */
    public String key() {
        return key;
    }

    /** The public page: /authors/slug, /topics/slug, /sections/slug. */
    public String path(String slug) {
        return switch (this) {
            case AUTHOR -> Paths.author(slug);
            case TOPIC -> Paths.topic(slug);
            case SECTION -> Paths.section(slug);
        };
    }

    public static Optional<FollowKind> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
