package broadsheet.newsroom.articles;

import broadsheet.articles.ArticleStatus;
import broadsheet.audit.Audit;
import broadsheet.db.ContentChanges;
import broadsheet.topics.TopicKind;
import broadsheet.topics.suggest.KnownTopic;
import broadsheet.topics.suggest.Suggestion;
import broadsheet.topics.suggest.TopicSuggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Gives articles the topics the suggester finds for them, as an editor pressing Add would: for the
 * import of articles that arrive without topics and for the archive ({@code suggest-topics}). Each
 * article is one transaction: new topics created, the topics appended after those it has, the
 * version moved on with a revision, the audit log written (by "system"), and a published article's
 * change announced so that caches, feeds and search see it.
 */
public final class TopicBackfill {

    /** How many of the suggester's first suggestions are considered: the five its precision is measured on. */
    public static final int CONSIDERED = 5;

    private final Jdbi jdbi;
    private final TopicSuggestions suggestions;

    public TopicBackfill(Jdbi jdbi, TopicSuggestions suggestions) {
        this.jdbi = jdbi;
        this.suggestions = suggestions;
    }

    /**
     * The topics to add to an article: the existing topics among the first five suggestions and, with
     * {@code newTopics}, the new people, organizations and places among them.
     */
    public List<Suggestion> choose(TopicBackfillDao.Row a, boolean newTopics) {
        return choose(a, newTopics, suggestions.known());
    }

    /** The paper's topics as the suggester reads them: read once for a page of articles, not per article. */
    public List<KnownTopic> known() {
        return suggestions.known();
    }

    /** As above, over the paper's topics read before. */
    public List<Suggestion> choose(TopicBackfillDao.Row a, boolean newTopics, List<KnownTopic> known) {
        List<Long> has = jdbi.withHandle(h -> ArticleDeskDao.find(h, a.id(), 0, false))
                .map(d -> d.content().topicIds())
                .orElse(List.of());
        List<Suggestion> all = suggestions.suggest(a.headline(), a.deck(), a.body(), has, List.of(), known);
        return all.subList(0, Math.min(CONSIDERED, all.size())).stream()
                .filter(s -> !s.isNew() || (newTopics && s.kind() != TopicKind.SUBJECT))
                .toList();
    }

    /**
     * Adds the topics in one transaction.
     *
     * @return the names added (empty when the article has them all already or is gone)
     */
    public List<String> apply(long articleId, List<Suggestion> chosen) {
        if (chosen.isEmpty()) return List.of();
        return jdbi.inTransaction(h -> {
            Optional<DeskArticle> found = ArticleDeskDao.find(h, articleId, 0, true);
            if (found.isEmpty()) return List.of();
            DeskArticle cur = found.get();
            ArticleDraft d = cur.content();
            List<Long> topicIds = new ArrayList<>(d.topicIds());
            List<String> added = new ArrayList<>();
            for (Suggestion s : chosen) {
                long id;
                if (s.isNew()) {
                    Optional<Long> same = ArticleWriteDao.topicBySlug(h, s.slug());
                    if (same.isPresent()) id = same.get();
                    else {
                        id = ArticleWriteDao.insertTopic(h, s.slug(), s.name(), s.kind());
                        Audit.record(h, null, "created", "topic", id, s.typed() + ", suggested");
                    }
                } else id = s.topicId();
                if (topicIds.contains(id)) continue;
                topicIds.add(id);
                added.add(s.isNew() ? s.typed() : s.name());
            }
            if (added.isEmpty()) return List.of();
            ArticleDraft next = d.withTopics(topicIds);
            ArticleWriteDao.replace(h, ArticleWriteDao.Links.TOPICS, articleId, topicIds);
            int version = TopicBackfillDao.bumpVersion(h, articleId);
            RevisionDao.insert(
                    h, articleId, version, null, new Snapshot(next, cur.status().dbValue(), cur.publishedAt()), false);
            Audit.record(
                    h,
                    null,
                    "edited",
                    "article",
                    articleId,
                    "version " + version + ", suggested topics added: " + String.join(", ", added));
            if (cur.status() == ArticleStatus.PUBLISHED) ContentChanges.announceArticles(h, List.of(articleId));
            return List.copyOf(added);
        });
    }
}
