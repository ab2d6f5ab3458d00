package com.rigsync.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rigsync.SpringAppTest;
import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedFleet.Meter;
import com.rigsync.demo.simulator.SimulatedFleet.MeterReading;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.sync.SyncNowOutcome;
import com.rigsync.sync.SyncService;
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
 * The demo's first start wrote months of meter history for Springfield's apparatus from the simulated vehicles' own
 * telemetry, and a department's first sync after such a backfill continues every series without flagging anything.
 */
@SpringAppTest
class DemoMeterHistoryTest {

    private final SimulatedFleet fleet = SimulatedFleet.demo();

    @Autowired
    private DemoMeterHistory meterHistory;
    @Autowired
    private SyncService syncService;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private String manager;
    private SimulatedSamsara samsara;

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        if (manager != null) {
            long id = departmentOf(manager);
            // the run's execution is rescheduled after the run ends; remove the department after that
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from "
                    + "scheduled_tasks where task_name = 'department-sync' and task_instance = ? and picked = true",
                    Integer.class, String.valueOf(id)) == 0);
            IntegrationTestAccess.removeDepartmentOf(jdbc, manager);
            samsara.resetFleet();
        }
    }

    @Test
    void springfieldsApparatusGotHalfAYearOfTheirVehiclesReadingsAtTheFirstStart() {
        long springfield = jdbc.queryForObject("select id from department where name = ?", Long.class,
                DemoData.SPRINGFIELD);

        for (String unit : List.of("Engine 1", "Medic 3", "Engine 13", "Truck 2", "Tanker 4")) {
            String vehicleId = fleet.vehicleNamed(unit).id();
            for (String kind : List.of("ODOMETER", "ENGINE_HOURS")) {
                List<Map<String, Object>> rows = jdbc.queryForList("""
                        select m.meter_value, m.read_at, m.flag from meter_reading m
                        join apparatus a on a.id = m.apparatus_id
                        where m.department_id = ? and a.unit_name = ? and m.kind = ? order by m.read_at""",
                        springfield, unit, kind);
                String what = unit + " " + kind;
                assertThat(rows).as(what).hasSizeGreaterThan(150);
                assertThat(Duration.between(readAt(rows.getFirst()), readAt(rows.getLast())).toDays()).as(what)
                        .isGreaterThan(150);
                assertThat(rows).as(what).allSatisfy(row -> assertThat(row.get("flag")).isEqualTo("NONE"));
                for (int i = 1; i < rows.size(); i++) {
                    assertThat(readAt(rows.get(i))).as(what).isAfter(readAt(rows.get(i - 1)));
                    assertThat((Long) rows.get(i).get("meter_value")).as(what)
                            .isGreaterThanOrEqualTo((Long) rows.get(i - 1).get("meter_value"));
                }
                Meter meter = kind.equals("ODOMETER") ? Meter.ODOMETER : Meter.ENGINE_SECONDS;
                for (int i = 0; i < rows.size(); i += 50) {
                    Instant at = readAt(rows.get(i));
                    // the silent truck's gateway answers with what it had sent three days before
                    Instant asked = unit.equals("Truck 2") ? at.plus(Duration.ofDays(3)) : at;
                    assertThat(fleet.latestReading(vehicleId, meter, asked)).as("what the simulator reported then")
                            .contains(new MeterReading(at, (Long) rows.get(i).get("meter_value")));
                }
            }
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from meter_reading m join apparatus a on a.id = m.apparatus_id
                where m.department_id = ? and a.unit_name in ('Engine 6', 'Engine 8', 'Marine 1')""",
                Integer.class, springfield)).as("no gateway, or no simulated vehicle at all").isZero();
        Long newestOdometer = jdbc.queryForObject("""
                select max(m.meter_value) from meter_reading m join apparatus a on a.id = m.apparatus_id
                where m.department_id = ? and a.unit_name = 'Engine 1' and m.kind = 'ODOMETER'""", Long.class,
                springfield);
        assertThat(jdbc.queryForObject("""
                select t.odometer_meters from apparatus_telemetry t join apparatus a on a.id = t.apparatus_id
                where a.department_id = ? and a.unit_name = 'Engine 1'""", Long.class, springfield))
                .as("the pre-linked value carries on from the history").isGreaterThanOrEqualTo(newestOdometer);
    }

    @Test
    void theFirstSyncAfterTheBackfillAddsNewerReadingsAndFlagsNothing() {
        samsara = IntegrationTestAccess.simulator(context).samsara();
        samsara.resetFleet();
        manager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        long departmentId = departmentOf(manager);
        Map<Long, String> vehicleByApparatus = new LinkedHashMap<>();
        // a driver, an OBD-less engine, a reserve engine that never moves, the silent truck, the low-fuel tanker
        for (String unit : List.of("Medic 1", "Engine 13", "Engine 21", "Truck 2", "Tanker 2", "Rescue 5")) {
            SimulatedVehicle vehicle = fleet.vehicleNamed(unit);
            jdbc.update("insert into apparatus (department_id, unit_name, type, status, vin, vin_normalized, "
                    + "samsara_vehicle_id) values (?, ?, 'ENGINE', 'IN_SERVICE', ?, ?, ?)", departmentId, unit,
                    vehicle.vin(), vehicle.vin(), vehicle.id());
            vehicleByApparatus.put(jdbc.queryForObject("select id from apparatus where department_id = ? "
                    + "and unit_name = ?", Long.class, departmentId, unit), vehicle.id());
        }
        Instant until = samsara.now();
        int written = meterHistory.backfill(departmentId, vehicleByApparatus, fleet, until);
        assertThat(written).isGreaterThan(6 * 100);

        SignIn.as(users, manager);
        assertThat(syncService.syncNow()).isEqualTo(SyncNowOutcome.STARTED);
        SecurityContextHolder.clearContext();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from sync_run "
                + "where department_id = ? and finished_at is not null", Integer.class, departmentId) == 1);

        Map<String, Object> run = jdbc.queryForMap("select outcome, readings_flagged, apparatus_updated, error "
                + "from sync_run where department_id = ?", departmentId);
        assertThat(run.get("outcome")).as(String.valueOf(run.get("error"))).isEqualTo("SUCCEEDED");
        assertThat(run.get("readings_flagged")).isEqualTo(0);
        assertThat(run.get("apparatus_updated")).isEqualTo(vehicleByApparatus.size());
        assertThat(jdbc.queryForObject("select count(*) from meter_reading where department_id = ? and flag <> 'NONE'",
                Integer.class, departmentId)).isZero();
        vehicleByApparatus.forEach((apparatusId, vehicleId) -> {
            for (Meter meter : Meter.values()) {
                String kind = meter == Meter.ODOMETER ? "ODOMETER" : "ENGINE_HOURS";
                Instant backfilled = fleet.pastReadings(vehicleId, meter, until, DemoMeterHistory.SPAN,
                        DemoMeterHistory.STEP).getLast().time();
                LocalDateTime newest = jdbc.queryForObject("select max(read_at) from meter_reading "
                        + "where apparatus_id = ? and kind = ?", LocalDateTime.class, apparatusId, kind);
                assertThat(newest.toInstant(ZoneOffset.UTC)).as("the sync's reading continues the series")
                        .isAfter(backfilled);
            }
            Map<String, Object> telemetry = jdbc.queryForMap("select odometer_meters, engine_seconds "
                    + "from apparatus_telemetry where apparatus_id = ?", apparatusId);
            assertThat(telemetry.get("odometer_meters")).isNotNull();
            assertThat(telemetry.get("engine_seconds")).isNotNull();
        });
    }

    private long departmentOf(String username) {
        return jdbc.queryForObject("select department_id from app_user where username = ?", Long.class, username);
    }

    private static Instant readAt(Map<String, Object> row) {
        return ((Timestamp) row.get("read_at")).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
