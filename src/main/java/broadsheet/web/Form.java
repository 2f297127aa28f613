package broadsheet.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person typed into a form and what is wrong with it, field by field, so the form can be
 * shown again with each error next to its field and nothing retyped.
 */
public final class Form {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    public static Form empty() {
        return new Form();
    }

    /** The named fields of a submitted form (passwords are never echoed back). */
    public static Form of(Context ctx, List<String> fields) {
        Form f = new Form();
        for (String name : fields) {
            String v = ctx.formParam(name);
            f.values.put(name, v == null ? "" : v);
        }
        return f;
    }

    public String value(String name) {
        if (name.toLowerCase().contains("password")) return "";
        return values.getOrDefault(name, "");
    }

    /** The raw value, passwords included, for the handler. */
    public String raw(String name) {
        return values.getOrDefault(name, "");
    }

    public Form set(String name, String value) {
        values.put(name, value);
        return this;
    }

    public Form error(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public String errorOf(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public Map<String, String> errors() {
        return errors;
    }
}
