package broadsheet.following;

import java.util.List;
import java.util.Map;

/**
 * What to follow next. For a reader who follows things: the authors and topics that appear most
 * often on the recent articles of what they follow. For a newcomer (or when that finds too little):
 * the most followed, then the most written about lately.
 */
public final class Suggestions {

    private final SuggestionDao dao;
    private final FollowDao follows;

    public Suggestions(SuggestionDao dao, FollowDao follows) {
        this.dao = dao;
        this.follows = follows;
    }

    /**
     * Up to {@code n} suggestions, best first, never something already followed. The search behind them
     * is kept for a few minutes per reader (it reads hundreds of recent articles); what the reader
     * follows is checked afresh every time, so a suggestion disappears as soon as it is followed.
     */
    public List<Followable> forReader(long userId, int n) {
        return forReader(userId, n, follows.followedKeys(userId));
    }

    /** The same, for a reader whose followed things ("kind:id" keys) the caller has just read. */
    public List<Followable> forReader(long userId, int n, java.util.Set<String> followed) {
        List<Followable> candidates = n > KEPT ? search(userId, n) : recent.get(userId, k -> search(userId, KEPT));
        return candidates.stream()
                .filter(f -> !followed.contains(f.kind().key() + ":" + f.id()))
                .limit(n)
                .toList();
    }

    /** Forgets the reader's kept suggestions (they just followed or unfollowed something). */
    public void forget(long userId) {
        recent.invalidate(userId);
    }

    private static final int KEPT = 25;

    private final com.github.benmanes.caffeine.cache.Cache<Long, List<Followable>> recent =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(50_000)
                    .expireAfterWrite(java.time.Duration.ofMinutes(5))
                    .build();

    private List<Followable> search(long userId, int n) {
        List<String> keys = dao.candidates(userId, n);
        Map<String, Followable> found = follows.byKeys(keys);
        return keys.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }
}
