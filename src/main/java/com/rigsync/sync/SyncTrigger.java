package com.rigsync.sync;

/** Why a sync run started. */
public enum SyncTrigger {
    SCHEDULED("Scheduled"),
    MANUAL("Sync now");

    private final String label;

    SyncTrigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
