package broadsheet.newsroom.articles;

import broadsheet.newsroom.articles.ArticleDeskDao.AuthorChoice;
import broadsheet.newsroom.articles.ArticleDeskDao.TopicChoice;
import broadsheet.sections.Section;
import broadsheet.sections.SectionDao;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the editor offers to choose from: sections, authors and topics. */
public record Choices(List<Section> sections, List<AuthorChoice> authors, List<TopicChoice> topics) {

    static Choices load(ArticleDeskDao dao, SectionDao sections) {
        return new Choices(sections.all(), dao.authors(), dao.topics());
    }

    /** Names for comparing two versions: "Politics", "Ada Quill, Ben Marsh", "no. 4, no. 7"; "none" when empty. */
    String sectionName(Long id) {
        if (id == null) return "none";
        return sections.stream()
                .filter(s -> s.id() == id)
                .map(Section::name)
                .findFirst()
                .orElse("no. " + id);
    }

    String authorNames(List<Long> ids) {
        return names(ids, authors, AuthorChoice::id, AuthorChoice::name);
    }

    String topicNames(List<Long> ids) {
        return names(ids, topics, TopicChoice::id, TopicChoice::label);
    }

    static String photoNumbers(List<Long> ids) {
        return ids.isEmpty() ? "none" : ids.stream().map(i -> "no. " + i).collect(Collectors.joining(", "));
    }

    private static <T> String names(List<Long> ids, List<T> all, Function<T, Long> idOf, Function<T, String> nameOf) {
        if (ids.isEmpty()) return "none";
        Map<Long, String> byId = new LinkedHashMap<>();
        all.forEach(x -> byId.put(idOf.apply(x), nameOf.apply(x)));
        return ids.stream().map(i -> byId.getOrDefault(i, "no. " + i)).collect(Collectors.joining(", "));
    }
}
