package com.rigsync.apparatus;

/** Whether a meter reading is in use as the apparatus' value, and if not why. */
public enum MeterFlag {
    NONE("In use"),
    LOWER_THAN_PREVIOUS("Lower than the previous reading"),
    IMPLAUSIBLE_DAILY_USE("Implausible daily use"),
    ACCEPTED_AS_BASELINE("Accepted as new baseline");

    private final String label;

    MeterFlag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A reading the apparatus' current value may come from (later readings are compared with it). */
    public boolean good() {
        return this == NONE || this == ACCEPTED_AS_BASELINE;
    }
}
