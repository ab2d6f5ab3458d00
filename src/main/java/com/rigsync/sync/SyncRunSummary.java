package com.rigsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of the run history.
 *
 * @param requestedBy who pressed "Sync now", or null for a scheduled run
 * @param finishedAt  null while running
 * @param error       what went wrong in plain words, or null
 * @param runBy       the app instance (scheduler name) that ran it, or null when unknown
 */
public record SyncRunSummary(long id, SyncTrigger trigger, String requestedBy, Instant startedAt, Instant finishedAt,
                             SyncOutcome outcome, SyncCounts counts, long apiCalls, String error, String runBy) {

    public Optional<Duration> duration() {
        return finishedAt == null ? Optional.empty() : Optional.of(Duration.between(startedAt, finishedAt));
    }
}
