package com.rigsync.apparatus;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the Overview's tiles count and the grid filters by, beyond status: each names exactly the apparatus a tile
 * counts. {@link #key()} is how it reads in an address ({@code apparatus?show=not-reporting}), so a filtered grid can
 * be bookmarked and shared.
 */
public enum FleetCondition {
    ACTIVE_FAULTS("faults", "Active fault codes"),
    WARNING_LAMPS("warning-lamps", "Warning lamp on"),
    NOT_REPORTING("not-reporting", "Not reporting"),
    LOW_FUEL("low-fuel", "Low fuel"),
    NEEDS_REVIEW("needs-review", "Needs review");

    private final String key;
    private final String label;

    FleetCondition(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<FleetCondition> ofKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
