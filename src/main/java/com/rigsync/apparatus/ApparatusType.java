package com.rigsync.apparatus;

import java.util.Arrays;
import java.util.Optional;

public enum ApparatusType {
    ENGINE("Engine"),
    LADDER("Ladder / truck"),
    QUINT("Quint"),
    RESCUE("Rescue"),
    TANKER("Tanker / tender"),
    BRUSH("Brush"),
    AMBULANCE("Ambulance"),
    COMMAND("Command"),
    UTILITY("Utility"),
    OTHER("Other");

    private final String label;

    ApparatusType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads a label as shown (or the constant's name), for CSV import. */
    public static Optional<ApparatusType> parse(String text) {
        String wanted = text == null ? "" : text.strip();
        return Arrays.stream(values())
                .filter(t -> t.label.equalsIgnoreCase(wanted) || t.name().equalsIgnoreCase(wanted.replace(' ', '_'))
                        || Arrays.stream(t.label.split(" / ")).anyMatch(part -> part.equalsIgnoreCase(wanted)))
                .findFirst();
    }
}
