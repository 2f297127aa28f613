package org.eclipse.jetty.util.ajax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-only bridge. The Nu HTML Checker's language detector loads its profiles with Jetty 9's
 * {@code JSON.parse}, a class Jetty 12 (which Javalin brings) no longer has. This gives it the
 * same shapes Jetty 9 returned (maps, Object[] arrays, Long and Double numbers) using Jackson.
 */
public final class JSON {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JSON() {}

    public static Object parse(String s) {
        try {
            return convert(MAPPER.readTree(s));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Object convert(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), convert(e.getValue())));
            return m;
        }
        if (n.isArray()) {
            Object[] a = new Object[n.size()];
            for (int i = 0; i < a.length; i++) a[i] = convert(n.get(i));
            return a;
        }
        if (n.isIntegralNumber()) return n.longValue();
        if (n.isNumber()) return n.doubleValue();
        if (n.isBoolean()) return n.booleanValue();
        if (n.isNull()) return null;
        return n.asText();
    }
}
