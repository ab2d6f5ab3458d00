package com.rigsync.department;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of a department's paid Samsara entitlement, for its history.
 *
 * @param effectiveOn the day a switch-off at a contract's end takes effect, or null for at once
 * @param appliedAt   when it took effect, or null while it waits for its day (or was cancelled)
 * @param cancelledAt when a later change replaced it before its day, or null
 */
public record EntitlementChange(long id, boolean entitled, String reason, String requestedBy, Instant requestedAt,
                                LocalDate effectiveOn, Instant appliedAt, Instant cancelledAt) {

    /** The change in a few words, as the history shows it. */
    public String status() {
        if (cancelledAt != null) {
            return "Replaced by a later change";
        }
        if (appliedAt == null) {
            return "Takes effect on " + effectiveOn;
        }
        return "In effect";
    }
}
