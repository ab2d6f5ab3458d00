package com.rigsync.sync;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.rigsync.integration.SamsaraConnections;
import com.rigsync.integration.SyncStanding;
import com.rigsync.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sync status panel's way into the sync of the signed-in user's department: its schedule, the running run, the
 * history, "Sync now" and the interval.
 */
@Service
public class SyncService {

    public static final int MIN_INTERVAL_MINUTES = 5;
    public static final int MAX_INTERVAL_MINUTES = 24 * 60;

    private final SyncRuns runs;
    private final SamsaraConnections connections;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    SyncService(SyncRuns runs, SamsaraConnections connections, CurrentUser currentUser, JdbcClient jdbc) {
        this.runs = runs;
        this.connections = connections;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public SyncSchedule schedule() {
        long departmentId = currentUser.departmentId();
        SyncStanding standing = connections.syncStanding(departmentId);
        Instant next = standing.due() ? nextRunAt(departmentId) : null;
        return new SyncSchedule(standing.intervalMinutes(), next, standing.pausedReason(),
                runs.running(departmentId).orElse(null), runs.lastSucceeded(departmentId).orElse(null));
    }

    /** The latest runs, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public List<SyncRunSummary> history(int limit) {
        return runs.latest(currentUser.departmentId(), Math.max(1, Math.min(limit, 500)));
    }

    /** Starts the department's sync now, or joins the one already running. */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public SyncNowOutcome syncNow() {
        throw new UnsupportedOperationException("Sync now arrives with the scheduler");
    }

    /** Sets how often scheduled runs come, between {@value #MIN_INTERVAL_MINUTES} minutes and a day. */
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','DATA_MANAGER')")
    public void changeInterval(int minutes) {
        throw new UnsupportedOperationException("The interval arrives with the scheduler");
    }

    private Instant nextRunAt(long departmentId) {
        return jdbc.sql("select execution_time from scheduled_tasks where task_name = ? and task_instance = ?")
                .params(SyncTask.NAME, String.valueOf(departmentId))
                .query(LocalDateTime.class)
                .optional()
                .map(utc -> utc.toInstant(ZoneOffset.UTC))
                .orElse(null);
    }
}
