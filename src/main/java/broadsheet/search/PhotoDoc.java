package broadsheet.search;

import java.time.Instant;

/** A photo in the newsroom's library, searched by its words. */
public record PhotoDoc(long id, String caption, String credit, String altText, Instant createdAt) {}
