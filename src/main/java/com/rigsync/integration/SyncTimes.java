package com.rigsync.integration;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * When departments last synced and sync next: the sync feature keeps the runs and the schedule and answers this,
 * so the integration's one-line state can say it without the integration depending on the sync.
 */
public interface SyncTimes {

    /** When the department's last successful sync finished. */
    Optional<Instant> lastSuccess(long departmentId);

    /** When the department's next scheduled sync is due, if one is scheduled. */
    Optional<Instant> nextScheduledRun(long departmentId);

    /** When each department's last successful sync finished, for every department that had one. */
    Map<Long, Instant> lastSuccessTimes();
}
