package com.rigsync.sync;

import java.time.Clock;
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
import com.rigsync.samsara.StatType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One department with 2,000 apparatus linked to the 2,000 vehicles its token sees, against the simulated Samsara on
 * loopback (rate limits off, so the figure is the client's and the database's time): requests made (must be the
 * minimum: 4 list pages plus 4 stats pages per group of 3 types), total time (aim under 5 s) and database write
 * time; then the second run (starting the stats feed) and the third (an unchanged fleet). Runs only with
 * {@code ./mvnw -Pbench verify}.
 */
@SpringAppTest
class SyncRunBenchmark {

    private static final int SIZE = 2_000;

    @Autowired
    private SamsaraDepartmentSync sync;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void firstSyncOf2000LinkedApparatus() {
        assumeTrue(Boolean.getBoolean("bench.profile"), "benchmarks run only with ./mvnw -Pbench verify");
        SimulatedSamsara samsara = new SimulatedSamsara(Clock.fixed(SimulatedSamsaraServer.DEFAULT_START,
                ZoneOffset.UTC), SimulatedSamsara.DEFAULT_PAGE_SIZE, SimulatedSamsara.DEFAULT_REDIRECT_URI,
                SimulatedFleet.withVehicles(SIZE), System::nanoTime);
        samsara.setRateLimitsEnabled(false);
        Long departmentId = null;
        try (SimulatedSamsaraServer server = SimulatedSamsaraServer.start(samsara)) {
            String manager = IntegrationTestAccess.departmentConnectedTo(context, jdbc, "bench-sync-2000",
                    server.baseUrl(), List.of());
            departmentId = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class,
                    manager);
            List<SimulatedVehicle> fleet = samsara.vehicles();
            assertThat(fleet).hasSize(SIZE);
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

            int groups = StatType.groups(SamsaraDepartmentSync.TYPES).size();
            int minimum = 4 + 4 * groups;
            List<String> lines = new ArrayList<>();
            for (String run : new String[] {"first run (snapshot)", "second run (starts the stats feed)",
                    "third run (unchanged fleet, feed)"}) {
                samsara.clearRequestLog();
                int before = samsara.requestCount();
                long start = System.nanoTime();
                SyncResult result = sync.run(departmentId, (phase, done, total, soFar, calls) -> { });
                double totalMs = (System.nanoTime() - start) / 1e6;
                int requests = samsara.requestCount() - before;
                double writeMs = sync.lastWriteNanos(departmentId).orElse(0L) / 1e6;
                assertThat(result.outcome()).as(result.error()).isEqualTo(SyncOutcome.SUCCEEDED);
                assertThat(result.apiCalls()).isEqualTo(requests);
                lines.add(String.format(Locale.ROOT, "%-36s %3d requests, %6.0f ms total, %5.0f ms database writes, "
                        + "%d apparatus updated, %d vehicles listed", run, requests, totalMs, writeMs,
                        result.counts().apparatusUpdated(), result.counts().vehiclesListed()));
                if (run.startsWith("first")) {
                    assertThat(requests).as("4 list pages + 4 stats pages per group of 3 types").isEqualTo(minimum);
                    assertThat(samsara.requestCount("/fleet/vehicles")).isEqualTo(4);
                    assertThat(samsara.requestCount("/fleet/vehicles/stats")).isEqualTo(4 * groups);
                }
            }
            System.out.println();
            System.out.println("=== SyncRunBenchmark ===");
            System.out.printf(Locale.ROOT, "one department, %d apparatus linked to %d visible vehicles, %d stat types in "
                    + "%d groups; minimum for a snapshot: %d requests%n", SIZE, fleet.size(),
                    SamsaraDepartmentSync.TYPES.size(), groups, minimum);
            lines.forEach(System.out::println);
        } finally {
            if (departmentId != null) {
                SyncTestDepartment.delete(jdbc, departmentId);
            }
        }
    }
}
