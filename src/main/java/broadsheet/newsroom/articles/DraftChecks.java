package broadsheet.newsroom.articles;

import broadsheet.articles.BodyRenderer;
import broadsheet.media.Photo;
import broadsheet.newsroom.articles.ArticleDeskDao.Refers;
import broadsheet.newsroom.photos.PhotoRules;
import broadsheet.web.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.jdbi.v3.core.Handle;

/** The checks of a save that only the database can answer, inside the save's transaction. */
final class DraftChecks {
    private DraftChecks() {}

    /** Fills in a slug from the headline when none was typed, and checks what only the database knows. */
    static ArticleDraft complete(Handle h, Form f, ArticleDraft d, Long id) {
        String slug = d.slug();
        if (slug.isEmpty()) {
            String base = ArticleDraft.slugOf(d.headline());
            if (base.isEmpty()) base = "article";
            slug = base;
            for (int n = 2; ArticleDeskDao.slugOwner(h, slug, id).isPresent(); n++) slug = base + "-" + n;
            f.set("slug", slug);
        } else if (!ArticleDraft.SLUG.matcher(slug).matches()) {
            f.error(
                    "slug",
                    "Use lower-case letters and digits, in words joined by single hyphens, like storm-hits-the-coast.");
        } else if (slug.length() > 120) {
            f.error("slug", "Shorten the slug to 120 characters or fewer.");
        } else {
            ArticleDeskDao.slugOwner(h, slug, id)
                    .ifPresent(other -> f.error(
                            "slug", "Another article already uses this slug (“" + other + "”). Choose another."));
        }
        if (d.sectionId() != null
                && ArticleDeskDao.existing(h, Refers.SECTIONS, List.of(d.sectionId()))
                        .isEmpty()) {
            f.error("section", "That section no longer exists. Choose another.");
        }
        if (ArticleDeskDao.existing(h, Refers.AUTHORS, d.authorIds()).size()
                != d.authorIds().size()) {
            f.error("author-1", "A chosen author no longer exists. Choose the bylines again.");
        }
        if (ArticleDeskDao.existing(h, Refers.TOPICS, d.topicIds()).size()
                != d.topicIds().size()) {
            f.error("topics", "A chosen topic no longer exists. Choose the topics again.");
        }
        if (d.leadPhotoId() != null
                && ArticleDeskDao.existing(h, Refers.PHOTOS, List.of(d.leadPhotoId()))
                        .isEmpty()) {
            f.error("leadPhoto", "There is no photo number " + d.leadPhotoId() + ".");
        }
        List<Long> gallery = ArticleDeskDao.existing(h, Refers.PHOTOS, d.galleryIds());
        if (gallery.size() != d.galleryIds().size()) {
            List<Long> missing =
                    d.galleryIds().stream().filter(g -> !gallery.contains(g)).toList();
            f.error(
                    "gallery",
                    "There is no photo number "
                            + join(missing.stream().map(String::valueOf).toList()) + ".");
        }
        return new ArticleDraft(
                d.headline(),
                d.deck(),
                slug,
                d.sectionId(),
                d.kind(),
                d.authorIds(),
                d.topicIds(),
                d.leadPhotoId(),
                d.galleryIds(),
                d.body(),
                d.access());
    }

    /** Everything readers will see must be there before an article goes live; each missing part is listed. */
    static void publishProblems(Handle h, ArticleDraft d, Form f) {
        if (d.headline().isEmpty()) f.error("headline", "Write a headline.");
        if (d.sectionId() == null) f.error("section", "Choose a section.");
        if (d.authorIds().isEmpty()) f.error("author-1", "Add at least one byline.");
        if (d.body().isBlank()) f.error("body", "Write the body.");
        if (d.leadPhotoId() != null) {
            ArticleDeskDao.photosById(h, List.of(d.leadPhotoId())).forEach(p -> {
                List<String> gaps = PhotoRules.missing(p);
                if (!gaps.isEmpty())
                    f.error(
                            "leadPhoto",
                            "The lead photo (no. " + p.id() + ") needs " + PhotoRules.phrase(gaps)
                                    + ". Add them on the photo desk.");
            });
        }
        List<String> galleryGaps = new ArrayList<>();
        for (Photo p : ArticleDeskDao.photosById(h, d.galleryIds())) {
            List<String> gaps = PhotoRules.missing(p);
            if (!gaps.isEmpty()) galleryGaps.add("photo no. " + p.id() + " needs " + PhotoRules.phrase(gaps));
        }
        if (!galleryGaps.isEmpty())
            f.error("gallery", "In the gallery, " + String.join("; ", galleryGaps) + ". Add them on the photo desk.");
        List<String> unknown = new ArrayList<>();
        Matcher m = BodyRenderer.MARKER.matcher(d.body());
        while (m.find()) {
            boolean found = m.group(1).equals("related")
                    ? ArticleDeskDao.publishedSlugExists(h, m.group(2))
                    : ArticleDeskDao.newsletterSlugExists(h, m.group(2));
            if (!found) unknown.add(m.group());
        }
        if (!unknown.isEmpty()) {
            f.error(
                    "body",
                    "These links point to nothing readers can see: " + String.join(", ", unknown)
                            + ". Use the slug of a published article or of a newsletter.");
        }
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) return String.join("", parts);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
