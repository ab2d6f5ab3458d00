package com.rigsync.apparatus;

import java.time.Duration;

/** How far back the apparatus page's meter chart reaches. */
public enum MeterRange {
    LAST_30_DAYS("30 days", Duration.ofDays(30)),
    LAST_YEAR("A year", Duration.ofDays(365)),
    ALL("All", null);

    private final String label;
    private final Duration length;

    MeterRange(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    /** How far back from now, or null for the whole history. */
    Duration length() {
        return length;
    }
}
