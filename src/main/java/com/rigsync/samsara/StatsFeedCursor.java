package com.rigsync.samsara;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where a stats feed stands. Samsara gives one {@code endCursor} per call, and a call takes at most three types, so
 * a feed over more types is several feeds: this holds one Samsara cursor per group of types, keyed by the group's
 * {@code types=} value (see {@link StatType#groups}). A group with no cursor starts from the latest stats.
 * Persist {@link #encode()} and restore with {@link #decode(String)}; asking later for a different set of types
 * gives different groups, which then start afresh.
 */
public record StatsFeedCursor(Map<String, String> cursorsByGroup) {

    public StatsFeedCursor {
        cursorsByGroup = Map.copyOf(cursorsByGroup == null ? Map.of() : cursorsByGroup);
    }

    /** No cursor yet: the first call returns the latest stats. */
    public static StatsFeedCursor start() {
        return new StatsFeedCursor(Map.of());
    }

    public Optional<String> cursorFor(Set<StatType> group) {
        return Optional.ofNullable(cursorsByGroup.get(StatType.queryValue(group)));
    }

    /** One string to store, e.g. {@code gps%2CobdOdometerMeters=MjkY&faultCodes=NzQx}. */
    public String encode() {
        return new TreeMap<>(cursorsByGroup).entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static StatsFeedCursor decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return start();
        }
        Map<String, String> m = new TreeMap<>();
        for (String part : encoded.split("&")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a stats feed cursor written by StatsFeedCursor.encode()");
            }
            m.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return new StatsFeedCursor(m);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
