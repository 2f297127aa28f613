package broadsheet.following;

import broadsheet.web.AccessCheck;
import broadsheet.web.Paths;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "Follow this, then take me back": what an anonymous reader's Follow button carries through
 * signing in (or registering, confirming and signing in) as the {@code next} address
 * {@code /follow?kind=topic&slug=trade-policy&next=/2026/11/30/story}. Signing in with such a
 * next address does the follow and returns the reader to the page they were on.
 */
public record FollowIntent(FollowKind kind, String slug, String next) {

    public String toPath() {
        return Paths.follow(kind.key(), slug, next);
    }

    public static Optional<FollowIntent> parse(String next) {
        if (next == null || !next.startsWith(Paths.follow() + "?")) return Optional.empty();
        Map<String, String> q =
                query(URI.create("http://x" + next.replace(" ", "%20")).getRawQuery());
        Optional<FollowKind> kind = FollowKind.of(q.get("kind"));
        String slug = q.get("slug");
        if (kind.isEmpty() || slug == null || slug.isBlank()) return Optional.empty();
        return Optional.of(new FollowIntent(kind.get(), slug, AccessCheck.safeNext(q.get("next"))));
    }

    /** What signing in does with its next address: follows if it is an intent, and says where to go. */
    public static String complete(Follows follows, long userId, String next) {
        try {
            return parse(next)
                    .map(i -> {
                        var r = follows.follow(userId, i.kind(), i.slug()).result();
                        // Done: back to the page. Not done (gone, or the list is full): the follow page says why.
                        return r == Follows.Result.FOLLOWED || r == Follows.Result.ALREADY ? i.next() : i.toPath();
                    })
                    .orElse(next);
        } catch (IllegalArgumentException e) {
            return next;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) out.put(dec(pair.substring(0, eq)), dec(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
