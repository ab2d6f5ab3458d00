package com.rigsync.apparatus;

import java.time.Instant;

/**
 * A meter reading a sync kept but did not use, still waiting for a person (no good reading came after it).
 *
 * @param value         meters (odometer) or seconds (engine hours)
 * @param readAt        when Samsara took the reading
 * @param syncedAt      when RigSync stored it
 * @param reason        why it was not used, in plain words
 * @param comparedValue the value it was compared with (the last good reading then), or null
 * @param currentValue  the apparatus' current value now (telemetry), or null
 */
public record FlaggedReading(long readingId, long apparatusId, String unitName, MeterKind kind, long value,
                             Instant readAt, Instant syncedAt, MeterFlag flag, String reason, Long comparedValue,
                             Long currentValue) {
}
