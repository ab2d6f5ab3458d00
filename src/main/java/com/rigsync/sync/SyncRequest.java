package com.rigsync.sync;

import java.io.Serial;
import java.io.Serializable;

/**
 * The data of a department's scheduled sync execution, stored Java-serialised by db-scheduler: renaming this record
 * or its components breaks executions already queued, so change it only with a migration of scheduled_tasks.
 *
 * @param requestedBy who pressed "Sync now", or null for a scheduled run
 */
record SyncRequest(SyncTrigger trigger, String requestedBy) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static SyncRequest scheduled() {
        return new SyncRequest(SyncTrigger.SCHEDULED, null);
    }

    static SyncRequest manual(String requestedBy) {
        return new SyncRequest(SyncTrigger.MANUAL, requestedBy);
    }
}
