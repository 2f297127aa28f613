package broadsheet.fronts;

import broadsheet.articles.ArticleSummary;
import broadsheet.sections.Section;
import broadsheet.web.Layout;
import java.util.List;

/** The home page: its front, then the newest of each section not already on it. */
public record HomePage(Layout layout, Front front, List<SectionBlock> sections) {

    public record SectionBlock(Section section, List<ArticleSummary> articles) {}
}
