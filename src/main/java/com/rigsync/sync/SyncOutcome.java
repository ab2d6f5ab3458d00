package com.rigsync.sync;

/** How a sync run ended, in the words the run history shows. */
public enum SyncOutcome {
    RUNNING("Running"),
    SUCCEEDED("Succeeded"),
    /** Some of the data arrived and was saved; the rest kept its last good values and is retried next run. */
    PARTIAL("Partly done"),
    /** Nothing new was saved; every last good value is still in place. */
    FAILED("Failed"),
    /** The app instance running it stopped (its scheduler execution lost its heartbeat). */
    INTERRUPTED("Interrupted");

    private final String label;

    SyncOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
