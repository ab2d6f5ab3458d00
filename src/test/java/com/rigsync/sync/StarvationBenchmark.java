package com.rigsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.rigsync.SpringAppTest;
import com.rigsync.apparatus.Vin;
import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedSamsaraServer;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.integration.IntegrationTestAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A regional outage beside healthy departments: 100 departments of 50 linked apparatus on a simulated Samsara
 * taking a second per answer, synced all at once, first alone, then with 10 departments whose Samsara never answers
 * in time (their runs due a second earlier, so they take scheduler slots first), in the outage's first round and in
 * a later one, when their last run says Samsara did not answer. Figure: how much later the healthy departments'
 * syncs finish in the later round (aim under 10 %). Runs only with {@code ./mvnw -Pbench verify}.
 */
@SpringAppTest
class StarvationBenchmark {

    private static final int HEALTHY = 100;
    private static final int FAILING = 10;
    private static final int APPARATUS = 50;
    /** How long the healthy departments' Samsara takes per answer: long enough for rounds that a 10 % delay shows. */
    private static final Duration ANSWER_TIME = Duration.ofSeconds(1);

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Scheduler scheduler;
    @Autowired
    CustomTask<SyncRequest> task;
    @Value("${db-scheduler.threads}")
    int threads;
    @Value("${rigsync.sync.run-budget:5m}")
    Duration budget;
    @Value("${rigsync.sync.runs-apart:10}")
    int runsApart;
    @Value("${rigsync.sync.apart-after:3s}")
    Duration apartAfter;
    @Value("${rigsync.sync.unanswered-budget:30s}")
    Duration unansweredBudget;

    @Test
    void tenTimingOutDepartmentsBesideAHundredHealthyOnes() {
        assumeTrue(Boolean.getBoolean("bench.profile"), "benchmarks run only with ./mvnw -Pbench verify");
        SimulatedSamsara healthySamsara = simulator();
        SimulatedSamsara failingSamsara = simulator();
        List<Long> healthy = new ArrayList<>();
        List<Long> failing = new ArrayList<>();
        try (SimulatedSamsaraServer healthyServer = SimulatedSamsaraServer.start(healthySamsara);
             SimulatedSamsaraServer failingServer = SimulatedSamsaraServer.start(failingSamsara)) {
            departments(healthySamsara, healthyServer, "bench-healthy", HEALTHY, healthy);
            departments(failingSamsara, failingServer, "bench-failing", FAILING, failing);
            healthySamsara.setResponseDelay(ANSWER_TIME);

            double first = round(healthy, List.of());
            double alone = round(healthy, List.of());
            // every request to the failing Samsara waits far longer than any timeout
            failingSamsara.setResponseDelay(Duration.ofMinutes(2));
            // the outage's first round: nobody knows yet that their Samsara does not answer
            double firstBeside = round(healthy, failing);
            long failingStart = System.nanoTime();
            await().atMost(Duration.ofMinutes(6)).until(() -> runningOf(failing) == 0);
            double failingHeld = (System.nanoTime() - failingStart) / 1e9;
            String firstOutcomes = outcomes(failing);
            // every round after: their last run says Samsara did not answer, so they keep to their share of slots
            double beside = round(healthy, failing);
            await().atMost(Duration.ofMinutes(6)).until(() -> runningOf(failing) == 0);
            double aloneAgain = round(healthy, List.of());
            double baseline = (alone + aloneAgain) / 2;
            double delay = (beside - baseline) / baseline * 100;

            System.out.println();
            System.out.println("=== StarvationBenchmark ===");
            System.out.printf(Locale.ROOT, "%d healthy departments x %d apparatus (Samsara takes %s per answer), "
                    + "%d departments whose Samsara never answers in time, %d scheduler slots, run budget %s; a run "
                    + "that hears nothing for %s goes on apart (room for %d per instance), a department whose "
                    + "Samsara did not answer last time goes apart at once with a budget of %s%n",
                    HEALTHY, APPARATUS, ANSWER_TIME, FAILING, threads, budget, apartAfter, runsApart, unansweredBudget);
            System.out.printf(Locale.ROOT, "all healthy syncs done (from due): first round %.2f s; alone %.2f s and "
                    + "%.2f s; beside the failing ones in the outage's first round %.2f s (%+.1f %%; the failing runs "
                    + "ended %.1f s after the healthy ones: %s); beside them in every later round %.2f s: %+.1f %% "
                    + "(aim under 10 %%); failing runs so far: %s%n", first, alone, aloneAgain, firstBeside,
                    (firstBeside - baseline) / baseline * 100, failingHeld, firstOutcomes, beside, delay,
                    outcomes(failing));
            String ids = healthy.stream().map(String::valueOf).collect(Collectors.joining(","));
            System.out.println("healthy runs: " + jdbc.queryForObject("select concat(count(*), ' runs, ', "
                    + "round(avg(api_calls), 1), ' Samsara requests and ', round(avg(timestampdiff(microsecond, "
                    + "started_at, finished_at)) / 1e6, 2), ' s each on average') from sync_run where department_id "
                    + "in (" + ids + ")", String.class));
            assertThat(delay).as("delay of the healthy departments' syncs, %").isLessThan(10);
        } finally {
            for (long department : concat(healthy, failing)) {
                jdbc.update("delete from scheduled_tasks where task_name = ? and task_instance = ?", SyncTask.NAME,
                        String.valueOf(department));
            }
            await().atMost(Duration.ofMinutes(6)).until(() -> failing.isEmpty() || runningOf(failing) == 0);
            concat(healthy, failing).forEach(department -> SyncTestDepartment.delete(jdbc, department));
        }
    }

