package broadsheet.authors;

public record Author(long id, String slug, String name, String title, String bio, Long portraitPhotoId) {
    public String path() {
        return "/authors/" + slug;
    }
}
