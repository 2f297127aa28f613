package broadsheet.following;

import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Jdbi;

/** A reader's follows: the rules (exists, not twice, at most {@link #LIMIT}); {@link FollowDao} stores them. */
public final class Follows {

    public static final int LIMIT = 1000;

    public enum Result {
        FOLLOWED,
        ALREADY,
        NOT_FOUND,
        LIMIT_REACHED
    }

    public record Outcome(Result result, Followable target) {}

    private final Jdbi jdbi;
    private final FollowDao dao;
    private final LongConsumer changed;

    /**
     * @param jdbi for the transaction each change runs in
     * @param changed told the reader's id after their follows changed (suggestions forget theirs)
     */
    public Follows(Jdbi jdbi, FollowDao dao, LongConsumer changed) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.changed = changed;
    }

    public Optional<Followable> find(FollowKind kind, String slug) {
        return dao.find(kind, slug);
    }

    /**
     * Follows, in one transaction: the user's row is locked first so two requests at once cannot
     * both pass the limit; following again changes nothing.
     */
    public Outcome follow(long userId, FollowKind kind, String slug) {
        Outcome o = jdbi.inTransaction(h -> {
            Optional<Followable> target = dao.find(h, kind, slug);
            if (target.isEmpty()) return new Outcome(Result.NOT_FOUND, null);
            dao.lockReader(h, userId);
            if (!dao.add(h, userId, target.get(), LIMIT)) {
                boolean already = dao.follows(h, userId, target.get());
                return new Outcome(already ? Result.ALREADY : Result.LIMIT_REACHED, target.get());
            }
            return new Outcome(Result.FOLLOWED, target.get());
        });
        if (o.result() == Result.FOLLOWED) changed.accept(userId);
        return o;
    }

    /** Stops following; unfollowing what one does not follow is harmless. Empty when the target does not exist. */
    public Optional<Followable> unfollow(long userId, FollowKind kind, String slug) {
        Optional<Followable> gone = jdbi.inTransaction(h -> {
            Optional<Followable> target = dao.find(h, kind, slug);
            target.ifPresent(t -> dao.remove(h, userId, t));
            return target;
        });
        if (gone.isPresent()) changed.accept(userId);
        return gone;
    }

    /** Everything the reader follows, authors, then topics, then sections, each by name. */
    public List<Followable> list(long userId) {
        return dao.list(userId);
    }
}
