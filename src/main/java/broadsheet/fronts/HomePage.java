package broadsheet.fronts;

import broadsheet.articles.ArticleSummary;
import broadsheet.sections.Section;
import broadsheet.web.Layout;
import java.util.List;

/** The home page: the top stories, each section's newest, and the site's most read of the day. */
public record HomePage(
        Layout layout, List<ArticleSummary> top, List<SectionBlock> sections, List<ArticleSummary> mostRead) {

    public record SectionBlock(Section section, List<ArticleSummary> articles) {}

    public ArticleSummary leadStory() {
        return top.isEmpty() ? null : top.get(0);
    }

    public List<ArticleSummary> otherTop() {
        return top.size() <= 1 ? List.of() : top.subList(1, top.size());
    }
}