    /** Makes every department due (the failing ones a second earlier) and returns when the healthy ones finished. */
    private double round(List<Long> healthy, List<Long> failing) {
        String ids = healthy.stream().map(String::valueOf).collect(Collectors.joining(","));
        int finishedBefore = jdbc.queryForObject("select count(*) from sync_run where finished_at is not null and "
                + "department_id in (" + ids + ")", Integer.class);
        // every round reads full snapshots, like a first sync, so rounds weigh the same
        jdbc.update("delete from sync_feed_cursor where department_id in (" + ids + ")");
        Instant due = Instant.now();
        schedule(failing, due.minusSeconds(1));
        schedule(healthy, due);
        long start = System.nanoTime();
        scheduler.triggerCheckForDueExecutions();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                jdbc.queryForObject("select count(*) from sync_run where finished_at is not null and "
                        + "department_id in (" + ids + ")", Integer.class) == finishedBefore + healthy.size());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(jdbc.queryForObject("select count(*) from sync_run where outcome <> 'SUCCEEDED' and "
                + "department_id in (" + ids + ")", Integer.class)).as("healthy runs that did not succeed").isZero();
        return seconds;
    }

    private void schedule(List<Long> departments, Instant at) {
        for (long department : departments) {
            var id = SyncTask.of(department);
            if (scheduler.getScheduledExecution(id).isPresent()) {
                await().atMost(Duration.ofMinutes(6)).until(() -> scheduler.getScheduledExecution(id)
                        .map(e -> !e.isPicked()).orElse(true));
                scheduler.reschedule(id, at);
            } else {
                List<TaskInstance<?>> one = List.of(task.instance(String.valueOf(department), SyncRequest.scheduled()));
                scheduler.scheduleBatch(one, at);
            }
        }
    }

    private String outcomes(List<Long> departments) {
        return jdbc.queryForList("select concat(count(*), ' ', outcome) from sync_run where department_id in ("
                + departments.stream().map(String::valueOf).collect(Collectors.joining(",")) + ") group by outcome",
                String.class).toString();
    }

    private int runningOf(List<Long> departments) {
        return jdbc.queryForObject("select count(*) from sync_run where outcome = 'RUNNING' and department_id in ("
                + departments.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")", Integer.class);
    }

    private void departments(SimulatedSamsara samsara, SimulatedSamsaraServer server, String region, int count,
                             List<Long> made) {
        String firstManager = IntegrationTestAccess.departmentConnectedTo(context, jdbc, region, server.baseUrl(),
                List.of());
        long first = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class,
                firstManager);
        made.add(first);
        for (int n = 1; n < count; n++) {
            String name = "Bench " + region + " " + n + " " + first;
            jdbc.update("insert into department (name, samsara_entitled, created_at) values (?, true, now())", name);
            long department = jdbc.queryForObject("select id from department where name = ?", Long.class, name);
            String token = region + "-token-" + first + "-" + n;
            samsara.issueGlobalReadToken(token);
            IntegrationTestAccess.copyConnection(context, jdbc, first, department, token);
            made.add(department);
        }
        List<SimulatedVehicle> fleet = samsara.vehicles();
        List<Object[]> rows = new ArrayList<>();
        for (long department : made) {
            for (int v = 0; v < APPARATUS; v++) {
                SimulatedVehicle vehicle = fleet.get(v);
                rows.add(new Object[] {department, "Unit " + v, vehicle.vin(), Vin.normalize(vehicle.vin()),
                        vehicle.id()});
            }
        }
        jdbc.batchUpdate("""
                insert into apparatus (department_id, unit_name, type, vin, vin_normalized, status, link_flag,
                    version, samsara_vehicle_id)
                values (?, ?, 'ENGINE', ?, ?, 'IN_SERVICE', 'NONE', 0, ?)""", rows);
    }

    private static SimulatedSamsara simulator() {
        SimulatedSamsara samsara = new SimulatedSamsara(Clock.fixed(SimulatedSamsaraServer.DEFAULT_START,
                ZoneOffset.UTC), SimulatedSamsara.DEFAULT_PAGE_SIZE, SimulatedSamsara.DEFAULT_REDIRECT_URI,
                SimulatedFleet.withVehicles(APPARATUS), System::nanoTime);
        samsara.setRateLimitsEnabled(false);
        return samsara;
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
