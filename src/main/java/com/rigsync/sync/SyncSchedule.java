package com.rigsync.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * The department's sync at a glance.
 *
 * @param nextRunAt    when the next scheduled run is due, or null when none is scheduled (paused, off, not connected)
 * @param pausedReason why scheduled runs are paused, in plain words, or null when they are not
 * @param running      the run in progress, or null
 * @param lastSuccess  the last run that ended {@link SyncOutcome#SUCCEEDED}, or null
 */
public record SyncSchedule(int intervalMinutes, Instant nextRunAt, String pausedReason, SyncRunSummary running,
                           SyncRunSummary lastSuccess) {

    public boolean paused() {
        return pausedReason != null;
    }

    public Optional<SyncRunSummary> runningRun() {
        return Optional.ofNullable(running);
    }
}
