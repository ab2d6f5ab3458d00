package com.rigsync.apparatus;

/** Which meter a reading is of; values are meters (odometer) or seconds (engine hours). */
public enum MeterKind {
    ODOMETER("Odometer"),
    ENGINE_HOURS("Engine hours");

    private final String label;

    MeterKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
