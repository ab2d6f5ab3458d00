package com.rigsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * 500 departments of 50 linked apparatus, all due at once, on this one app instance's scheduler (its configured
 * threads), against the simulated Samsara on loopback adding 20 ms to every answer, each department with its own
 * token: department syncs per second (aim at least 10) and the longest wait of any department before its run
 * started. Runs only with {@code ./mvnw -Pbench verify}.
 */
@SpringAppTest
class ManyDepartmentsBenchmark {

    private static final int DEPARTMENTS = 500;
    private static final int APPARATUS = 50;

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

    @Test
    void fiveHundredDepartmentsDueAtOnce() {
        assumeTrue(Boolean.getBoolean("bench.profile"), "benchmarks run only with ./mvnw -Pbench verify");
        SimulatedSamsara samsara = new SimulatedSamsara(Clock.fixed(SimulatedSamsaraServer.DEFAULT_START,
                ZoneOffset.UTC), SimulatedSamsara.DEFAULT_PAGE_SIZE, SimulatedSamsara.DEFAULT_REDIRECT_URI,
                SimulatedFleet.withVehicles(APPARATUS), System::nanoTime);
        samsara.setRateLimitsEnabled(false);
        List<Long> departments = new ArrayList<>();
        try (SimulatedSamsaraServer server = SimulatedSamsaraServer.start(samsara)) {
            String firstManager = IntegrationTestAccess.departmentConnectedTo(context, jdbc, "bench-many",
                    server.baseUrl(), List.of());
            long first = departmentOf(firstManager);
            departments.add(first);
            long setupStart = System.nanoTime();
            for (int n = 1; n < DEPARTMENTS; n++) {
                String name = "Bench Fire " + n + " " + first;
                jdbc.update("insert into department (name, samsara_entitled, created_at) values (?, true, now())",
                        name);
                long department = jdbc.queryForObject("select id from department where name = ?", Long.class, name);
                String token = "bench-token-" + first + "-" + n;
                samsara.issueGlobalReadToken(token);
                IntegrationTestAccess.copyConnection(context, jdbc, first, department, token);
                departments.add(department);
            }
            List<SimulatedVehicle> fleet = samsara.vehicles();
            List<Object[]> rows = new ArrayList<>();
            for (long department : departments) {
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
            double setupSeconds = (System.nanoTime() - setupStart) / 1e9;

            samsara.setResponseDelay(Duration.ofMillis(20));
            int requestsBefore = samsara.requestCount();
            Instant due = Instant.now();
            List<TaskInstance<?>> executions = departments.stream()
                    .<TaskInstance<?>>map(id -> task.instance(String.valueOf(id), SyncRequest.scheduled()))
                    .toList();
            scheduler.scheduleBatch(executions, due);
            long start = System.nanoTime();
            String ids = departments.stream().map(String::valueOf).collect(Collectors.joining(","));
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                    jdbc.queryForObject("select count(*) from sync_run where finished_at is not null and "
                            + "department_id in (" + ids + ")", Integer.class) == DEPARTMENTS);
            double seconds = (System.nanoTime() - start) / 1e9;
            int requests = samsara.requestCount() - requestsBefore;

            Map<String, Object> figures = jdbc.queryForMap("select min(started_at) first_start, "
                    + "max(started_at) last_start, max(finished_at) last_finish, "
                    + "sum(outcome = 'SUCCEEDED') succeeded, sum(apparatus_updated) updated, "
                    + "avg(timestampdiff(microsecond, started_at, finished_at)) avg_run_us "
                    + "from sync_run where department_id in (" + ids + ")");
            LocalDateTime dueUtc = LocalDateTime.ofInstant(due, ZoneOffset.UTC);
            double longestWait = Duration.between(dueUtc, ((java.sql.Timestamp) figures.get("last_start")).toLocalDateTime()).toMillis() / 1e3;
            double syncsPerSecond = DEPARTMENTS / seconds;

            System.out.println();
            System.out.println("=== ManyDepartmentsBenchmark ===");
            System.out.printf(Locale.ROOT, "%d departments x %d linked apparatus, all due at once, one instance with "
                    + "%d scheduler threads, simulated Samsara adding 20 ms per request, one token each "
                    + "(set-up %.1f s)%n", DEPARTMENTS, APPARATUS, threads, setupSeconds);
            System.out.printf(Locale.ROOT, "all %d syncs done in %.1f s: %.1f department syncs/s; longest wait before "
                    + "a run started %.1f s; average run %.0f ms; %d requests (%.1f per department); %s succeeded, "
                    + "%s apparatus updated%n", DEPARTMENTS, seconds, syncsPerSecond, longestWait,
                    ((Number) figures.get("avg_run_us")).doubleValue() / 1e3, requests,
                    (double) requests / DEPARTMENTS, figures.get("succeeded"), figures.get("updated"));
            assertThat(((Number) figures.get("succeeded")).intValue()).isEqualTo(DEPARTMENTS);
            assertThat(syncsPerSecond).as("department syncs per second").isGreaterThanOrEqualTo(10);
        } finally {
            for (long department : departments) {
                jdbc.update("delete from scheduled_tasks where task_name = ? and task_instance = ?", SyncTask.NAME,
                        String.valueOf(department));
                SyncTestDepartment.delete(jdbc, department);
            }
        }
    }

    private long departmentOf(String username) {
        return jdbc.queryForObject("select department_id from app_user where username = ?", Long.class, username);
    }
}
