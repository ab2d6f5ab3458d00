package com.rigsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.rigsync.SpringAppTest;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.integration.SamsaraConnections;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A regional outage: departments whose Samsara did not answer their last sync may hold only their share of this
 * instance's scheduler slots (here one), and such a run ends within its short budget with a plain message.
 */
@SpringAppTest
class UnansweredShareTest {

    private static final Duration SHORT_BUDGET = Duration.ofSeconds(2);

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DepartmentSync departmentSync;
    @Autowired
    SyncRuns runs;
    @Autowired
    SamsaraConnections connections;
    @Autowired
    CustomTask<SyncRequest> task;
    @Autowired
    Clock clock;

    private SimulatedSamsara samsara;
    private String firstManager;
    private String secondManager;
    private long first;
    private long second;
    private SyncExecution execution;

    @BeforeEach
    void twoDepartmentsWhoseSamsaraDidNotAnswer() {
        samsara = IntegrationTestAccess.simulator(context).samsara();
        SimulatedVehicle vehicle = samsara.vehicles().stream()
                .filter(v -> v.hasGateway() && v.reportsObd() && v.vin() != null).findFirst().orElseThrow();
        firstManager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        secondManager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        first = departmentOf(firstManager);
        second = departmentOf(secondManager);
        for (long department : List.of(first, second)) {
            new SyncTestDepartment(department, "share").apparatus(jdbc, "Engine 1", vehicle.vin(), vehicle.id());
            // their last run (on any instance) ended because Samsara did not answer
            Instant at = clock.instant().minusSeconds(60);
            long run = runs.start(department, SyncTrigger.SCHEDULED, null, at, "another-instance");
            runs.finish(run, SyncOutcome.FAILED, SyncCounts.NONE, 1, "Samsara did not answer", true, at);
        }
        execution = new SyncExecution(departmentSync, runs, connections, event -> {
        }, clock, new SimpleMeterRegistry(), 1, SHORT_BUDGET, Duration.ofMinutes(1));
    }

    @AfterEach
    void cleanUp() {
        samsara.resetFaults();
        IntegrationTestAccess.removeDepartmentOf(jdbc, firstManager);
        IntegrationTestAccess.removeDepartmentOf(jdbc, secondManager);
    }

    @Test
    void aDepartmentWhoseSamsaraDidNotAnswerTakesNoSlotBeyondTheShareAndEndsWithinItsShortBudget() throws Exception {
        samsara.setResponseDelay(Duration.ofSeconds(20));

        long started = System.nanoTime();
        var firstRun = CompletableFuture.runAsync(() -> execution.execute(
                task.instance(String.valueOf(first), SyncRequest.scheduled()), "here"));
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.running(first).isPresent());

        // the share (one slot) is taken: the second department's execution gives its slot back at once, no run
        long asked = System.nanoTime();
        execution.execute(task.instance(String.valueOf(second), SyncRequest.scheduled()), "here");
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(1));
        assertThat(runs.running(second)).as("a run of the second department").isEmpty();
        assertThat(runs.latest(second, 10)).as("runs of the second department").hasSize(1);

        firstRun.get(SHORT_BUDGET.plusSeconds(10).toSeconds(), TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the first department's run")
                .isLessThan(SHORT_BUDGET.plusSeconds(4));
        SyncRunSummary ended = runs.latest(first, 1).getFirst();
        assertThat(ended.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(ended.error()).startsWith("Listing the Samsara vehicles failed: Samsara did not answer within "
                + "the sync's time limit (2 seconds).").contains("keep their last good values");
        assertThat(runs.samsaraUnansweredLastTime(first)).isTrue();

        // the share is free again: the second department runs now
        samsara.resetFaults();
        execution.execute(task.instance(String.valueOf(second), SyncRequest.scheduled()), "here");
        assertThat(runs.latest(second, 10)).hasSize(2);
        assertThat(runs.latest(second, 1).getFirst().outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(runs.samsaraUnansweredLastTime(second)).as("answered this time").isFalse();
    }

    @Test
    void aSamsaraThatAnswersAgainButSlowlyIsNoLongerTreatedAsNotAnswering() {
        // the vehicle list comes back (1.5 s), then the short budget runs out reading the stats
        samsara.setResponseDelay(Duration.ofMillis(1500));

        execution.execute(task.instance(String.valueOf(first), SyncRequest.scheduled()), "here");

        SyncRunSummary ended = runs.latest(first, 1).getFirst();
        assertThat(ended.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(ended.counts().vehiclesListed()).isPositive();
        assertThat(runs.samsaraUnansweredLastTime(first)).as("its next run gets the full budget").isFalse();
    }

    private long departmentOf(String manager) {
        return jdbc.queryForObject("select department_id from app_user where username = ?", Long.class, manager);
    }
}
