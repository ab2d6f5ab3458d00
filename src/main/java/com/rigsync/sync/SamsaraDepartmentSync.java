package com.rigsync.sync;

import org.springframework.stereotype.Component;

/** One department's run against Samsara. (Being built: see issue 6.) */
@Component
class SamsaraDepartmentSync implements DepartmentSync {

    @Override
    public SyncResult run(long departmentId, SyncProgressSink progress) {
        return new SyncResult(SyncOutcome.FAILED, SyncCounts.NONE, 0, "The sync is not built yet.");
    }
}
