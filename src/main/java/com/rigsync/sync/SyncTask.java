package com.rigsync.sync;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

/** The scheduler's task that runs one department's sync; its instance id is the department id. */
final class SyncTask {

    static final String NAME = "department-sync";
    /** The cluster-wide task that makes sure every connected department has its sync scheduled. */
    static final String SCHEDULES = "sync-schedules";

    private SyncTask() {
    }

    static TaskInstanceId of(long departmentId) {
        return TaskInstanceId.of(NAME, String.valueOf(departmentId));
    }
}
