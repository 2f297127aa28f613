package broadsheet.newsroom.taxonomy;

/** One option of a select: the value sent and the words shown. */
public record Choice(String value, String label) {}
