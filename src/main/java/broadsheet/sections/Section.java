package broadsheet.sections;

public record Section(long id, String slug, String name, String description, int position) {
    public String path() {
        return "/sections/" + slug;
    }
}
