package com.rigsync.samsara;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/** Tolerant readers: a missing, null, empty or oddly typed field becomes null, never zero or a failure. */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isMissingNode() || v.isContainer()) {
            return null;
        }
        String s = v.isString() ? v.stringValue() : v.asString();
        return s == null || s.isEmpty() ? null : s;
    }

    static Long longValue(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return Math.round(v.doubleValue());
        }
        if (v.isString()) {
            try {
                return Math.round(Double.parseDouble(v.stringValue().trim()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Integer intValue(JsonNode node, String field) {
        Long l = longValue(node, field);
        return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
    }

    static Double doubleValue(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isString()) {
            try {
                return Double.parseDouble(v.stringValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isString()) {
            return switch (v.stringValue().trim().toLowerCase()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    static Instant instant(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static Map<String, String> stringMap(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isObject()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            JsonNode value = e.getValue();
            if (value != null && !value.isNull() && !value.isContainer()) {
                out.put(e.getKey(), value.asString());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> item) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isArray()) {
            return List.of();
        }
        List<T> out = new ArrayList<>(v.size());
        for (JsonNode n : v) {
            if (n != null && n.isObject()) {
                T t = item.apply(n);
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return List.copyOf(out);
    }

    static JsonNode object(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isObject() ? v : null;
    }
}
