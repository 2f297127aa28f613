package broadsheet.sections;

import broadsheet.web.Paths;

public record Section(long id, String slug, String name, String description, int position) {
    public String path() {
        return Paths.section(slug);
    }
}
