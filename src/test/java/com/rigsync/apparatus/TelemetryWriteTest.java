package com.rigsync.apparatus;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rigsync.SpringAppTest;
import com.rigsync.apparatus.ActiveFaultCode.Source;
import com.rigsync.apparatus.ApparatusSyncWriter.TelemetryUpdate;
import com.rigsync.sync.SyncTestDepartment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What a sync's telemetry write leaves for the apparatus page: each value with its time, never a stale mix. */
@SpringAppTest
class TelemetryWriteTest {

    private static final Instant T = Instant.parse("2026-11-30T12:00:00Z");

    @Autowired
    private ApparatusSyncWriter writer;
    @Autowired
    private JdbcTemplate jdbc;

    private SyncTestDepartment department;
    private long engine;

    @BeforeEach
    void setUp() {
        department = SyncTestDepartment.create(jdbc);
        engine = department.apparatus(jdbc, "Engine 1", "1FVACYDT27HY12345", "494123");
    }

    @AfterEach
    void tearDown() {
        department.delete(jdbc);
    }

    @Test
    void newCoordinatesWithoutAnAddressNeverKeepTheOlderAddress() {
        write(location(39.78, -89.65, "12 N Grand Ave, Springfield", T));
        write(location(39.80, -89.60, null, T.plusSeconds(600)));

        Map<String, Object> row = telemetry();
        assertThat(row.get("latitude")).isEqualTo(39.80);
        assertThat(row.get("address")).isNull();

        write(location(39.70, -89.50, "an older fix", T.plusSeconds(300)));
        assertThat(telemetry().get("latitude")).as("an older fix arriving late is not written").isEqualTo(39.80);
    }

    @Test
    void eachValueKeepsTheTimeSamsaraTookIt() {
        write(new TelemetryUpdate(engine, 100_000L, T, 36_000L, T.plusSeconds(60), null, null, null, null, 80.0,
                T.plusSeconds(120), "On", T.plusSeconds(180), null, T.plusSeconds(180)));
        write(new TelemetryUpdate(engine, null, null, null, null, null, null, null, null, 55.0,
                T.plusSeconds(3_600), null, null, null, T.plusSeconds(3_600)));

        Map<String, Object> row = telemetry();
        assertThat(row.get("odometer_meters")).isEqualTo(100_000L);
        assertThat(readAt(row, "odometer_read_at")).isEqualTo("2026-11-30T12:00");
        assertThat(((Number) row.get("fuel_percent")).doubleValue()).isEqualTo(55.0);
        assertThat(readAt(row, "fuel_read_at")).isEqualTo("2026-11-30T13:00");
        assertThat(readAt(row, "engine_state_read_at")).isEqualTo("2026-11-30T12:03");
    }

    @Test
    void activeFaultCodesAreReplacedWhenTheFaultsAreReadAgain() {
        write(faults(new ActiveFaults("Warning light on. P0128 Coolant", "Check engine (MIL)", List.of(
                new ActiveFaultCode(Source.OBD_II, "P0128", "Coolant", null, null, "confirmed", "Check engine (MIL)",
                        null),
                new ActiveFaultCode(Source.J1939, "SPN 110 FMI 0", null, 110L, 0L, null, null, 2L)), T)));
        assertThat(jdbc.queryForList("select code from apparatus_fault_code where apparatus_id = ? order by id",
                String.class, engine)).containsExactly("P0128", "SPN 110 FMI 0");
        assertThat(telemetry().get("active_fault_count")).isEqualTo(2);
        assertThat(telemetry().get("warning_lamps")).isEqualTo("Check engine (MIL)");

        write(faults(new ActiveFaults("No active fault codes", null, List.of(), T.plusSeconds(60))));
        assertThat(jdbc.queryForObject("select count(*) from apparatus_fault_code where apparatus_id = ?",
                Integer.class, engine)).isZero();
        assertThat(telemetry().get("active_fault_count")).isEqualTo(0);
        assertThat(telemetry().get("warning_lamps")).isNull();

        write(new TelemetryUpdate(engine, 1L, T.plusSeconds(120), null, null, null, null, null, null, null, null,
                null, null, null, T.plusSeconds(120)));
        assertThat(telemetry().get("fault_summary")).as("faults not read this time stay as they were")
                .isEqualTo("No active fault codes");
    }

    private TelemetryUpdate location(double latitude, double longitude, String address, Instant at) {
        return new TelemetryUpdate(engine, null, null, null, null, latitude, longitude, address, at, null, null,
                null, null, null, at);
    }

    private TelemetryUpdate faults(ActiveFaults faults) {
        return new TelemetryUpdate(engine, null, null, null, null, null, null, null, null, null, null, null, null,
                faults, faults.readAt());
    }

    private void write(TelemetryUpdate update) {
        writer.writeTelemetry(department.id(), List.of(update), T.plusSeconds(7_200));
    }

    private static String readAt(Map<String, Object> row, String column) {
        return ((Timestamp) row.get(column)).toLocalDateTime().toString();
    }

    private Map<String, Object> telemetry() {
        return jdbc.queryForMap("select * from apparatus_telemetry where apparatus_id = ?", engine);
    }
}
