package broadsheet.newsroom.taxonomy;

import broadsheet.accounts.User;
import broadsheet.audit.Audit;
import broadsheet.db.ContentChanges;
import broadsheet.web.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.util.PSQLException;

/**
 * Creating, editing and deleting one {@link Kind}: each is one transaction that checks, writes,
 * audits and announces the change (readers' pages and the section navigation are rebuilt on
 * every node). An edit names the version it was read at; a delete is refused while articles use it.
 */
public final class Catalog {

    /**
     * What became of a request: {@code status} 200 when done, else the HTTP status to answer with
     * (404 no such row, 409 someone else saved first, 422 bad input or still in use).
     */
    public record Result(int status, long id, Form form, String problem) {
        public boolean ok() {
            return status == 200;
        }
    }

    private final Jdbi jdbi;
    private final Kind kind;

    public Catalog(Jdbi jdbi, Kind kind) {
        this.jdbi = jdbi;
        this.kind = kind;
    }

    public static Catalog sections(Jdbi jdbi) {
        return new Catalog(jdbi, new Sections());
    }

    public static Catalog authors(Jdbi jdbi) {
        return new Catalog(jdbi, new Authors());
    }

    public static Catalog topics(Jdbi jdbi) {
        return new Catalog(jdbi, new Topics());
    }

    Kind kind() {
        return kind;
    }

    /** The fields a form of this kind has ("name", "slug", ...), without "version". */
    public List<String> fields() {
        return kind.fields();
    }

    /** "topic", "author", "section". */
    public String noun() {
        return kind.noun();
    }

    List<Kind.Entry> list(String query, int limit) {
        return jdbi.withHandle(h -> kind.list(h, query == null ? "" : query.strip(), limit));
    }

    public Optional<Form> load(long id) {
        return jdbi.withHandle(h -> kind.load(h, id, false));
    }

    Kind.Choices choices(Long id) {
        return jdbi.withHandle(h -> kind.choices(h, id));
    }

    int uses(long id) {
        return jdbi.withHandle(h -> kind.uses(h, id));
    }

    public Result create(User editor, Form form) {
        return guarded(
                form,
                () -> jdbi.inTransaction(h -> {
                    kind.check(h, form, null);
                    if (form.hasErrors()) return new Result(422, 0, form, null);
                    long id = kind.insert(h, form);
                    Audit.record(
                            h,
                            editor,
                            "created " + kind.noun(),
                            kind.noun(),
                            id,
                            form.raw("name") + " (" + form.raw("slug") + ")");
                    ContentChanges.announce(h);
                    return new Result(200, id, form, null);
                }));
    }

    public Result update(User editor, long id, Form form) {
        return guarded(
                form,
                () -> jdbi.inTransaction(h -> {
                    Optional<Form> saved = kind.load(h, id, true);
                    if (saved.isEmpty()) return new Result(404, id, form, null);
                    Form old = saved.get();
                    kind.check(h, form, id);
                    if (!old.raw("version").equals(form.raw("version"))) {
                        // the editor's typed values stay; saving again replaces the other change on purpose
                        form.set("version", old.raw("version"));
                        return new Result(
                                409,
                                id,
                                form,
                                "Someone else saved changes to this " + kind.noun() + " after you opened it. "
                                        + "What you typed is kept below; saving again will replace their changes. To see theirs first, open the "
                                        + kind.noun() + " again.");
                    }
                    if (form.hasErrors()) return new Result(422, id, form, null);
                    String changes = changes(old, form);
                    if (changes.isEmpty()) return new Result(200, id, form, null);
                    kind.update(h, id, form);
                    if (!old.raw("slug").equals(form.raw("slug"))) kind.renamed(h, old.raw("slug"), form.raw("slug"));
                    Audit.record(
                            h, editor, "edited " + kind.noun(), kind.noun(), id, form.raw("name") + ": " + changes);
                    ContentChanges.announce(h);
                    return new Result(200, id, form, null);
                }));
    }

    Result delete(User editor, long id) {
        Form none = Form.empty();
        return guarded(
                none,
                () -> jdbi.inTransaction(h -> {
                    // the row lock makes a new article that names this row wait, so the count below stays true
                    Optional<Form> saved = kind.load(h, id, true);
                    if (saved.isEmpty()) return new Result(404, id, none, null);
                    Form old = saved.get();
                    int uses = kind.uses(h, id);
                    if (uses > 0) return new Result(422, id, old, kind.inUse(old.raw("name"), uses));
                    kind.delete(h, id);
                    kind.deleted(h, old.raw("slug"));
                    Audit.record(
                            h,
                            editor,
                            "deleted " + kind.noun(),
                            kind.noun(),
                            id,
                            old.raw("name") + " (" + old.raw("slug") + ")");
                    ContentChanges.announce(h);
                    return new Result(200, id, old, null);
                }));
    }

    /**
     * A write that lost a race despite the checks (two editors choosing one slug at once, or an
     * article filed under a row being deleted) fails on a constraint; the whole transaction is
     * rolled back and the editor gets the same clear message the check would have given.
     */
    private Result guarded(Form form, java.util.function.Supplier<Result> write) {
        try {
            return write.get();
        } catch (UnableToExecuteStatementException e) {
            if (!(e.getCause() instanceof PSQLException p)) throw e;
            String state = p.getSQLState();
            String constraint = p.getServerErrorMessage() == null
                    ? null
                    : p.getServerErrorMessage().getConstraint();
            if ("23505".equals(state)) {
                String field = kind.fieldOf(constraint);
                form.error(
                        field,
                        field.equals("slug")
                                ? "The slug “" + form.raw("slug") + "” is already used by another " + kind.noun()
                                        + ". Choose a different one."
                                : "That account is already linked to another author.");
                return new Result(422, 0, form, null);
            }
            if ("23503".equals(state)) {
                return new Result(
                        422, 0, form, "This " + kind.noun() + " is still used by articles, so it cannot be deleted.");
            }
            throw e;
        }
    }

    /** "name: Politics → World politics; slug: politics → world-politics" */
    private String changes(Form old, Form now) {
        List<String> out = new ArrayList<>();
        for (String f : kind.fields()) {
            String a = old.raw(f);
            String b = now.raw(f);
            if (a.equals(b)) continue;
            out.add(
                    a.length() > 80 || b.length() > 80
                            ? f + " changed"
                            : f + ": " + (a.isEmpty() ? "(none)" : a) + " → " + (b.isEmpty() ? "(none)" : b));
        }
        return String.join("; ", out);
    }

    static String articles(int n) {
        return n == 1 ? "1 article is" : n + " articles are";
    }
}
