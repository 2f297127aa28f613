package broadsheet.content;

import broadsheet.web.Json;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
    private static final ObjectReader READ = Json.MAPPER
            .readerFor(ContentFile.class)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
        if (e instanceof InvalidFormatException f) {
            return path + ": \"" + f.getValue() + "\" is not " + expected(f.getTargetType()) + where;
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return path + ": expected " + expected(m.getTargetType()) + where;
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

    /** "articles[3].publishedAt" from Jackson's reference chain. */
    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
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
