package broadsheet.newsroom.photos;

import broadsheet.media.Photo;
import broadsheet.search.Search;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Finds library photos by the words of their caption, credit and alt text with the search engine
 * (ranked, best first), for the library page, the gallery page's picker and the editor's lead-photo
 * picker. The engine ranks; the database has the last word on what exists and on the page's filters,
 * so a photo deleted a moment ago is never listed even if this node's index has not caught up.
 */
public final class PhotoFinder {

    /** The most matches a search lists (the best ones). */
    public static final int MOST = 1000;

    /**
     * One page of matches: how many there are in all (at most {@link #MOST}) and this page's photos.
     *
     * @param fuzzy nothing matched as typed; these have words one or two letters away
     */
    record Found(int total, List<PhotoDao.Item> items, boolean fuzzy) {
        static final Found NONE = new Found(0, List.of(), false);
    }

    /** The best photos for some words, and whether they match only words one or two letters away. */
    public record Picks(List<Photo> photos, boolean fuzzy) {}

    private final Search search;
    private final Jdbi jdbi;

    public PhotoFinder(Search search, Jdbi jdbi) {
        this.search = search;
        this.jdbi = jdbi;
    }

    /** Whether the words leave anything to search for (not only stop words or symbols). */
    public static boolean searchable(String q) {
        return Search.photoSearchable(q);
    }

    /** Matches of the words, narrowed as asked, best first: {@code n} of them from {@code offset}. */
    Found find(String q, PhotoDao.Search narrow, int offset, int n) {
        Search.PhotoMatches ranked = search.photoMatches(q, MOST);
        return jdbi.withHandle(h -> {
            Set<Long> kept = new HashSet<>(PhotoDao.narrow(h, ranked.ids(), narrow));
            List<Long> ids = ranked.ids().stream().filter(kept::contains).toList();
            List<Long> page = offset >= ids.size() ? List.of() : ids.subList(offset, Math.min(ids.size(), offset + n));
            return new Found(ids.size(), PhotoDao.items(h, page), ranked.fuzzy());
        });
    }

    /** The best {@code n} photos for the words (the article editor's picker). */
    public Picks photos(String q, int n) {
        if (!searchable(q)) return new Picks(List.of(), false);
        Found f = find(q, new PhotoDao.Search(false, List.of()), 0, n);
        return new Picks(f.items().stream().map(PhotoDao.Item::photo).toList(), f.fuzzy());
    }

    /**
     * What a picker says about a search: what was searched and what came of it ({@code shown} of at most
     * {@code most}).
     */
    public static String summary(String q, Picks found, int most) {
        int shown = found.photos().size();
        if (!searchable(q))
            return "“" + q + "” has nothing to search for: only short common words or symbols. Try other words.";
        if (shown == 0) return "No photo in the library has “" + q + "” in its caption, credit or alt text.";
        if (found.fuzzy())
            return "No photo has “" + q + "” as typed; " + (shown == 1 ? "this one has" : "these have")
                    + " words one or two letters away.";
        String which = shown == 1
                ? "1 photo has"
                : shown >= most ? "The best " + shown + " photos have" : shown + " photos have";
        return which + " “" + q + "” in the caption, credit or alt text, best match first.";
    }
}
