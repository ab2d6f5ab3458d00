package com.rigsync.apparatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.rigsync.SpringAppTest;
import com.rigsync.security.Role;
import com.rigsync.security.SignedInUser;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import static com.rigsync.testing.Timings.percentile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Overview's figures for a department of 10,000 apparatus with telemetry (faults, silent ones, low fuel, flagged
 * links and readings) in the real (embedded) MariaDB: server time of one {@link FleetStatus#overview()}. Runs only
 * with {@code ./mvnw -Pbench verify}; prints median and p95 (aim: p95 under 100 ms).
 */
@SpringAppTest
class OverviewBenchmark {

    private static final int APPARATUS = 10_000;
    private static final int WARM_UP = 30;
    private static final int ROUNDS = 200;

    @Autowired
    private FleetStatus fleetStatus;
    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theOverviewOf10000ApparatusWithTelemetry() {
        assumeTrue(Boolean.getBoolean("bench.profile"), "benchmarks run only with ./mvnw -Pbench verify");
        long departmentId = benchmarkDepartment();
        SignIn.as(new SignedInUser(-1, "bench", "Bench Member", Role.MEMBER, departmentId, true, null));

        List<Double> ms = new ArrayList<>();
        FleetOverview overview = null;
        for (int i = 0; i < WARM_UP + ROUNDS; i++) {
            long start = System.nanoTime();
            overview = fleetStatus.overview();
            if (i >= WARM_UP) {
                ms.add((System.nanoTime() - start) / 1e6);
            }
        }
        System.out.println();
        System.out.println("=== OverviewBenchmark ===");
        System.out.printf(Locale.ROOT, "%d apparatus: %d out of service, %d with faults (%d with a lamp), %d not "
                        + "reporting, %d low on fuel, %d waiting for review; %d rounds after %d warm-up%n",
                overview.apparatus(), overview.count(ApparatusStatus.OUT_OF_SERVICE),
                overview.count(FleetCondition.ACTIVE_FAULTS), overview.count(FleetCondition.WARNING_LAMPS),
                overview.count(FleetCondition.NOT_REPORTING), overview.count(FleetCondition.LOW_FUEL),
                overview.count(FleetCondition.NEEDS_REVIEW), ROUNDS, WARM_UP);
        System.out.printf(Locale.ROOT, "overview: median %.2f ms, p95 %.2f ms (aim: p95 < 100 ms)%n",
                percentile(ms, 50), percentile(ms, 95));
        assertThat(overview.apparatus()).isEqualTo(APPARATUS);
    }

    /** A department of its own with 10,000 apparatus and their telemetry, inserted once per database. */
    private long benchmarkDepartment() {
        jdbc.update("insert ignore into department (name, samsara_entitled, created_at) "
                + "values ('Overview Benchmark District', true, now())");
        long departmentId = jdbc.queryForObject(
                "select id from department where name = 'Overview Benchmark District'", Long.class);
        Integer existing = jdbc.queryForObject("select count(*) from apparatus where department_id = ?", Integer.class,
                departmentId);
        if (existing < APPARATUS) {
            List<Object[]> batch = new ArrayList<>();
            for (int n = existing + 1; n <= APPARATUS; n++) {
                boolean out = n % 50 == 0;
                batch.add(new Object[] {departmentId, "Unit " + n, "Station " + (n % 20 + 1),
                        out ? "OUT_OF_SERVICE" : n % 40 == 0 ? "RESERVE" : "IN_SERVICE", out ? "Recall " + n : null,
                        n % 10 == 0 ? null : Long.toString(400_000_000_000L + n),
                        n % 97 == 0 ? "REVIEW_VIN_MISMATCH" : "NONE"});
            }
            jdbc.batchUpdate("""
                    insert into apparatus (department_id, unit_name, type, station, status, status_reason,
                        samsara_vehicle_id, link_flag, version)
                    values (?, ?, 'ENGINE', ?, ?, ?, ?, ?, 0)""", batch);
            jdbc.update("""
                    insert into apparatus_telemetry (apparatus_id, odometer_meters, engine_seconds, fuel_percent,
                        active_fault_count, warning_lamps, read_at, synced_at)
                    select id, id * 1000, id * 60, mod(id, 100),
                        case when mod(id, 13) = 0 then 2 else 0 end,
                        case when mod(id, 39) = 0 then 'Check engine (MIL)' end,
                        case when mod(id, 31) = 0 then now() - interval 3 day else now() end, now()
                    from apparatus where department_id = ? and samsara_vehicle_id is not null""", departmentId);
            jdbc.update("""
                    insert into meter_reading (department_id, apparatus_id, kind, meter_value, read_at, synced_at,
                        flag, flag_reason)
                    select department_id, id, 'ODOMETER', 5, now(), now(), 'LOWER_THAN_PREVIOUS', 'lower'
                    from apparatus where department_id = ? and mod(id, 101) = 0""", departmentId);
        }
        return departmentId;
    }
}
