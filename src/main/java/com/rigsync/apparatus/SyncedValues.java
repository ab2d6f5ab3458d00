package com.rigsync.apparatus;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything the sync last wrote about one apparatus, each value with the time Samsara took it, for the apparatus
 * page. Any value may be missing (never synced, or Samsara never sent it); a missing value has no time either.
 *
 * @param location          where it was, or null when Samsara never sent coordinates
 * @param faults            the active fault codes as last read, or null when they were never read
 * @param readAt            the newest time Samsara took any of these readings
 * @param syncedAt          when RigSync last wrote any of them, or null when it never did
 * @param syncError         why the last sync of this apparatus failed, in plain words, or null
 * @param notReportingAfter the department's "not reporting" threshold: a reading older than this stands out
 */
public record SyncedValues(Long odometerMeters, Instant odometerReadAt, Long engineSeconds, Instant engineReadAt,
                           Location location, Double fuelPercent, Instant fuelReadAt, String engineState,
                           Instant engineStateReadAt, ActiveFaults faults, Instant readAt, Instant syncedAt,
                           String syncError, Duration notReportingAfter) {

    /** Nothing synced yet. */
    static SyncedValues none(Duration notReportingAfter) {
        return new SyncedValues(null, null, null, null, null, null, null, null, null, null, null, null, null,
                notReportingAfter);
    }

    public boolean everSynced() {
        return syncedAt != null;
    }

    /**
     * A position as Samsara sent it.
     *
     * @param address the address Samsara sent with these coordinates, or null (an older address is never kept
     *                beside newer coordinates)
     */
    public record Location(double latitude, double longitude, String address, Instant readAt) {
    }
}
