package com.rigsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.rigsync.SpringAppTest;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.testing.Prometheus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator's Prometheus sees of a department's sync: the run by outcome and duration, each Samsara request
 * by endpoint template and status, the 429s and the retries they caused.
 */
@SpringAppTest
class SyncMetricsTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Scheduler scheduler;
    @Autowired
    CustomTask<SyncRequest> task;

    private SimulatedSamsara samsara;
    private String manager;

    @AfterEach
    void cleanUp() {
        if (samsara != null) {
            samsara.resetFaults();
        }
        if (manager != null) {
            IntegrationTestAccess.removeDepartmentOf(jdbc, manager);
        }
    }

    @Test
    void aScheduledRunWithTwoRateLimitedRequestsShowsInTheScrape() {
        samsara = IntegrationTestAccess.simulator(context).samsara();
        manager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        long departmentId = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class,
                manager);
        SimulatedVehicle vehicle = samsara.vehicles().stream()
                .filter(v -> v.hasGateway() && v.reportsObd() && v.vin() != null).findFirst().orElseThrow();
        new SyncTestDepartment(departmentId, "metrics").apparatus(jdbc, "Engine 1", vehicle.vin(), vehicle.id());
        String before = Prometheus.scrape(port);
        samsara.rateLimitNextRequests("/fleet/vehicles/stats", 2, "0.01");

        scheduler.schedule(task.instance(String.valueOf(departmentId), SyncRequest.scheduled()), Instant.now());
        scheduler.triggerCheckForDueExecutions();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from sync_run where department_id = ? and outcome <> 'RUNNING'", Integer.class,
                departmentId) == 1);
        assertThat(jdbc.queryForObject("select outcome from sync_run where department_id = ?", String.class,
                departmentId)).isEqualTo("SUCCEEDED");

        String after = Prometheus.scrape(port);
        assertThat(increase(before, after, "rigsync_sync_runs_seconds_count",
                Map.of("outcome", "SUCCEEDED", "trigger", "SCHEDULED"))).isEqualTo(1);
        assertThat(increase(before, after, "rigsync_samsara_requests_seconds_count",
                Map.of("endpoint", "GET /fleet/vehicles", "status", "200"))).isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "rigsync_samsara_requests_seconds_count",
                Map.of("endpoint", "GET /fleet/vehicles/stats", "status", "429"))).isEqualTo(2);
        assertThat(increase(before, after, "rigsync_samsara_rate_limited_total",
                Map.of("endpoint", "GET /fleet/vehicles/stats"))).isEqualTo(2);
        assertThat(increase(before, after, "rigsync_samsara_retries_total",
                Map.of("endpoint", "GET /fleet/vehicles/stats", "status", "429"))).isEqualTo(2);
        assertThat(after).contains("rigsync_sync_runs_seconds_bucket{", "rigsync_samsara_requests_seconds_bucket{")
                .as("no token or vehicle id in the metrics")
                .doesNotContain(SimulatedSamsara.GLOBAL_READ_TOKEN, vehicle.id());
    }

    private static double increase(String before, String after, String metric, Map<String, String> labels) {
        return Prometheus.sum(after, metric, labels) - Prometheus.sum(before, metric, labels);
    }
}
