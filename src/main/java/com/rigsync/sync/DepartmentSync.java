package com.rigsync.sync;

import java.time.Duration;

/**
 * One sync run of one department, called by the scheduler with nobody signed in, never twice at once for a
 * department. It gets its Samsara session from {@code SamsaraConnections.sessionFor}, reports how calls went with
 * {@code recordSuccess}/{@code recordFailure}, holds no database transaction while it waits on Samsara, and never
 * throws for a Samsara failure: it returns {@link SyncOutcome#FAILED} or {@link SyncOutcome#PARTIAL} with the
 * reason in the department's words, keeping every last good value.
 */
interface DepartmentSync {

    SyncResult run(long departmentId, SyncProgressSink progress);

    /** A run whose Samsara calls end within {@code budget} (shorter than the usual one). */
    default SyncResult run(long departmentId, SyncProgressSink progress, Duration budget) {
        return run(departmentId, progress);
    }
}
