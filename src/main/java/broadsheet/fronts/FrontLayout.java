package broadsheet.fronts;

import broadsheet.db.DbValue;

/**
 * The named layouts an editor chooses from for a front: how many stories go in each slot, from
 * the heaviest down. The editor's chosen (pinned) articles fill the slots first, in their order;
 * the newest published news fills the rest. Opinion and analysis go to the rail beside them.
 *
 * @param leads      big stories: photo, headline, deck
 * @param secondary  stories with a photo, in one row
 * @param headlines  a list of headlines
 */
public enum FrontLayout implements DbValue {
    LEAD_PLUS_FOUR("Lead + 4", "One lead story, four stories with photos under it, then a list of headlines.", 1, 4, 6),
    TWO_LEADS(
            "Two leads",
            "Two lead stories side by side, three stories with photos, then a list of headlines.",
            2,
            3,
            6),
    LEAD_PLUS_LIST(
            "Lead + list", "One lead story, then a long list of headlines: for a day with one big story.", 1, 0, 10);

    /** Opinion and analysis pieces in the rail. */
    public static final int RAIL = 4;

    private final String label;
    private final String description;
    private final int leads;
    private final int secondary;
    private final int headlines;

    FrontLayout(String label, String description, int leads, int secondary, int headlines) {
        this.label = label;
        this.description = description;
        this.leads = leads;
        this.secondary = secondary;
        this.headlines = headlines;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public int leads() {
        return leads;
    }

    public int secondary() {
        return secondary;
    }

    public int headlines() {
        return headlines;
    }

    /** Every slot of the main column: leads, then secondary stories, then headlines. */
    public int slots() {
        return leads + secondary + headlines;
    }
}
