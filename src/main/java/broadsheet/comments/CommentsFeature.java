package broadsheet.comments;

import broadsheet.Core;
import broadsheet.newsroom.moderation.Moderation;
import broadsheet.newsroom.moderation.ModerationDesk;
import broadsheet.newsroom.moderation.ModerationQueue;

/** Readers' comments, their reply notices, and the newsroom's moderation desk. */
public record CommentsFeature(CommentPages pages, ModerationDesk moderation) {

    public static CommentsFeature create(Core core) {
        ReplyNotices notices = new ReplyNotices(core.jdbi(), core.mailer(), core.site());
        return new CommentsFeature(
                new CommentPages(
                        core.jdbi(),
                        new CommentService(core.jdbi(), notices),
                        new CommentThreads(core.jdbi()),
                        notices,
                        core.sessions(),
                        core.csrf(),
                        core.chrome(),
                        core.views()),
                new ModerationDesk(
                        core.desk(),
                        new ModerationQueue(core.jdbi()),
                        new Moderation(core.jdbi(), notices),
                        core.jdbi()));
    }
}
