package com.rigsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rigsync.SpringAppTest;
import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedSamsaraServer;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.testing.Timings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the metrics cost a sync: one department's full (snapshot) sync of 2,000 linked apparatus against the
 * simulated Samsara on loopback, alternately with the Samsara call and sync run metrics recorded on the app's
 * Prometheus registry and without them; medians of each (aim under 2 % apart). Runs only with
 * {@code ./mvnw -Pbench verify}.
 */
@SpringAppTest
class MetricsOverheadBenchmark {

    private static final int SIZE = 2_000;
    private static final int ROUNDS = 12;

    @Autowired
    private SamsaraDepartmentSync sync;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeterRegistry registry;

    @Test
    void aSyncOf2000ApparatusWithAndWithoutMetrics() {
        assumeTrue(Boolean.getBoolean("bench.profile"), "benchmarks run only with ./mvnw -Pbench verify");
        SimulatedSamsara samsara = new SimulatedSamsara(Clock.fixed(SimulatedSamsaraServer.DEFAULT_START,
                ZoneOffset.UTC), SimulatedSamsara.DEFAULT_PAGE_SIZE, SimulatedSamsara.DEFAULT_REDIRECT_URI,
                SimulatedFleet.withVehicles(SIZE), System::nanoTime);
        samsara.setRateLimitsEnabled(false);
        Long departmentId = null;
        try (SimulatedSamsaraServer server = SimulatedSamsaraServer.start(samsara)) {
            String manager = IntegrationTestAccess.departmentConnectedTo(context, jdbc, "bench-metrics",
                    server.baseUrl(), List.of());
            departmentId = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class,
                    manager);
            List<SimulatedVehicle> fleet = samsara.vehicles();
            List<Object[]> rows = new ArrayList<>();
            for (int n = 0; n < SIZE; n++) {
                SimulatedVehicle v = fleet.get(n);
                rows.add(new Object[] {departmentId, "Bench " + n, v.vin(), com.rigsync.apparatus.Vin.normalize(v.vin()),
                        v.id()});
            }
            jdbc.batchUpdate("""
                    insert into apparatus (department_id, unit_name, type, vin, vin_normalized, status, link_flag,
                        version, samsara_vehicle_id)
                    values (?, ?, 'ENGINE', ?, ?, 'IN_SERVICE', 'NONE', 0, ?)""", rows);

            run(departmentId, true);
            run(departmentId, false);
            List<Double> on = new ArrayList<>();
            List<Double> off = new ArrayList<>();
            double countedBefore = requestsCounted();
            for (int round = 0; round < ROUNDS; round++) {
                on.add(run(departmentId, true));
                double counted = requestsCounted();
                off.add(run(departmentId, false));
                assertThat(requestsCounted()).as("nothing counted with the metrics off").isEqualTo(counted);
            }
            assertThat(requestsCounted() - countedBefore).as("requests counted with the metrics on")
                    .isEqualTo(ROUNDS * 16.0);
            double medianOn = Timings.percentile(on, 50);
            double medianOff = Timings.percentile(off, 50);
            System.out.println();
            System.out.println("=== MetricsOverheadBenchmark ===");
            System.out.printf(Locale.ROOT, "full sync of %d linked apparatus (16 Samsara requests, %d rounds each, "
                    + "alternating): metrics on median %.0f ms (best %.0f), off median %.0f ms (best %.0f): "
                    + "%+.1f %%%n", SIZE, ROUNDS, medianOn, on.stream().mapToDouble(d -> d).min().orElse(0),
                    medianOff, off.stream().mapToDouble(d -> d).min().orElse(0),
                    (medianOn - medianOff) / medianOff * 100);
        } finally {
            IntegrationTestAccess.countSamsaraCalls(context, true);
            if (departmentId != null) {
                SyncTestDepartment.delete(jdbc, departmentId);
            }
        }
    }

    /** One full snapshot sync (the feed cursors forgotten first, so every round does the same work); its ms. */
    private double run(long departmentId, boolean metrics) {
        jdbc.update("delete from sync_feed_cursor where department_id = ?", departmentId);
        IntegrationTestAccess.countSamsaraCalls(context, metrics);
        long start = System.nanoTime();
        SyncResult result = sync.run(departmentId, (phase, done, total, soFar, calls) -> { });
        if (metrics) {
            // as SyncExecution records every run
            Timer.builder("rigsync.sync.runs").tag("outcome", result.outcome().name()).tag("trigger", "SCHEDULED")
                    .register(registry).record(Duration.ofNanos(System.nanoTime() - start));
        }
        double ms = (System.nanoTime() - start) / 1e6;
        assertThat(result.outcome()).as(result.error()).isEqualTo(SyncOutcome.SUCCEEDED);
        return ms;
    }

    private double requestsCounted() {
        return registry.find("rigsync.samsara.requests").tag("endpoint", "GET /fleet/vehicles/stats").timers()
                .stream().mapToLong(Timer::count).sum()
                + registry.find("rigsync.samsara.requests").tag("endpoint", "GET /fleet/vehicles").timers().stream()
                .mapToLong(Timer::count).sum();
    }
}
