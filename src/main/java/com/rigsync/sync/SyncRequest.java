package com.rigsync.sync;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * The data of a department's scheduled sync execution, stored Java-serialised by db-scheduler: renaming this record
 * or its components breaks executions already queued, so change it only with a migration of scheduled_tasks.
 *
 * @param requestedBy who pressed "Sync now", or null for a scheduled run
 * @param apartUntil set while the department's run goes on apart from the scheduler's slots: the latest it ends (the
 *                   execution is due then only if the run's instance died); null otherwise. Added later: executions
 *                   queued before read it as null.
 */
record SyncRequest(SyncTrigger trigger, String requestedBy, Instant apartUntil) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    SyncRequest(SyncTrigger trigger, String requestedBy) {
        this(trigger, requestedBy, null);
    }

    static SyncRequest scheduled() {
        return new SyncRequest(SyncTrigger.SCHEDULED, null);
    }

    static SyncRequest manual(String requestedBy) {
        return new SyncRequest(SyncTrigger.MANUAL, requestedBy);
    }

    /** The same request, marked as running apart until {@code latest}. */
    SyncRequest apartUntil(Instant latest) {
        return new SyncRequest(trigger, requestedBy, latest);
    }

    SyncRequest withoutApart() {
        return new SyncRequest(trigger, requestedBy, null);
    }

    /** A run of this department is going on apart (as far as this execution knows) at {@code now}. */
    boolean apartAt(Instant now) {
        return apartUntil != null && now.isBefore(apartUntil);
    }
}
