package com.rigsync.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.rigsync.integration.SyncTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sync_run} table: one row per run, written by the scheduler side, read by the sync status panel. */
@Repository
class SyncRuns implements SyncTimes {

    private static final String COLUMNS = """
            id, trigger_kind, requested_by, started_at, finished_at, outcome, vehicles_listed, apparatus_linked,
            apparatus_updated, readings_flagged, vehicles_gone, api_calls, error, run_by""";
    static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;

    SyncRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(long departmentId, SyncTrigger trigger, String requestedBy, Instant startedAt, String runBy) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into sync_run (department_id, trigger_kind, requested_by, started_at, outcome, run_by)
                        values (?, ?, ?, ?, 'RUNNING', ?)""")
                .params(departmentId, trigger.name(), requestedBy, utc(startedAt), runBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Records a running run's progress for the screens of every instance; a closed row stays as it is. */
    void progress(long runId, String phase, int done, int total, SyncCounts counts, long apiCalls, Instant at) {
        jdbc.sql("""
                        update sync_run set vehicles_listed = ?, apparatus_linked = ?, apparatus_updated = ?,
                          readings_flagged = ?, vehicles_gone = ?, api_calls = ?, progress_phase = ?,
                          progress_done = ?, progress_total = ?, progress_at = ?
                        where id = ? and outcome = 'RUNNING'""")
                .params(counts.vehiclesListed(), counts.apparatusLinked(), counts.apparatusUpdated(),
                        counts.readingsFlagged(), counts.vehiclesGone(), apiCalls, limitPhase(phase), done, total,
                        utc(at), runId)
                .update();
    }

    /** The progress of the departments' running runs as last recorded, as the panel's progress events. */
    List<SyncProgress> runningProgress(Collection<Long> departmentIds) {
        if (departmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, department_id, trigger_kind, progress_phase, progress_done, progress_total,
                          vehicles_listed, apparatus_linked, apparatus_updated, readings_flagged, vehicles_gone,
                          api_calls
                        from sync_run where outcome = 'RUNNING' and department_id in (:departments)""")
                .param("departments", departmentIds)
                .query((rs, row) -> new SyncProgress(rs.getLong("department_id"), rs.getLong("id"),
                        SyncTrigger.valueOf(rs.getString("trigger_kind")),
                        rs.getString("progress_phase") == null ? "Starting" : rs.getString("progress_phase"),
                        rs.getInt("progress_done"), rs.getInt("progress_total"),
                        new SyncCounts(rs.getInt("vehicles_listed"), rs.getInt("apparatus_linked"),
                                rs.getInt("apparatus_updated"), rs.getInt("readings_flagged"),
                                rs.getInt("vehicles_gone")),
                        rs.getLong("api_calls"), false, SyncOutcome.RUNNING))
                .list();
    }

    /** How a run stands now; empty when the row is gone. */
    Optional<SyncOutcome> outcome(long runId) {
        return jdbc.sql("select outcome from sync_run where id = ?").param(runId).query(String.class).optional()
                .map(SyncOutcome::valueOf);
    }

    /** Closes a running row; a row already closed (for example as interrupted) stays as it is. */
    boolean finish(long runId, SyncOutcome outcome, SyncCounts counts, long apiCalls, String error,
                   boolean samsaraUnanswered, Instant finishedAt) {
        boolean closed = jdbc.sql("""
                        update sync_run set outcome = ?, finished_at = ?, vehicles_listed = ?, apparatus_linked = ?,
                          apparatus_updated = ?, readings_flagged = ?, vehicles_gone = ?, api_calls = ?, error = ?,
                          samsara_unanswered = ?
                        where id = ? and outcome = 'RUNNING'""")
                .params(outcome.name(), utc(finishedAt), counts.vehiclesListed(),
                        counts.apparatusLinked(), counts.apparatusUpdated(), counts.readingsFlagged(),
                        counts.vehiclesGone(), apiCalls, limit(error), samsaraUnanswered, runId)
                .update() > 0;
        if (closed && outcome == SyncOutcome.SUCCEEDED) {
            // the Client Success grid sorts departments by this; see 091-sync-last-success.sql
            jdbc.sql("""
                            insert into sync_last_success (department_id, finished_at)
                            select department_id, finished_at from sync_run where id = ?
                            on duplicate key update finished_at = greatest(sync_last_success.finished_at,
                              values(finished_at))""")
                    .param(runId)
                    .update();
        }
        return closed;
    }

    /** Whether the department's last finished run ended because Samsara did not answer, whichever instance ran it. */
    boolean samsaraUnansweredLastTime(long departmentId) {
        return jdbc.sql("""
                        select samsara_unanswered from sync_run
                        where department_id = ? and outcome <> 'RUNNING'
                        order by started_at desc, id desc limit 1""")
                .param(departmentId).query(Boolean.class).optional().orElse(false);
    }

    /** Closes every RUNNING row of the department as interrupted; call only when their execution is known dead. */
    int interruptRunning(long departmentId, Instant at, String reason) {
        return jdbc.sql("""
                        update sync_run set outcome = 'INTERRUPTED', finished_at = ?, error = ?
                        where department_id = ? and outcome = 'RUNNING'""")
                .params(utc(at), limit(reason), departmentId)
                .update();
    }

    List<SyncRunSummary> latest(long departmentId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from sync_run where department_id = ? order by started_at desc, id desc"
                        + " limit ?")
                .params(departmentId, limit)
                .query(SyncRuns::summary)
                .list();
    }

    Optional<SyncRunSummary> running(long departmentId) {
        return jdbc.sql("select " + COLUMNS + " from sync_run where department_id = ? and outcome = 'RUNNING'"
                        + " order by started_at desc limit 1")
                .param(departmentId)
                .query(SyncRuns::summary)
                .optional();
    }

    Optional<SyncRunSummary> lastSucceeded(long departmentId) {
        return jdbc.sql("select " + COLUMNS + " from sync_run where department_id = ? and outcome = 'SUCCEEDED'"
                        + " order by started_at desc limit 1")
                .param(departmentId)
                .query(SyncRuns::summary)
                .optional();
    }

    @Override
    public Optional<Instant> lastSuccess(long departmentId) {
        return lastSucceeded(departmentId).map(SyncRunSummary::finishedAt);
    }

    @Override
    public Map<Long, Instant> lastSuccessTimes() {
        Map<Long, Instant> result = new HashMap<>();
        jdbc.sql("select department_id, max(finished_at) as at from sync_run where outcome = 'SUCCEEDED' "
                        + "group by department_id")
                .query((rs, row) -> Map.entry(rs.getLong("department_id"),
                        rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .list()
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    /** The department's scheduled execution. */
    @Override
    public Optional<Instant> nextScheduledRun(long departmentId) {
        return jdbc.sql("select execution_time from scheduled_tasks where task_name = ? and task_instance = ?")
                .params(SyncTask.NAME, String.valueOf(departmentId))
                .query(LocalDateTime.class)
                .optional()
                .map(utc -> utc.toInstant(ZoneOffset.UTC));
    }

    private static SyncRunSummary summary(ResultSet rs, int row) throws SQLException {
        LocalDateTime finished = rs.getObject("finished_at", LocalDateTime.class);
        return new SyncRunSummary(rs.getLong("id"), SyncTrigger.valueOf(rs.getString("trigger_kind")),
                rs.getString("requested_by"), rs.getObject("started_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                finished == null ? null : finished.toInstant(ZoneOffset.UTC), SyncOutcome.valueOf(rs.getString("outcome")),
                new SyncCounts(rs.getInt("vehicles_listed"), rs.getInt("apparatus_linked"),
                        rs.getInt("apparatus_updated"), rs.getInt("readings_flagged"), rs.getInt("vehicles_gone")),
                rs.getLong("api_calls"), rs.getString("error"), rs.getString("run_by"));
    }

    /** Times are stored as UTC, as Hibernate stores them (hibernate.jdbc.time_zone=UTC). */
    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static String limitPhase(String phase) {
        return phase == null || phase.length() <= 100 ? phase : phase.substring(0, 100);
    }

    private static String limit(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1)
                + "…";
    }
}
