package com.rigsync.sync;

/** The scheduler's task that runs one department's sync; its instance id is the department id. */
final class SyncTask {

    static final String NAME = "department-sync";

    private SyncTask() {
    }
}
