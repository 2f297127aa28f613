package broadsheet.db;

import java.util.Locale;

/**
 * An enum stored as text: its constant's name in lower case ({@code PUBLISHED} as 'published'),
 * the value the column's check constraint lists. {@link Database} teaches JDBI to bind and map
 * every such enum, so SQL takes and returns them directly; EnumConstraintTest checks each enum
 * against its constraint.
 */
public interface DbValue {

    String name();

    default String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} stored as {@code value}; IllegalArgumentException naming both if none. */
    static <E extends Enum<E> & DbValue> E of(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.dbValue().equals(value)) return e;
        }
        throw new IllegalArgumentException("no " + type.getSimpleName() + " is stored as \"" + value + "\"");
    }
}
