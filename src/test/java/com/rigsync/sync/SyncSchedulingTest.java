package com.rigsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.rigsync.SpringAppTest;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.integration.SamsaraConnections;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The scheduler side of the sync: Sync now, joining a running sync, the interval, pausing, dead executions. */
@SpringAppTest
class SyncSchedulingTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    SyncService sync;
    @Autowired
    SamsaraConnections connections;
    @Autowired
    CustomTask<SyncRequest> task;
    @Autowired
    Clock clock;

    private final List<String> created = new java.util.ArrayList<>();

    @AfterEach
    void signOutAndRemoveTheDepartments() {
        SecurityContextHolder.clearContext();
        created.forEach(manager -> IntegrationTestAccess.removeDepartmentOf(jdbc, manager));
    }

    private String connectedDepartment() {
        String manager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        created.add(manager);
        return manager;
    }

    @Test
    void syncNowRunsTheDepartmentsSyncOnceAndSchedulesTheNextOneAfterTheInterval() {
        String manager = connectedDepartment();
        long department = departmentOf(manager);
        SignIn.as(users, manager);

        assertThat(sync.syncNow()).isEqualTo(SyncNowOutcome.STARTED);

        SyncRunSummary run = awaitFinishedRun(department);
        assertThat(run.trigger()).isEqualTo(SyncTrigger.MANUAL);
        assertThat(run.requestedBy()).isEqualTo(manager);
        assertThat(sync.history(10)).extracting(SyncRunSummary::id).containsExactly(run.id());
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Instant next = sync.schedule().nextRunAt();
            assertThat(next).isNotNull();
            assertThat(Duration.between(run.finishedAt(), next)).isBetween(Duration.ofMinutes(15).minusSeconds(1),
                    Duration.ofMinutes(15).plusSeconds(1));
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_event where department_id = ? and action = ?",
                Integer.class, department, "SYNC_REQUESTED")).isEqualTo(1);
    }

    @Test
    void syncNowWhileAnotherInstanceRunsTheDepartmentsSyncJoinsThatRun() {
        String manager = connectedDepartment();
        long department = departmentOf(manager);
        // Another app instance has picked this department's execution and is alive (fresh heartbeat)
        pickedBy(department, "other-instance", clock.instant());
        SignIn.as(users, manager);

        assertThat(sync.syncNow()).isEqualTo(SyncNowOutcome.JOINED_RUNNING);
        assertThat(sync.syncNow()).isEqualTo(SyncNowOutcome.JOINED_RUNNING);

        assertThat(jdbc.queryForObject("select count(*) from sync_run where department_id = ?", Integer.class,
                department)).isZero();
        assertThat(jdbc.queryForObject("select picked_by from scheduled_tasks where task_name = ? and task_instance = ?",
                String.class, SyncTask.NAME, String.valueOf(department))).isEqualTo("other-instance");
        jdbc.update("delete from scheduled_tasks where task_name = ? and task_instance = ?", SyncTask.NAME,
                String.valueOf(department));
    }

    @Test
    void aDepartmentWithoutAConnectionOrWithARejectedTokenIsToldWhySyncNowCannotRun() {
        String manager = connectedDepartment();
        long department = departmentOf(manager);
        SignIn.as(users, manager);

        jdbc.update("update samsara_connection set health = 'NEEDS_ATTENTION' where department_id = ?", department);
        assertThat(sync.syncNow()).isEqualTo(SyncNowOutcome.PAUSED);
        SyncSchedule paused = sync.schedule();
        assertThat(paused.pausedReason()).contains("Samsara rejected the saved token").contains("Setup > Settings");
        assertThat(paused.nextRunAt()).isNull();

        IntegrationTestAccess.disableSamsaraFor(jdbc, manager);
        assertThat(sync.syncNow()).isEqualTo(SyncNowOutcome.NOT_CONNECTED);
        assertThat(jdbc.queryForObject("select count(*) from sync_run where department_id = ?", Integer.class,
                department)).isZero();
    }

    @Test
    void aScheduledRunOfAPausedDepartmentDropsItsScheduleUntilTheConnectionIsFixed() {
        String manager = connectedDepartment();
        long department = departmentOf(manager);
        jdbc.update("update samsara_connection set health = 'NEEDS_ATTENTION' where department_id = ?", department);
        context.getBean(com.github.kagkarlsson.scheduler.Scheduler.class)
                .schedule(task.instance(String.valueOf(department), SyncRequest.scheduled()), clock.instant());

        await().atMost(Duration.ofSeconds(15)).until(() -> scheduledExecutions(department) == 0);
        assertThat(jdbc.queryForObject("select count(*) from sync_run where department_id = ?", Integer.class,
                department)).isZero();

        // The schedule keeper adds it back once the token works again (other test departments may get theirs too:
        // whatever it adds is removed again at the end)
        var scheduler = context.getBean(com.github.kagkarlsson.scheduler.Scheduler.class);
        List<String> before = scheduledDepartments();
        try {
            SyncScheduling.keepSchedules(connections, scheduler, task, clock);
            assertThat(scheduledExecutions(department)).isZero();
            jdbc.update("update samsara_connection set health = 'OK' where department_id = ?", department);
            SyncScheduling.keepSchedules(connections, scheduler, task, clock);
            assertThat(scheduledExecutions(department)).isEqualTo(1);
            SyncScheduling.keepSchedules(connections, scheduler, task, clock);
            assertThat(scheduledExecutions(department)).isEqualTo(1);
        } finally {
            scheduledDepartments().stream().filter(id -> !before.contains(id)).forEach(id -> jdbc.update(
                    "delete from scheduled_tasks where task_name = ? and task_instance = ?", SyncTask.NAME, id));
        }
    }

    private List<String> scheduledDepartments() {
        return jdbc.queryForList("select task_instance from scheduled_tasks where task_name = ?", String.class,
                SyncTask.NAME);
    }

    @Test
    void theIntervalIsCheckedSavedAuditedAndMovesTheNextScheduledRun() {
        String manager = connectedDepartment();
        long department = departmentOf(manager);
        var scheduler = context.getBean(com.github.kagkarlsson.scheduler.Scheduler.class);
        scheduler.schedule(task.instance(String.valueOf(department), SyncRequest.scheduled()),
                clock.instant().plus(Duration.ofMinutes(15)));
        SignIn.as(users, manager);

        assertThatThrownBy(() -> sync.changeInterval(2)).hasMessage(
                "The sync interval must be between 5 minutes and 24 hours (1440 minutes).");
        assertThatThrownBy(() -> sync.changeInterval(1441)).isInstanceOf(IllegalArgumentException.class);

        sync.changeInterval(60);

        SyncSchedule schedule = sync.schedule();
        assertThat(schedule.intervalMinutes()).isEqualTo(60);
        assertThat(Duration.between(clock.instant(), schedule.nextRunAt()))
                .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(60));
        assertThat(jdbc.queryForObject("select detail from audit_event where department_id = ? and action = ?",
                String.class, department, "SYNC_INTERVAL_CHANGED")).isEqualTo("Every 15 minutes → every 60 minutes");
        jdbc.update("delete from scheduled_tasks where task_name = ? and task_instance = ?", SyncTask.NAME,
                String.valueOf(department));
    }

    @Test
    void aRunLeftByAnInstanceThatDiedIsClosedAsInterruptedAndTheDepartmentSyncsAgain() {
        String manager = connectedDepartment();
        long department = departmentOf(manager);
        Instant crashed = clock.instant().minus(Duration.ofHours(1));
        jdbc.update("insert into sync_run (department_id, trigger_kind, started_at, outcome, run_by) "
                + "values (?, 'SCHEDULED', ?, 'RUNNING', 'crashed-instance')", department, utc(crashed));
        pickedBy(department, "crashed-instance", crashed);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SyncRunSummary> runs = runsOf(department);
            assertThat(runs).hasSize(2);
            assertThat(runs.getLast().outcome()).isEqualTo(SyncOutcome.INTERRUPTED);
            assertThat(runs.getLast().error()).contains("stopped before it finished");
            assertThat(runs.getFirst().outcome()).isNotEqualTo(SyncOutcome.RUNNING);
            assertThat(runs.getFirst().trigger()).isEqualTo(SyncTrigger.SCHEDULED);
        });
    }

    private List<SyncRunSummary> runsOf(long department) {
        return context.getBean(SyncRuns.class).latest(department, 10);
    }

    private SyncRunSummary awaitFinishedRun(long department) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !runsOf(department).isEmpty()
                && runsOf(department).getFirst().finishedAt() != null);
        return runsOf(department).getFirst();
    }

    private void pickedBy(long department, String instance, Instant heartbeat) {
        jdbc.update("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, "
                        + "last_heartbeat, version) values (?, ?, ?, true, ?, ?, 1)", SyncTask.NAME,
                String.valueOf(department), utc(heartbeat), instance, utc(heartbeat));
    }

    private int scheduledExecutions(long department) {
        return jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ? and task_instance = ?",
                Integer.class, SyncTask.NAME, String.valueOf(department));
    }

    private long departmentOf(String username) {
        return jdbc.queryForObject("select department_id from app_user where username = ?", Long.class, username);
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
