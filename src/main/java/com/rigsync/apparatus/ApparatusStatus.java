package com.rigsync.apparatus;

import java.util.Arrays;
import java.util.Optional;

public enum ApparatusStatus {
    IN_SERVICE("In service"),
    OUT_OF_SERVICE("Out of service"),
    RESERVE("Reserve");

    private final String label;

    ApparatusStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads a label as shown (or the constant's name), for CSV import. */
    public static Optional<ApparatusStatus> parse(String text) {
        String wanted = text == null ? "" : text.strip();
        return Arrays.stream(values())
                .filter(s -> s.label.equalsIgnoreCase(wanted) || s.name().equalsIgnoreCase(wanted.replace(' ', '_')))
                .findFirst();
    }
}
