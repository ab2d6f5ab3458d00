package com.rigsync.apparatus;

public enum ImportOutcome {
    NEW("New"),
    UPDATE("Update"),
    UNCHANGED("Unchanged"),
    ERROR("Error");

    private final String label;

    ImportOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
