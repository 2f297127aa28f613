package broadsheet.following;

import broadsheet.Core;
import broadsheet.accounts.AccountPages;
import java.time.Duration;

/** Following authors, topics and sections: the reader's feed, its pages and JSON API, and the daily digest. */
public record FollowingFeature(
        Follows follows, Feed feed, FollowingPages pages, FollowingApi api, DigestSender digests) {

    public static FollowingFeature create(Core core) {
        FollowDao followDao = new FollowDao(core.jdbi());
        Suggestions suggestions = new Suggestions(new SuggestionDao(core.jdbi()), followDao);
        Follows follows = new Follows(core.jdbi(), followDao, suggestions::forget);
        Feed feed = new Feed(new FeedDao(core.jdbi()), followDao, core.cache());
        return new FollowingFeature(
                follows,
                feed,
                new FollowingPages(
                        follows,
                        feed,
                        suggestions,
                        new Digests(new DigestDao(core.jdbi())),
                        core.sessions(),
                        core.csrf(),
                        core.chrome(),
                        core.views()),
                new FollowingApi(follows, feed, suggestions, core.sessions(), core.csrf(), core.chrome()),
                new DigestSender(new DigestDao(core.jdbi()), feed, core.mailer(), core.views(), core.site()));
    }

    /** What to do after a reader signs in: finish a follow they asked for while signed out. */
    public AccountPages.AfterSignIn afterSignIn() {
        return (userId, next) -> FollowIntent.complete(follows, userId, next);
    }

    /** Starts the digest sender; close what it returns to stop it. */
    public AutoCloseable startJobs() {
        return digests.start(Duration.ofMinutes(1));
    }
}
