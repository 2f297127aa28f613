package broadsheet.articles;

import java.util.List;

/**
 * What an article page offers to read next, the same for every reader: the newest from its section
 * (not itself, nor the stories its body already links to), and the site's most read of the day.
 */
public record ReadNext(
        String sectionName, String sectionPath, List<ArticleSummary> moreFrom, List<ArticleSummary> mostRead) {}
