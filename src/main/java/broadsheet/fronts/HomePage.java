package broadsheet.fronts;

import broadsheet.articles.ArticleSummary;
import broadsheet.sections.Section;
import broadsheet.web.Layout;
import java.util.List;

/** The home page: its front, then the newest of each section not already on it, and the site's most read of the day. */
public record HomePage(Layout layout, Front front, List<SectionBlock> sections, List<ArticleSummary> mostRead) {

    public record SectionBlock(Section section, List<ArticleSummary> articles) {}
}
