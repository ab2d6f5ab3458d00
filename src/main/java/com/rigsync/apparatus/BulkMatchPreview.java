package com.rigsync.apparatus;

import java.time.Instant;
import java.util.List;

/**
 * "Find Samsara IDs by VIN" before anything is linked: one row per unlinked apparatus looked at, what was found, and
 * how many chosen apparatus were left out because they are linked already. {@code notice}, when not null, says why
 * the vehicle list could not be refreshed from Samsara; {@code listedAt} is when it was listed (null: never).
 */
public record BulkMatchPreview(List<Row> rows, int alreadyLinked, Instant listedAt, String notice) {

    public BulkMatchPreview {
        rows = List.copyOf(rows);
    }

    public enum Kind {
        EXACT("Exact match"),
        NEAR_MISS("Near miss"),
        NO_MATCH("No match"),
        CONFLICT("Conflict"),
        NO_VIN("No VIN");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A vehicle offered for an apparatus and why (e.g. "same VIN", "O and 0 swapped"). */
    public record Candidate(SamsaraVehicleSummary vehicle, String reason) {
    }

    /**
     * One apparatus: an exact match has one candidate (accepted unless the person unticks it); a near miss has the
     * candidates the person may pick one of; a conflict says why in {@code note} and cannot be applied.
     */
    public record Row(long apparatusId, String unitName, String vin, Kind kind, List<Candidate> candidates,
                      String note) {

        public Row {
            candidates = List.copyOf(candidates);
        }

        public boolean applicable() {
            return kind == Kind.EXACT || kind == Kind.NEAR_MISS;
        }
    }

    public long count(Kind kind) {
        return rows.stream().filter(r -> r.kind() == kind).count();
    }

    /** A link the person accepted in the preview. */
    public record Accepted(long apparatusId, String samsaraId) {
    }
}
