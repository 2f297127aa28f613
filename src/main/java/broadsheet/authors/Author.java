package broadsheet.authors;

import broadsheet.web.Paths;

public record Author(long id, String slug, String name, String title, String bio, Long portraitPhotoId) {
    public String path() {
        return Paths.author(slug);
    }
}
