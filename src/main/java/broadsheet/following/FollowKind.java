package broadsheet.following;

import broadsheet.db.DbValue;
import broadsheet.web.Paths;
import java.util.Arrays;
import java.util.Optional;

/** What a reader can follow; each has its own public page (and its own table, which {@link FollowDao} knows). */
public enum FollowKind implements DbValue {
    AUTHOR,
    TOPIC,
    SECTION;

    /** The name stored in follows.kind (its {@link #dbValue()}) and used in URLs and JSON. */
    public String key() {
        return dbValue();
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
        return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
    }
}
