package com.rigsync.demo.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request to the simulated Samsara, independent of the transport that received it.
 *
 * @param path    the path below the simulator's prefix, starting with {@code /}, e.g. {@code /fleet/vehicles}
 * @param query   decoded query parameters
 * @param headers header values by lower-case name
 * @param body    the raw body, empty when there is none
 */
public record SimulatedRequest(String method, String path, Map<String, List<String>> query,
        Map<String, List<String>> headers, byte[] body) {

    public SimulatedRequest {
        method = method.toUpperCase(Locale.ROOT);
        path = path == null || path.isEmpty() ? "/" : path;
        query = copy(query, false);
        headers = copy(headers, true);
        body = body == null ? new byte[0] : body.clone();
    }

    /** A request with a raw (still encoded) query string such as {@code limit=5&after=abc}. */
    public static SimulatedRequest of(String method, String path, String rawQuery, Map<String, List<String>> headers,
            byte[] body) {
        return new SimulatedRequest(method, path, parseForm(rawQuery), headers, body);
    }

    /** A copy of the raw body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The first value of a header, or null; the name is case-insensitive. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body read as {@code application/x-www-form-urlencoded}. */
    public Map<String, List<String>> formParams() {
        return parseForm(bodyText());
    }

    public static Map<String, List<String>> parseForm(String encoded) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> source, boolean lowerCaseKeys) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (source != null) {
            source.forEach((key, values) -> copy.computeIfAbsent(
                    lowerCaseKeys ? key.toLowerCase(Locale.ROOT) : key, k -> new ArrayList<>()).addAll(values));
        }
        copy.replaceAll((key, values) -> List.copyOf(values));
        return Map.copyOf(copy);
    }

    @Override
    public String toString() {
        // headers stay out: they carry bearer tokens and client secrets
        return "SimulatedRequest[" + method + " " + path + "]";
    }
}
