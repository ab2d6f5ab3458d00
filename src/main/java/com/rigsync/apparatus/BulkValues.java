package com.rigsync.apparatus;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The part of an apparatus "Edit selected" changes, as it is or as it will be. */
record BulkValues(String station, ApparatusType type, ApparatusStatus status, String statusReason, String make,
                  String model, Integer modelYear) implements Serializable {

    /** What differs from {@code before}, in the audit log's words: "Station: Station 1 → Station 2; ...". */
    String changesFrom(BulkValues before) {
        List<String> parts = new ArrayList<>();
        part(parts, "Station", before.station, station);
        part(parts, "Type", before.type == null ? null : before.type.label(), type == null ? null : type.label());
        part(parts, "Status", statusText(before), statusText(this));
        part(parts, "Make", before.make, make);
        part(parts, "Model", before.model, model);
        part(parts, "Year", before.modelYear == null ? null : before.modelYear.toString(),
                modelYear == null ? null : modelYear.toString());
        return String.join("; ", parts);
    }

    private static String statusText(BulkValues v) {
        if (v.status == null) {
            return null;
        }
        return v.status.label() + (v.statusReason == null ? "" : " (" + v.statusReason + ")");
    }

    private static void part(List<String> parts, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            parts.add(field + ": " + shown(before) + " → " + shown(after));
        }
    }

    private static String shown(String value) {
        return value == null ? "(empty)" : value;
    }
}
