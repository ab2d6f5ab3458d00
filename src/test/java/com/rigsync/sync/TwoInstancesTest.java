package com.rigsync.sync;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.rigsync.SpringAppTest;
import com.rigsync.demo.simulator.SimulatedSamsaraServer;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two app instances on one database: this application's scheduler and a second one started here on the same
 * database with the same task, both picking department syncs while people press "Sync now" on them over and over.
 */
@SpringAppTest
class TwoInstancesTest {

    private static final String SECOND = "second-instance";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    UserDetailsService users;
    @Autowired
    SyncService sync;
    @Autowired
    CustomTask<SyncRequest> task;
    @Autowired
    Scheduler scheduler;

    private Scheduler second;
    private final List<Long> departments = new ArrayList<>();
    private final Map<Long, String> managers = new ConcurrentHashMap<>();
    private SimulatedSamsaraServer simulator;

    @AfterEach
    void stopTheSecondInstance() {
        if (second != null) {
            second.stop();
        }
        if (simulator != null) {
            simulator.samsara().resetFaults();
        }
        SecurityContextHolder.clearContext();
        managers.values().forEach(manager -> IntegrationTestAccess.removeDepartmentOf(jdbc, manager));
    }

    @Test
    void aDepartmentNeverSyncsTwiceAtOnceAndEverySyncNowEndsInOneRun() throws Exception {
        simulator = IntegrationTestAccess.simulator(context);
        simulator.samsara().setResponseDelay(Duration.ofMillis(40));
        for (int i = 0; i < 8; i++) {
            String manager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
            long department = jdbc.queryForObject("select department_id from app_user where username = ?",
                    Long.class, manager);
            managers.put(department, manager);
            departments.add(department);
        }
        second = Scheduler.create(dataSource, List.of(task))
                .schedulerName(new SchedulerName.Fixed(SECOND))
                .threads(4)
                .pollingInterval(Duration.ofMillis(100))
                .heartbeatInterval(Duration.ofSeconds(2))
                .alwaysPersistTimestampInUTC()
                .build();
        second.start();

        // "Sync now" wakes this app's own scheduler at once, which would often take every run before the second
        // instance polls: this one holds back until the second has picked a run, then both compete
        scheduler.pause();

        // Six people per department press "Sync now" three times each, on either instance
        List<SyncNowOutcome> outcomes = new CopyOnWriteArrayList<>();
        AtomicInteger started = new AtomicInteger();
        ExecutorService people = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> presses = new ArrayList<>();
            for (int person = 0; person < 6; person++) {
                presses.add(people.submit(() -> {
                    for (int round = 0; round < 3; round++) {
                        for (var manager : managers.values()) {
                            SignIn.as(users, manager);
                            SyncNowOutcome outcome = sync.syncNow();
                            outcomes.add(outcome);
                            if (outcome == SyncNowOutcome.STARTED) {
                                started.incrementAndGet();
                            }
                        }
                    }
                    SecurityContextHolder.clearContext();
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from sync_run "
                    + "where run_by = ?", Integer.class, SECOND) > 0);
            scheduler.resume();
            for (Future<?> press : presses) {
                press.get();
            }
        } finally {
            scheduler.resume();
            people.shutdown();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> departments.stream().allMatch(this::idle));

        assertThat(outcomes).hasSize(6 * 3 * 8).containsOnly(SyncNowOutcome.STARTED, SyncNowOutcome.JOINED_RUNNING);
        List<Run> runs = runs();
        for (long department : departments) {
            List<Run> ofDepartment = runs.stream().filter(run -> run.department == department).toList();
            assertThat(ofDepartment).as("department %s ran at least once", department).isNotEmpty();
            for (int i = 1; i < ofDepartment.size(); i++) {
                assertThat(ofDepartment.get(i).started)
                        .as("department %s: a run started before the previous one ended", department)
                        .isAfterOrEqualTo(ofDepartment.get(i - 1).finished);
            }
        }
        // Every run was asked for by a "Sync now" that started one: none ran twice, none was lost
        assertThat(runs).hasSizeLessThanOrEqualTo(started.get()).allMatch(run -> run.finished != null);
        assertThat(runs).extracting(run -> run.by).contains(SECOND);
    }

    private boolean idle(long department) {
        Integer running = jdbc.queryForObject("select count(*) from sync_run where department_id = ? and "
                + "outcome = 'RUNNING'", Integer.class, department);
        Integer due = jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ? and "
                + "task_instance = ? and (picked or execution_time <= utc_timestamp(6))", Integer.class,
                SyncTask.NAME, String.valueOf(department));
        return running == 0 && due == 0;
    }

    private List<Run> runs() {
        String ids = String.join(",", departments.stream().map(String::valueOf).toList());
        return jdbc.query("select department_id, started_at, finished_at, run_by from sync_run where department_id in ("
                        + ids + ") order by department_id, started_at, id",
                (rs, row) -> new Run(rs.getLong(1), rs.getObject(2, LocalDateTime.class),
                        rs.getObject(3, LocalDateTime.class), rs.getString(4)));
    }

    private record Run(long department, LocalDateTime started, LocalDateTime finished, String by) {
    }
}
