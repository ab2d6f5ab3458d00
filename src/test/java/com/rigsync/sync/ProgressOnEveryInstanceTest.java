package com.rigsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.rigsync.KaribuTest;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.integration.SamsaraConnections;
import com.vaadin.flow.component.Component;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A run picked by another app instance: its progress reaches this instance's Sync panel through the run's row in
 * the database (the other instance's events never arrive here, as between two JVMs), and so does its end.
 */
class ProgressOnEveryInstanceTest extends KaribuTest {

    private static final String OTHER = "other-instance";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Scheduler scheduler;
    @Autowired
    DepartmentSync departmentSync;
    @Autowired
    SyncRuns runs;
    @Autowired
    SamsaraConnections connections;
    @Autowired
    Clock clock;

    private Scheduler other;
    private SimulatedSamsara samsara;
    private String manager;

    @AfterEach
    void stopTheOtherInstance() {
        scheduler.resume();
        if (other != null) {
            other.stop();
        }
        if (samsara != null) {
            samsara.resetFaults();
        }
        if (manager != null) {
            IntegrationTestAccess.removeDepartmentOf(jdbc, manager);
        }
    }

    @Test
    void theSyncPanelShowsTheProgressAndTheEndOfARunAnotherInstanceRuns() {
        samsara = IntegrationTestAccess.simulator(context).samsara();
        manager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        long departmentId = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class,
                manager);
        SimulatedVehicle vehicle = samsara.vehicles().stream()
                .filter(v -> v.hasGateway() && v.reportsObd() && v.vin() != null).findFirst().orElseThrow();
        new SyncTestDepartment(departmentId, "progress").apparatus(jdbc, "Engine 1", vehicle.vin(), vehicle.id());
        // four Samsara requests of 1.5 s each: a run of six seconds or more, long enough to be seen running
        samsara.setResponseDelay(Duration.ofMillis(1500));

        // the other instance: the same sync on the same database, whose progress events stay in its own JVM
        SyncExecution otherExecution = new SyncExecution(departmentSync, runs, connections, event -> {
        }, clock, new SimpleMeterRegistry(), new SyncExecution.Apart(2, Duration.ofSeconds(3),
                Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(1)));
        CustomTask<SyncRequest> otherTask = Tasks.custom(SyncTask.NAME, SyncRequest.class)
                .execute((instance, ctx) -> otherExecution.execute(instance, ctx.getExecution().pickedBy,
                        ctx.getSchedulerClient()));
        other = Scheduler.create(dataSource, List.of(otherTask))
                .schedulerName(new SchedulerName.Fixed(OTHER))
                .pollingInterval(Duration.ofMillis(200))
                .heartbeatInterval(Duration.ofSeconds(2))
                .alwaysPersistTimestampInUTC()
                .build();
        scheduler.pause();
        other.start();

        signIn(manager);
        navigate("setup/sync");
        scheduler.schedule(otherTask.instance(String.valueOf(departmentId), SyncRequest.scheduled()), Instant.now());

        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(200)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            var running = _find(Component.class, spec -> spec.withId("sync-running-text"));
            if (!running.isEmpty()) {
                String text = running.getFirst().getElement().getText();
                if (seen.isEmpty() || !seen.getLast().equals(text)) {
                    seen.add(text);
                }
            }
            return jdbc.queryForObject("select count(*) from sync_run where department_id = ? and outcome = "
                    + "'SUCCEEDED'", Integer.class, departmentId) == 1;
        });
        assertThat(jdbc.queryForObject("select run_by from sync_run where department_id = ?", String.class,
                departmentId)).isEqualTo(OTHER);
        assertThat(seen).as("what the panel said while the other instance ran the sync")
                .anyMatch(text -> text.startsWith("Scheduled sync running: ")
                        && (text.endsWith("Reading vehicle stats") || text.endsWith("Listing Samsara vehicles")));

        // the end, read from the row too (Karibu finds visible components only): the panel reads its data again and stops showing a running sync
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(200)).until(() -> {
            MockVaadin.clientRoundtrip(false);
            return _find(Component.class, spec -> spec.withId("sync-running")).isEmpty();
        });
        assertThat(_get(Component.class, spec -> spec.withId("sync-last-success")).getElement().getTextRecursively())
                .doesNotContain("never");
    }
}
