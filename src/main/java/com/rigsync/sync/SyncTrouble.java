package com.rigsync.sync;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a department's recent sync runs went, for alerts: how many finished runs failed in a row, and when one last
 * succeeded. A system call (no signed-in person): the caller names the department.
 */
@Component
public class SyncTrouble {

    /** How many of the latest finished runs are looked at; more failures in a row read as this many. */
    private static final int LOOKED_AT = 20;

    /**
     * @param failedInARow how many of the latest finished runs failed, newest first, until one did not
     * @param lastSuccess  when a run last succeeded (fully or partly), or null if never
     * @param firstRun     when the department's first run started, or null if it never ran
     * @param lastError    the newest failed run's error in plain words, or null
     */
    public record Standing(int failedInARow, Instant lastSuccess, Instant firstRun, String lastError) {
    }

    private final JdbcClient jdbc;

    SyncTrouble(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Standing of(long departmentId) {
        List<String[]> latest = jdbc.sql("""
                        select outcome, error from sync_run where department_id = ? and finished_at is not null
                        order by started_at desc, id desc limit ?""")
                .param(departmentId).param(LOOKED_AT)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        int failed = 0;
        String lastError = null;
        for (String[] run : latest) {
            if (!SyncOutcome.FAILED.name().equals(run[0])) {
                break;
            }
            if (failed++ == 0) {
                lastError = run[1];
            }
        }
        Instant lastSuccess = jdbc.sql("select max(finished_at) from sync_run where department_id = ? "
                        + "and outcome in ('SUCCEEDED', 'PARTIAL')").param(departmentId)
                .query((rs, n) -> instant(rs.getObject(1, LocalDateTime.class)))
                .list().getFirst();
        Instant firstRun = jdbc.sql("select min(started_at) from sync_run where department_id = ?").param(departmentId)
                .query((rs, n) -> instant(rs.getObject(1, LocalDateTime.class)))
                .list().getFirst();
        return new Standing(failed, lastSuccess, firstRun, lastError);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
