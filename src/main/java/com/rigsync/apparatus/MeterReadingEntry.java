package com.rigsync.apparatus;

import java.time.Instant;

/**
 * One line of an apparatus' meter history.
 *
 * @param value      meters (odometer) or seconds (engine hours)
 * @param readAt     when Samsara took the reading
 * @param syncedAt   when RigSync stored it
 * @param reason     why it was flagged, or null
 * @param acceptedBy who accepted it as the new baseline, or null
 * @param waiting    flagged and still waiting for a decision: no good reading of the same meter came after it
 */
public record MeterReadingEntry(long readingId, MeterKind kind, long value, Instant readAt, Instant syncedAt,
                                MeterFlag flag, String reason, String acceptedBy, Instant acceptedAt,
                                boolean waiting) {
}
