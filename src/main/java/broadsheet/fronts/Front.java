package broadsheet.fronts;

import broadsheet.articles.ArticleSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A front laid out in its slots: the lead stories, the secondary stories, the list of headlines,
 * the opinion rail, and the breaking-news banner above them.
 *
 * @param pinned   how many of the main slots hold the editor's chosen articles (the first ones)
 * @param expires  when the first breaking story's banner ends, or null
 */
public record Front(
        FrontLayout layout,
        List<ArticleSummary> leads,
        List<ArticleSummary> secondary,
        List<ArticleSummary> headlines,
        List<ArticleSummary> opinion,
        List<ArticleSummary> breaking,
        int pinned,
        Instant expires) {

    /** Lays out these stories (pinned first, then the newest) in the layout's slots, in order. */
    static Front of(
            FrontLayout layout,
            List<ArticleSummary> main,
            int pinned,
            List<ArticleSummary> opinion,
            List<ArticleSummary> breaking,
            Instant expires) {
        int leads = Math.min(layout.leads(), main.size());
        int secondary = Math.min(layout.leads() + layout.secondary(), main.size());
        return new Front(
                layout,
                List.copyOf(main.subList(0, leads)),
                List.copyOf(main.subList(leads, secondary)),
                List.copyOf(main.subList(secondary, main.size())),
                List.copyOf(opinion),
                List.copyOf(breaking),
                pinned,
                expires);
    }

    public boolean isEmpty() {
        return leads.isEmpty() && opinion.isEmpty();
    }

    /** Every story on the front, banner aside. */
    public List<ArticleSummary> all() {
        List<ArticleSummary> all = new ArrayList<>(leads);
        all.addAll(secondary);
        all.addAll(headlines);
        all.addAll(opinion);
        return all;
    }

    public List<Long> ids() {
        return all().stream().map(ArticleSummary::id).toList();
    }
}
