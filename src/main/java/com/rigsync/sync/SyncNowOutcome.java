package com.rigsync.sync;

/** What pressing "Sync now" did, in the words the notification shows. */
public enum SyncNowOutcome {
    STARTED("Sync started"),
    JOINED_RUNNING("A sync is already running; showing its progress"),
    NOT_CONNECTED("Samsara is not connected: enable the integration and save a token under Setup > Settings"),
    PAUSED("Sync is paused until the Samsara connection is fixed under Setup > Settings");

    private final String message;

    SyncNowOutcome(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
