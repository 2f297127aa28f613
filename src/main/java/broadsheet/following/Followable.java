package broadsheet.following;

/** One author, topic or section as a reader sees it in follow buttons, lists and feed reasons. */
public record Followable(FollowKind kind, long id, String slug, String name) {

    public String path() {
        return kind.path(slug);
    }

    /** "topic:trade-policy": how forms and the script name it. */
    public String key() {
        return kind.key() + ":" + slug;
    }
}
