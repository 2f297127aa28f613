package broadsheet.wire;

import broadsheet.accounts.User;
import broadsheet.articles.ArticleStatus;
import broadsheet.audit.Audit;
import broadsheet.media.Embedded;
import broadsheet.media.MediaFiles;
import broadsheet.newsroom.articles.ArticleDesk;
import broadsheet.newsroom.articles.ArticleDraft;
import broadsheet.newsroom.articles.EditorForm;
import broadsheet.newsroom.articles.Workflow;
import broadsheet.web.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Turns ninjs wire items into draft articles for an editor to review, with the article desk's own
 * save (the same checks, revision and audit entry as a save in the editor).
 *
 * <p>Each item is one transaction, so one bad item does not stop the rest of a feed. The agency's
 * id ({@code uri}, or {@code guid}) is remembered with the draft it made: a newer version of the same
 * item updates that draft instead of making another, provided nobody has touched it. <b>A draft an
 * editor has changed (its version moved on since the import wrote it) or moved on in the workflow
 * (ready, scheduled, published) is never overwritten</b>: the newer version is recorded as held, the
 * audit log says so, and the result says {@link Outcome#KEPT} with the reason, so the editor can
 * bring the agency's changes in by hand. The same version again, or an older one, changes nothing.
 * An item the agency has withheld or canceled makes no draft, and an existing one is left for an
 * editor to delete.
 */
public final class WireService {

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        KEPT,
        SKIPPED,
        REFUSED
    }

    /**
     * What became of one item.
     *
     * @param field the ninjs field a refusal is about ("" for the whole item)
     */
    public record Result(
            int index,
            String agencyId,
            Outcome outcome,
            Long articleId,
            String headline,
            String field,
            String message) {}

    private final Jdbi jdbi;
    private final MediaFiles media;
    private final ArticleDesk desk;

    public WireService(Jdbi jdbi, MediaFiles media, ArticleDesk desk) {
        this.jdbi = jdbi;
        this.media = media;
        this.desk = desk;
    }

    /**
     * Imports the items in order, telling {@code progress} about each as it is done.
     *
     * @param section the slug of the section drafts go to; null or blank for the paper's first section
     * @param pictures where pictures' bytes may come from
     */
    public List<Result> importItems(
            User user, List<JsonNode> items, String section, Pictures pictures, Consumer<Result> progress) {
        if (!user.atLeast(Role.EDITOR)) throw new IllegalArgumentException("wire imports are for editors");
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Result r = importOne(user, i, items.get(i), section, pictures);
            out.add(r);
            progress.accept(r);
        }
        return out;
    }

    /** How many items had each outcome, in the enum's order. */
    public static Map<Outcome, Integer> count(List<Result> results) {
        Map<Outcome, Integer> m = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) m.put(o, 0);
        results.forEach(r -> m.merge(r.outcome(), 1, Integer::sum));
        return m;
    }

    private Result importOne(User user, int index, JsonNode json, String section, Pictures pictures) {
        NinjsItem item;
        try {
            item = Ninjs.parse(json);
        } catch (WireProblem p) {
            String id = Ninjs.text(json, "uri").isEmpty() ? Ninjs.text(json, "guid") : Ninjs.text(json, "uri");
            return new Result(index, id, Outcome.REFUSED, null, "", p.field(), p.getMessage());
        }
        // the pictures are checked and their files kept before the transaction, so that no connection
        // waits on a download; a file whose transaction then fails stays as an unused original
        List<Stored> stored = new ArrayList<>();
        for (NinjsItem.Picture p : item.pictures()) {
            String externalId = "wire:" + p.agencyId();
            boolean known = jdbi.withHandle(h -> WireDao.photoByExternalId(h, externalId))
                    .isPresent();
            try {
                stored.add(new Stored(p, externalId, known ? null : store(pictures.fetch(p.href(), p.field()))));
            } catch (WireProblem e) {
                return refused(index, item, e.field(), e.getMessage());
            } catch (MediaFiles.NotAnImage e) {
                return refused(
                        index,
                        item,
                        p.field() + ".renditions",
                        "The picture at " + shortHref(p.href()) + " is not a JPEG, PNG or WebP image we can read: "
                                + e.getMessage() + ".");
            }
        }
        try {
            return jdbi.inTransaction(h -> {
                WireDao.lockItem(h, item.agencyId());
                var existing = WireDao.find(h, item.agencyId());
                if (existing.isEmpty()) return create(h, user, index, item, section, stored);
                return update(h, user, index, item, existing.get(), stored);
            });
        } catch (Refusal r) {
            return r.result;
        }
    }

    private record Stored(NinjsItem.Picture picture, String externalId, MediaFiles.Stored file) {}

    private MediaFiles.Stored store(byte[] bytes) throws MediaFiles.NotAnImage {
        return media.store(bytes);
    }

    private Result create(Handle h, User user, int index, NinjsItem item, String section, List<Stored> stored) {
        if (item.pubstatus() != PubStatus.USABLE)
            return new Result(
                    index,
                    item.agencyId(),
                    Outcome.SKIPPED,
                    null,
                    item.headline(),
                    "pubstatus",
                    "The agency has " + item.pubstatus().dbValue() + " this item: no draft was made.");
        Long sectionId = WireDao.section(h, section).orElse(null);
        if (sectionId == null)
            throw refusal(
                    index,
                    item,
                    "section",
                    section == null || section.isBlank()
                            ? "The paper has no section yet: create one in the newsroom first."
                            : "There is no section “" + section + "”.");
        List<Long> photos = photos(h, user, stored);
        ArticleDraft d = draft(h, item, "", sectionId, "news", "free", photos);
        ArticleDesk.Outcome o = desk.save(user, null, EditorForm.of(d, 0), Workflow.SAVE, null, false);
        ArticleDesk.Saved saved = saved(o, index, item);
        WireDao.insert(h, item.agencyId(), saved.id(), item.version(), saved.version());
        Audit.record(h, user, "imported from the wire", "article", saved.id(), describe(item));
        return new Result(index, item.agencyId(), Outcome.CREATED, saved.id(), item.headline(), "", "");
    }

    private Result update(Handle h, User user, int index, NinjsItem item, WireDao.Item known, List<Stored> stored) {
        long id = known.articleId();
        if (!newer(item.version(), known.wireVersion()))
            return new Result(
                    index,
                    item.agencyId(),
                    Outcome.UNCHANGED,
                    id,
                    item.headline(),
                    "version",
                    "Version " + show(item.version()) + " is not newer than the one imported ("
                            + show(known.wireVersion()) + "): nothing changed.");
        WireDao.Article a = WireDao.article(h, id).orElseThrow();
        String reason = null;
        if (item.pubstatus() != PubStatus.USABLE)
            reason = "The agency has " + item.pubstatus().dbValue()
                    + " this item; the draft was left as it is for an editor to delete.";
        else if (a.status() != ArticleStatus.DRAFT)
            reason = "The article is no longer a draft (" + a.status().dbValue() + "): the agency's version "
                    + show(item.version()) + " was not applied.";
        else if (a.version() != known.articleVersion())
            reason = "An editor has changed the draft since it was imported: the agency's version "
                    + show(item.version()) + " was not applied, so nothing of theirs is lost.";
        if (reason != null) {
            WireDao.held(h, item.agencyId(), item.version(), item.pubstatus(), reason);
            Audit.record(h, user, "held a wire update", "article", id, describe(item) + ": " + reason);
            return new Result(index, item.agencyId(), Outcome.KEPT, id, item.headline(), "", reason);
        }
        List<Long> photos = photos(h, user, stored);
        ArticleDraft d = draft(h, item, a.slug(), a.sectionId(), a.kind(), a.access(), photos);
        ArticleDesk.Saved saved =
                saved(desk.save(user, id, EditorForm.of(d, a.version()), Workflow.SAVE, null, false), index, item);
        WireDao.applied(h, item.agencyId(), item.version(), saved.version());
        Audit.record(h, user, "updated from the wire", "article", id, describe(item));
        return new Result(index, item.agencyId(), Outcome.UPDATED, id, item.headline(), "", "");
    }

    /**
     * The draft the item makes. The desk's save joins this transaction: Jdbi hands a nested
     * {@code inTransaction} on the same thread the handle already open.
     */
    private static ArticleDraft draft(
            Handle h, NinjsItem item, String slug, long section, String kind, String access, List<Long> photos) {
        List<Long> authors = WireDao.authorsNamed(h, names(item.by()));
        List<Long> topics = WireDao.topicsBySlug(
                h, item.subjects().stream().map(ArticleDraft::slugOf).toList());
        return new ArticleDraft(
                item.headline(),
                item.deck(),
                slug,
                section,
                kind,
                authors,
                topics,
                photos.isEmpty() ? null : photos.getFirst(),
                photos,
                item.body(),
                access);
    }

    /** "By Ana Ruiz and Tom Ede, Northwind Press" gives the names to look for among the authors. */
    static List<String> names(String by) {
        String s = by.replaceFirst("(?i)^\\s*by\\s+", "");
        return Arrays.stream(s.split("\\s*(?:,|;|/|&|\\band\\b)\\s*"))
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .toList();
    }

    /** The library's photo for each picture: the one stored before under the agency's id, or a new one. */
    private static List<Long> photos(Handle h, User user, List<Stored> stored) {
        List<Long> ids = new ArrayList<>();
        for (Stored s : stored) {
            var known = WireDao.photoByExternalId(h, s.externalId());
            long id;
            if (known.isPresent()) id = known.get();
            else {
                MediaFiles.Stored f = s.file();
                if (f == null) continue; // removed from the library meanwhile; the next import brings it back
                NinjsItem.Picture p = s.picture();
                Embedded e = f.embedded();
                String credit = !p.by().isEmpty() || !p.agency().isEmpty()
                        ? new Embedded("", "", p.by(), "", p.agency(), "").credit()
                        : e.credit();
                id = WireDao.insertPhoto(
                        h,
                        s.externalId(),
                        f,
                        p.caption().isEmpty() ? e.description() : p.caption(),
                        credit,
                        p.altText().isEmpty() ? e.altText() : p.altText(),
                        user.id());
                Audit.record(
                        h,
                        user,
                        "uploaded photo",
                        "photo",
                        id,
                        f.width() + "×" + f.height() + " " + f.mimeType() + " from the wire (" + p.agencyId() + ")");
            }
            if (!ids.contains(id)) ids.add(id);
        }
        return ids;
    }

    private static ArticleDesk.Saved saved(ArticleDesk.Outcome o, int index, NinjsItem item) {
        return switch (o) {
            case ArticleDesk.Saved s -> s;
            case ArticleDesk.Invalid inv -> {
                var errors = inv.form().form().errors();
                var first = errors.entrySet().iterator().next();
                throw refusal(index, item, first.getKey(), "The draft was refused: " + first.getValue());
            }
            case ArticleDesk.Conflict c ->
                throw refusal(index, item, "", "Someone saved the draft at the same moment; send the item again.");
        };
    }

    /** A newer version: both numbers and larger, or (not both numbers) simply different. */
    static boolean newer(String incoming, String known) {
        if (incoming.equals(known)) return false;
        if (incoming.matches("\\d{1,18}") && known.matches("\\d{1,18}"))
            return Long.parseLong(incoming) > Long.parseLong(known);
        return true;
    }

    private static String show(String version) {
        return version.isEmpty() ? "(none)" : version;
    }

    private static String describe(NinjsItem item) {
        return item.agencyId() + (item.version().isEmpty() ? "" : " version " + item.version());
    }

    private static String shortHref(String href) {
        return href.length() > 80 ? href.substring(0, 77) + "..." : href;
    }

    private static Result refused(int index, NinjsItem item, String field, String message) {
        return new Result(index, item.agencyId(), Outcome.REFUSED, null, item.headline(), field, message);
    }

    private static Refusal refusal(int index, NinjsItem item, String field, String message) {
        return new Refusal(refused(index, item, field, message));
    }

    /** Thrown inside the transaction to roll it back with a refusal. */
    private static final class Refusal extends RuntimeException {
        final Result result;

        Refusal(Result result) {
            super(result.message(), null, false, false);
            this.result = result;
        }
    }
}
