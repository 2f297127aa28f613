package broadsheet.newsletters;

public record Newsletter(long id, String slug, String name, String description, String audience, String schedule) {

    public String path() {
        return "/newsletters/" + slug;
    }

    public boolean subscribersOnly() {
        return "subscribers".equals(audience);
    }
}
