package broadsheet.comments;

import broadsheet.Core;
import broadsheet.accounts.UserDao;
import broadsheet.newsroom.moderation.Moderation;
import broadsheet.newsroom.moderation.ModerationDao;
import broadsheet.newsroom.moderation.ModerationDesk;
import broadsheet.newsroom.moderation.ModerationQueueDao;

/**
 * Readers' comments, their reply notices, and the newsroom's moderation desk.
 *
 * @param threads the conversation page, the counts and the reader's me.json
 * @param pages the reader's forms: write, reply, edit, delete, like, report
 * @param account the reader's comments and replies in their account
 * @param previews the first comments, for the article page
 */
public record CommentsFeature(
        ThreadPages threads,
        CommentPages pages,
        AccountCommentPages account,
        ModerationDesk moderation,
        CommentPreviews previews) {

    public static CommentsFeature create(Core core) {
        CommentDao dao = new CommentDao(core.jdbi());
        ThreadDao threads = new ThreadDao(core.jdbi());
        ReplyNotices notices = new ReplyNotices(new ReplyNoticeDao(core.jdbi()), core.mailer(), core.site());
        CommentService comments = new CommentService(core.jdbi(), dao, core.settings(), notices);
        return new CommentsFeature(
                new ThreadPages(comments, threads, core.sessions(), core.csrf(), core.chrome(), core.views()),
                new CommentPages(comments, core.sessions(), core.csrf(), core.chrome(), core.views()),
                new AccountCommentPages(
                        comments, threads, notices, core.sessions(), core.csrf(), core.chrome(), core.views()),
                new ModerationDesk(
                        core.desk(),
                        new ModerationQueueDao(core.jdbi()),
                        new Moderation(
                                core.jdbi(),
                                new ModerationDao(core.jdbi()),
                                dao,
                                new UserDao(core.jdbi()),
                                core.settings(),
                                notices)),
                new CommentPreviews(comments, threads));
    }
}
