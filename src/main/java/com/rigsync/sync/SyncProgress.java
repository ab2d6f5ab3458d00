package com.rigsync.sync;

/**
 * A running sync's progress, published as a Spring application event (a few a second at most, plus one when it
 * starts and one when it ends) for the sync status panel to push to the browser.
 *
 * @param total    steps of the whole run, 0 while unknown
 * @param finished true for the run's last event; {@code outcome} then says how it ended
 */
public record SyncProgress(long departmentId, long runId, SyncTrigger trigger, String phase, int done, int total,
                           SyncCounts counts, long apiCalls, boolean finished, SyncOutcome outcome) {

    /** 0.0 to 1.0 for a progress bar, or -1 while the size of the run is unknown. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
