package com.rigsync.sync;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import com.rigsync.SpringAppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The Client Success grid sorts by each department's last successful sync, kept as runs finish. */
@SpringAppTest
class SyncLastSuccessTest {

    @Autowired
    private SyncRuns runs;
    @Autowired
    private JdbcTemplate jdbc;
    private SyncTestDepartment department;

    @BeforeEach
    void createDepartment() {
        department = SyncTestDepartment.create(jdbc);
    }

    @AfterEach
    void cleanUp() {
        department.delete(jdbc);
    }

    @Test
    void onlyASucceededRunMovesTheLastSuccess() {
        Instant morning = Instant.parse("2026-11-02T08:00:00Z");
        long first = runs.start(department.id(), SyncTrigger.SCHEDULED, null, morning, "test");
        runs.finish(first, SyncOutcome.SUCCEEDED, SyncCounts.NONE, 4, null, false, morning.plusSeconds(5));
        assertThat(lastSuccess()).isEqualTo(morning.plusSeconds(5));

        Instant noon = morning.plus(4, ChronoUnit.HOURS);
        long failed = runs.start(department.id(), SyncTrigger.SCHEDULED, null, noon, "test");
        runs.finish(failed, SyncOutcome.FAILED, SyncCounts.NONE, 1, "Samsara did not answer.", true,
                noon.plusSeconds(2));
        assertThat(lastSuccess()).isEqualTo(morning.plusSeconds(5));

        long later = runs.start(department.id(), SyncTrigger.MANUAL, "admin", noon, "test");
        runs.finish(later, SyncOutcome.SUCCEEDED, SyncCounts.NONE, 4, null, false, noon.plusSeconds(9));
        assertThat(lastSuccess()).isEqualTo(noon.plusSeconds(9));
    }

    private Instant lastSuccess() {
        return jdbc.queryForObject("select finished_at from sync_last_success where department_id = ?",
                LocalDateTime.class, department.id()).toInstant(ZoneOffset.UTC);
    }
}
