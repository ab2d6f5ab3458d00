package com.rigsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.rigsync.SpringAppTest;
import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedSamsaraServer;
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
 * A regional outage: a run that hears nothing from Samsara gives its scheduler slot back and goes on apart, so the
 * departments whose Samsara answers keep every slot; a department whose Samsara did not answer its last sync goes
 * apart at once, with a short budget, as long as this instance has room apart.
 */
@SpringAppTest
class RunsApartTest {

    private static final Duration SHORT_BUDGET = Duration.ofSeconds(2);
    private static final Duration APART_AFTER = Duration.ofSeconds(2);

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
    CustomTask<SyncRequest> task;
    @Autowired
    Clock clock;

    private SimulatedSamsara samsara;
    private SimulatedSamsaraServer silentServer;
    private Scheduler oneSlot;
    private String firstManager;
    private String secondManager;
    private String silentManager;
    private long first;
    private long second;
    private SyncExecution execution;

    @BeforeEach
    void twoDepartments() {
        samsara = IntegrationTestAccess.simulator(context).samsara();
        SimulatedVehicle vehicle = samsara.vehicles().stream()
                .filter(v -> v.hasGateway() && v.reportsObd() && v.vin() != null).findFirst().orElseThrow();
        firstManager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        secondManager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        first = departmentOf(firstManager);
        second = departmentOf(secondManager);
        for (long department : List.of(first, second)) {
            new SyncTestDepartment(department, "apart").apparatus(jdbc, "Engine 1", vehicle.vin(), vehicle.id());
        }
        // room for one run apart on this instance
        execution = new SyncExecution(departmentSync, runs, connections, event -> {
        }, clock, new SimpleMeterRegistry(), new SyncExecution.Apart(1, APART_AFTER, Duration.ofMinutes(5),
                SHORT_BUDGET, Duration.ofMinutes(1)));
    }

    @AfterEach
    void cleanUp() {
        scheduler.resume();
        if (oneSlot != null) {
            oneSlot.stop();
        }
        execution.close();
        samsara.resetFaults();
        if (silentServer != null) {
            silentServer.close();
        }
        for (String manager : new String[] {firstManager, secondManager, silentManager}) {
            if (manager != null) {
                IntegrationTestAccess.removeDepartmentOf(jdbc, manager);
            }
        }
    }

    @Test
    void aDepartmentWhoseSamsaraDidNotAnswerGoesApartAtOnceAndEndsWithinItsShortBudget() {
        didNotAnswerLastTime(first);
        didNotAnswerLastTime(second);
        samsara.setResponseDelay(Duration.ofSeconds(20));

        long started = System.nanoTime();
        execution.execute(task.instance(String.valueOf(first), SyncRequest.scheduled()), "here", scheduler);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the scheduler slot held")
                .isLessThan(Duration.ofSeconds(1));
        // the first department's run goes on apart
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.running(first).isPresent());
        assertThat(execution.runsApart()).isEqualTo(1);

