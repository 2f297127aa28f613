package broadsheet.content;

import broadsheet.web.Json;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Reads and writes content files, turning Jackson's errors into "file: path: problem (line, column)". */
final class ContentJson {

    /**
     * The shared mapper, read strictly: a field given twice, a field the format does not have, or
     * anything after the object is an error rather than something quietly dropped.
     */
    private static final ObjectReader READ = strict().readerFor(ContentFile.class)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * A copy of the shared mapper that takes every value only in its own JSON type: no number,
     * true/false or empty text read as text or as a whole number, no decimal cut to a whole
     * number, no number read as a time (the shared mapper stays as it is for the rest of the app).
     */
    private static ObjectMapper strict() {
        ObjectMapper m = Json.MAPPER.copy();
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float)) {
            var config = m.coercionConfigFor(type);
            for (CoercionInputShape shape : CoercionInputShape.values()) {
                boolean own = switch (type) {
                    case Textual -> shape == CoercionInputShape.String;
                    case Integer -> shape == CoercionInputShape.Integer;
                    default -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
                };
                if (!own) config.setCoercion(shape, CoercionAction.Fail);
            }
        }
        m.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        m.registerModule(new SimpleModule().addDeserializer(Instant.class, new StrictInstant()));
        return m;
    }

    /** An instant only from text: Jackson would otherwise read 1764405000 as seconds since 1970. */
    private static final class StrictInstant extends StdDeserializer<Instant> {
        StrictInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }

    /** Indented, so an export can be read and diffed by people. */
    private static final ObjectWriter WRITE = Json.MAPPER.writerWithDefaultPrettyPrinter();

    private ContentJson() {}

    static ContentFile read(Path file) throws ImportException {
        String name = file.getFileName().toString();
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (new String(bytes, StandardCharsets.UTF_8).isBlank())
                throw new ImportException(List.of(name + ": the file is empty"));
            return READ.readValue(bytes);
        } catch (NoSuchFileException e) {
            throw new ImportException(name + ": no such file (" + file.toAbsolutePath() + ")", e);
        } catch (JsonMappingException e) {
            // Syntax errors met while binding arrive wrapped; report them as syntax errors.
            if (e.getCause() instanceof StreamReadException syntax) throw invalid(name, syntax);
            throw new ImportException(name + ": " + describe(e), e);
        } catch (JsonProcessingException e) {
            throw invalid(name, e);
        } catch (IOException e) {
            throw new ImportException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static void write(Path file, ContentFile content) throws IOException {
        WRITE.writeValue(file.toFile(), content);
    }

    private static ImportException invalid(String name, JsonProcessingException e) {
        return new ImportException(name + ": invalid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    }

    private static String describe(JsonMappingException e) {
        String path = path(e.getPath());
        String where = at(e.getLocation());
        if (path.isEmpty() && e instanceof MismatchedInputException)
            return "the file must hold one JSON object" + where;
        if (path.isEmpty()) return "invalid JSON" + where + ": " + e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException u) {
            return path + ": unknown field \"" + u.getPropertyName() + "\"" + where;
        }
        if (e instanceof InvalidFormatException f && !(f.getValue() instanceof String)) {
            String given = f.getValue() instanceof Number
                    ? ", not a number"
                    : f.getValue() instanceof Boolean ? ", not true or false" : given(f);
            return path + ": expected " + expected(f.getTargetType()) + given + where;
        }
        if (e instanceof InvalidFormatException f) {
            return path + ": \"" + f.getValue() + "\" is not " + expected(f.getTargetType()) + where;
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return path + ": expected " + expected(m.getTargetType()) + given(m) + where;
        }
        return path + ": " + e.getOriginalMessage() + where;
    }

    private static String expected(Class<?> type) {
        if (type == String.class) return "text";
        if (type == Integer.class || type == int.class) return "a whole number";
        if (type == Instant.class) return "an ISO-8601 instant such as 2026-11-29T08:30:00Z";
        if (Collection.class.isAssignableFrom(type)) return "a list";
        return "an object";
    }

    private static final java.util.regex.Pattern COERCE =
            java.util.regex.Pattern.compile("Cannot coerce (String|empty String|Boolean|Integer|Floating-point) value");

    /** ", not a number": what the file holds instead, when the parser still points at it. */
    private static String given(MismatchedInputException e) {
        // A refused coercion says what it had: "Cannot coerce String value ("1") to ..."
        java.util.regex.Matcher m = COERCE.matcher(String.valueOf(e.getOriginalMessage()));
        if (m.lookingAt()) {
            return switch (m.group(1)) {
                case "String", "empty String" -> ", not text";
                case "Boolean" -> ", not true or false";
                default -> ", not a number";
            };
        }
        if (!(e.getProcessor() instanceof JsonParser p) || p.currentToken() == null) return "";
        return switch (p.currentToken()) {
            case VALUE_STRING -> ", not text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ", not a number";
            case VALUE_TRUE, VALUE_FALSE -> ", not true or false";
            case START_ARRAY -> ", not a list";
            case START_OBJECT -> ", not an object";
            case VALUE_NULL -> ", not null";
            default -> "";
        };
    }

    /** "articles[3].publishedAt" from Jackson's reference chain. */
    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null && r.getFrom() instanceof java.util.Map) {
                sb.append("[\"").append(r.getFieldName()).append("\"]"); // fronts["section:politics"]
            } else if (r.getFieldName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String at(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) return "";
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
}
