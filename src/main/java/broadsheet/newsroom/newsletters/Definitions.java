package broadsheet.newsroom.newsletters;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.db.ContentChanges;
import broadsheet.newsletters.NewsletterDao;
import broadsheet.web.Form;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Defining newsletters: name, slug, description, schedule and audience, each checked with a message that names the problem. */
public final class Definitions {

    static final List<String> FIELDS = List.of("name", "slug", "description", "schedule", "audience");

    record Result(Form form, Long id, int status) {
        boolean ok() {
            return status == 200;
        }
    }

    private final Jdbi jdbi;
    private final NewsletterDao newsletters;

    public Definitions(Jdbi jdbi, NewsletterDao newsletters) {
        this.jdbi = jdbi;
        this.newsletters = newsletters;
    }

    Optional<Form> load(long id) {
        return newsletters
                .definition(id)
                .map(d -> Form.empty()
                        .set("name", d.name())
                        .set("slug", d.slug())
                        .set("description", d.description())
                        .set("schedule", d.schedule())
                        .set("audience", d.audience()));
    }

    Result save(User user, Long id, Form form) {
        String name = form.raw("name").strip();
        String slug = form.raw("slug").strip();
        if (slug.isEmpty()) slug = slugOf(name);
        String description = form.raw("description").strip();
        String schedule = form.raw("schedule").strip();
        String audience = form.raw("audience");
        if (name.isEmpty()) form.error("name", "Enter the newsletter's name.");
        else if (name.length() > 120) form.error("name", "Use at most 120 characters for the name.");
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 80) {
            form.error(
                    "slug",
                    "Use lower-case letters and digits joined by single hyphens, at most 80 characters (for example morning-briefing).");
        }
        if (description.isEmpty())
            form.error("description", "Describe the newsletter in a sentence: readers see it on the sign-up form.");
        else if (description.length() > 500)
            form.error("description", "Use at most 500 characters for the description.");
        if (schedule.length() > 120) form.error("schedule", "Use at most 120 characters for the schedule.");
        if (!audience.equals("everyone") && !audience.equals("subscribers"))
            form.error("audience", "Choose who the newsletter is for.");
        if (form.hasErrors()) return new Result(form, id, 422);
        String finalSlug = slug;
        return jdbi.inTransaction(h -> {
            boolean taken = NewsletterDao.slugTaken(h, finalSlug, id);
            if (taken)
                return new Result(
                        form.error("slug", "Another newsletter already uses the slug " + finalSlug + "."), id, 422);
            long saved;
            var definition = new NewsletterDao.Definition(name, finalSlug, description, schedule, audience);
            if (id == null) {
                saved = NewsletterDao.insert(h, definition);
                Audit.record(h, user, "created newsletter", "newsletter", saved, name);
            } else {
                if (!NewsletterDao.update(h, id, definition)) return new Result(form, id, 404);
                saved = id;
                Audit.record(h, user, "edited newsletter", "newsletter", saved, name);
            }
            ContentChanges.announce(h);
            return new Result(form, saved, 200);
        });
    }

    static String slugOf(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return s.length() > 80 ? s.substring(0, 80).replaceAll("-+$", "") : s;
    }
}
