package com.rigsync.sync;

/**
 * Where a running {@link DepartmentSync} reports progress; call it as often as convenient (the scheduler side
 * throttles what reaches the screens to a few updates a second).
 */
interface SyncProgressSink {

    /**
     * @param phase   what the run is doing, in plain words ("Listing Samsara vehicles", "Reading vehicle stats",
     *                "Saving apparatus data")
     * @param done    steps done of {@code total} across the whole run (for the progress bar); total 0 = unknown
     */
    void progress(String phase, int done, int total, SyncCounts soFar, long apiCalls);
}
