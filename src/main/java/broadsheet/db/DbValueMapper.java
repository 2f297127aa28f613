package broadsheet.db;

import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;

/** Reads a text column into the {@link DbValue} enum constant it names; {@link Binder} binds one as its text. */
final class DbValueMapper implements ColumnMapperFactory {

    /** Preparable, so that it comes before JDBI's own enum binding (which would bind the constant's name). */
    static final class Binder implements ArgumentFactory.Preparable {
        @Override
        public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
            if (!DbValue.class.isAssignableFrom(GenericTypes.getErasedType(type))) return Optional.empty();
            return Optional.of(value -> (position, statement, ctx) -> {
                if (value == null) statement.setNull(position, Types.VARCHAR);
                else statement.setString(position, ((DbValue) value).dbValue());
            });
        }

        @Override
        public Optional<Argument> build(Type type, Object value, ConfigRegistry config) {
            return prepare(type, config).map(f -> f.apply(value));
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
        Class<?> c = GenericTypes.getErasedType(type);
        if (!c.isEnum() || !DbValue.class.isAssignableFrom(c)) return Optional.empty();
        Class raw = c;
        return Optional.of((rs, column, ctx) -> {
            String v = rs.getString(column);
            return v == null ? null : DbValue.of(raw, v);
        });
    }
}
