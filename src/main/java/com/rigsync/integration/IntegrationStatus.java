package com.rigsync.integration;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.rigsync.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department's Samsara integration in one line (whether it works, when it last synced, when it syncs next), for
 * everyone in the department and, per department, for Client Success. Never any of the department's data.
 */
@Service
public class IntegrationStatus {

    private final SamsaraConnections connections;
    private final SyncTimes syncTimes;
    private final CurrentUser currentUser;

    IntegrationStatus(SamsaraConnections connections, SyncTimes syncTimes, CurrentUser currentUser) {
        this.connections = connections;
        this.syncTimes = syncTimes;
        this.currentUser = currentUser;
    }

    /** The signed-in person's department's sync in one line. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public SyncSummary summary() {
        long departmentId = currentUser.departmentId();
        IntegrationState state = connections.stateOfCurrentDepartment();
        Instant next = state == IntegrationState.WORKING || state == IntegrationState.NOT_YET_VERIFIED
                ? syncTimes.nextScheduledRun(departmentId).orElse(null) : null;
        return new SyncSummary(state, syncTimes.lastSuccess(departmentId).orElse(null), next);
    }

    /** Each department's integration state and last successful sync, for Client Success. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT_SUCCESS')")
    public Map<Long, SyncSummary> departments() {
        Map<Long, Instant> lastSuccesses = syncTimes.lastSuccessTimes();
        Map<Long, SyncSummary> result = new HashMap<>();
        connections.stateOfDepartments().forEach((departmentId, state) ->
                result.put(departmentId, new SyncSummary(state, lastSuccesses.get(departmentId), null)));
        return result;
    }
}
