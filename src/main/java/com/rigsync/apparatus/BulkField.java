package com.rigsync.apparatus;

/** The fields "Edit selected" can set on many apparatus at once. */
public enum BulkField {
    STATION("Station"),
    STATUS("Status"),
    TYPE("Type"),
    MAKE("Make"),
    MODEL("Model"),
    MODEL_YEAR("Year");

    private final String label;

    BulkField(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
