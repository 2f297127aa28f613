package broadsheet.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code settings} table: the paper's name, paywall and comment rules, and the like, as
 * key-value text shared by every node. The one class that reads or writes it; callers turn the
 * text into their own types.
 */
public final class Settings {
    private final Jdbi jdbi;

    public Settings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<String> get(String key) {
        return jdbi.withHandle(h -> get(h, key));
    }

    public static Optional<String> get(Handle h, String key) {
        return h.createQuery("select value from settings where key = :key")
                .bind("key", key)
                .mapTo(String.class)
                .findOne();
    }

    /** Every setting, keyed by name. */
    public Map<String, String> all() {
        return startingWith("");
    }

    /** The settings whose names start with {@code prefix} ("comments_", "paywall_"). */
    public Map<String, String> startingWith(String prefix) {
        return jdbi.withHandle(h -> {
            Map<String, String> out = new LinkedHashMap<>();
            h.createQuery("select key, value from settings where starts_with(key, :prefix) order by key")
                    .bind("prefix", prefix)
                    .map((rs, ctx) -> Map.entry(rs.getString("key"), rs.getString("value")))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /** Sets every given setting in one transaction. */
    public void putAll(Map<String, String> values) {
        jdbi.useTransaction(h -> values.forEach((k, v) -> put(h, k, v)));
    }

    public void put(String key, String value) {
        jdbi.useHandle(h -> put(h, key, value));
    }

    /** Sets one setting inside the caller's transaction. */
    public static void put(Handle h, String key, String value) {
        h.createUpdate(
                        "insert into settings (key, value) values (:key, :value) on conflict (key) do update set value = excluded.value")
                .bind("key", key)
                .bind("value", value)
                .execute();
    }

    /** Sets a setting only if it has none yet; returns the value now stored (ours or the one already there). */
    public String putIfAbsent(String key, String value) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("insert into settings (key, value) values (:key, :value) on conflict (key) do nothing")
                    .bind("key", key)
                    .bind("value", value)
                    .execute();
            return get(h, key).orElseThrow();
        });
    }
}