        // no room apart is left: the second department's execution gives its slot back at once, no run
        long asked = System.nanoTime();
        execution.execute(task.instance(String.valueOf(second), SyncRequest.scheduled()), "here", scheduler);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(1));
        assertThat(runs.running(second)).as("a run of the second department").isEmpty();
        assertThat(runs.latest(second, 10)).as("runs of the second department").hasSize(1);

        await().atMost(SHORT_BUDGET.plusSeconds(10)).until(() -> runs.running(first).isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the first department's run")
                .isLessThan(SHORT_BUDGET.plusSeconds(4));
        SyncRunSummary ended = runs.latest(first, 1).getFirst();
        assertThat(ended.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(ended.error()).startsWith("Listing the Samsara vehicles failed: Samsara did not answer within "
                + "the sync's time limit (2 seconds).").contains("keep their last good values");
        assertThat(runs.samsaraUnansweredLastTime(first)).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> execution.runsApart() == 0);

        // there is room again: the second department runs now, and answered this time
        samsara.resetFaults();
        execution.execute(task.instance(String.valueOf(second), SyncRequest.scheduled()), "here", scheduler);
        await().atMost(Duration.ofSeconds(20)).until(() -> runs.running(second).isEmpty()
                && runs.latest(second, 10).size() == 2);
        assertThat(runs.latest(second, 1).getFirst().outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(runs.samsaraUnansweredLastTime(second)).as("answered this time").isFalse();
    }

    @Test
    void aSamsaraThatAnswersAgainButSlowlyIsNoLongerTreatedAsNotAnswering() {
        didNotAnswerLastTime(first);
        // the vehicle list comes back (1.5 s), then the short budget runs out reading the stats
        samsara.setResponseDelay(Duration.ofMillis(1500));

        execution.execute(task.instance(String.valueOf(first), SyncRequest.scheduled()), "here", scheduler);
        await().atMost(Duration.ofSeconds(20)).until(() -> runs.running(first).isEmpty()
                && runs.latest(first, 10).size() == 2);

        SyncRunSummary ended = runs.latest(first, 1).getFirst();
        assertThat(ended.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(ended.counts().vehiclesListed()).isPositive();
        assertThat(runs.samsaraUnansweredLastTime(first)).as("its next run gets the full budget").isFalse();
    }

    @Test
    void aRunThatHearsNothingFromSamsaraGivesItsSlotBackAndTheOthersSyncMeanwhile() {
        // a department on a Samsara that takes 8 s to answer each request, nothing known about it yet
        SimulatedSamsara silent = new SimulatedSamsara(Clock.fixed(SimulatedSamsaraServer.DEFAULT_START,
                ZoneOffset.UTC), SimulatedSamsara.DEFAULT_PAGE_SIZE, SimulatedSamsara.DEFAULT_REDIRECT_URI,
                SimulatedFleet.withVehicles(3), System::nanoTime);
        silentServer = SimulatedSamsaraServer.start(silent);
        silentManager = IntegrationTestAccess.departmentConnectedTo(context, jdbc, "apart-silent",
                silentServer.baseUrl(), List.of());
        long quiet = departmentOf(silentManager);
        SimulatedVehicle its = silent.vehicles().getFirst();
        new SyncTestDepartment(quiet, "apart").apparatus(jdbc, "Engine 9", its.vin(), its.id());
        silent.setResponseDelay(Duration.ofSeconds(8));

        // an instance with a single scheduler slot: the quiet department's run is due first and takes it
        CustomTask<SyncRequest> oneSlotTask = Tasks.custom(SyncTask.NAME, SyncRequest.class)
                .execute((instance, ctx) -> execution.execute(instance, ctx.getExecution().pickedBy,
                        ctx.getSchedulerClient()));
        oneSlot = Scheduler.create(dataSource, List.of(oneSlotTask))
                .schedulerName(new SchedulerName.Fixed("one-slot"))
                .threads(1)
                .pollingInterval(Duration.ofMillis(200))
                .heartbeatInterval(Duration.ofSeconds(2))
                .alwaysPersistTimestampInUTC()
                .build();
        scheduler.pause();
        Instant due = Instant.now();
        oneSlot.schedule(oneSlotTask.instance(String.valueOf(quiet), SyncRequest.scheduled()), due.minusSeconds(1));
        oneSlot.schedule(oneSlotTask.instance(String.valueOf(first), SyncRequest.scheduled()), due);
        oneSlot.start();

        // the answering department syncs while the quiet one still waits on its Samsara
        await().atMost(Duration.ofSeconds(20)).until(() -> runs.latest(first, 1).stream()
                .anyMatch(run -> run.outcome() != SyncOutcome.RUNNING));
        assertThat(runs.latest(first, 1).getFirst().outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(runs.running(quiet)).as("the quiet department's run, still waiting on Samsara").isPresent();
        assertThat(Duration.between(due, runs.latest(first, 1).getFirst().startedAt()))
                .as("how long the answering department waited for the only slot")
                .isLessThan(APART_AFTER.plusSeconds(3));
        ScheduledExecution<Object> apart = oneSlot.getScheduledExecution(SyncTask.of(quiet)).orElseThrow();
        assertThat(apart.isPicked()).as("the quiet department's execution holds no slot").isFalse();
        assertThat(((SyncRequest) apart.getData()).apartUntil()).as("marked as running apart").isNotNull();

        // its execution moved to now by hand: no second run of that department starts beside the one apart
        oneSlot.reschedule(SyncTask.of(quiet), Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> executionTime(oneSlot, quiet)
                .isAfter(Instant.now().plusSeconds(30)));
        assertThat(runs.latest(quiet, 10)).as("runs of the quiet department").hasSize(1);

        // Samsara answers again: the run apart ends and sets the department's next sync itself
        silent.setResponseDelay(Duration.ZERO);
        await().atMost(Duration.ofSeconds(40)).until(() -> runs.running(quiet).isEmpty());
        SyncRunSummary ended = runs.latest(quiet, 1).getFirst();
        assertThat(ended.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        await().atMost(Duration.ofSeconds(5)).until(() -> oneSlot.getScheduledExecution(SyncTask.of(quiet))
                .map(e -> e.getData() instanceof SyncRequest r && r.apartUntil() == null).orElse(false));
        int interval = connections.syncStanding(quiet).intervalMinutes();
        assertThat(executionTime(oneSlot, quiet)).as("the next sync, one interval after the run ended")
                .isAfter(ended.startedAt().plus(Duration.ofMinutes(interval)).minusSeconds(1));
        assertThat(execution.runsApart()).isZero();
    }

    @Test
    void aRunWaitingOnSamsaraShowsWhatItIsWaitingForAtOnce() {
        // "Starting" and "Listing Samsara vehicles" come within a few milliseconds; Samsara then keeps the list 3 s
        samsara.setResponseDelay(Duration.ofSeconds(3));
        List<SyncProgress> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (SyncExecution watched = new SyncExecution(departmentSync, runs, connections,
                event -> seen.add((SyncProgress) event), clock, new SimpleMeterRegistry(),
                new SyncExecution.Apart(1, APART_AFTER, Duration.ofMinutes(5), SHORT_BUDGET, Duration.ofMinutes(1)))) {
            watched.execute(task.instance(String.valueOf(first), SyncRequest.scheduled()), "here", scheduler);
            await().atMost(Duration.ofSeconds(2)).until(() -> seen.stream()
                    .anyMatch(p -> p.phase().equals("Listing Samsara vehicles")));
            assertThat(runs.runningProgress(List.of(first))).as("what the other instances read")
                    .singleElement().extracting(SyncProgress::phase).isEqualTo("Listing Samsara vehicles");
            await().atMost(Duration.ofSeconds(30)).until(() -> runs.running(first).isEmpty());
        }
    }

    private static Instant executionTime(SchedulerClient scheduler, long department) {
        return scheduler.getScheduledExecution(SyncTask.of(department)).orElseThrow().getExecutionTime();
    }

    private void didNotAnswerLastTime(long department) {
        // its last run (on any instance) ended because Samsara did not answer
        Instant at = clock.instant().minusSeconds(60);
        long run = runs.start(department, SyncTrigger.SCHEDULED, null, at, "another-instance");
        runs.finish(run, SyncOutcome.FAILED, SyncCounts.NONE, 1, "Samsara did not answer", true, at);
    }

    private long departmentOf(String manager) {
        return jdbc.queryForObject("select department_id from app_user where username = ?", Long.class, manager);
    }
}
