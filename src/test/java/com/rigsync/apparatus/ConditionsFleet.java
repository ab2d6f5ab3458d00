package com.rigsync.apparatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rigsync.apparatus.ActiveFaultCode.Source;
import com.rigsync.apparatus.ApparatusSyncWriter.TelemetryUpdate;
import com.rigsync.sync.SyncTestDepartment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A department of its own whose six apparatus each stand for fleet conditions, synced as the sync writes them:
 * Engine 1 with a check-engine lamp on (at an address), Engine 2 out of service and silent for 3 days, Tanker 1 low
 * on fuel with a fault code but no lamp (coordinates only), Ladder 1 in reserve with a meter reading to review,
 * Brush 1 not linked, Medic 1 linked but never synced and its link flagged. Its people: see
 * {@link SyncTestDepartment#user(String)}; {@link #delete} removes it all.
 */
record ConditionsFleet(SyncTestDepartment department, long faulty, long silent, long thirsty, long fine,
                       long unlinked, long neverReported) {

    static final String ADDRESS = "742 Evergreen Terrace, Springfield";

    static ConditionsFleet create(JdbcTemplate jdbc, ApparatusSyncWriter writer, MeterHistory meterHistory,
                                  Instant now) {
        SyncTestDepartment department = SyncTestDepartment.create(jdbc);
        long faulty = department.apparatus(jdbc, "Engine 1", null, "1001");
        long silent = department.apparatus(jdbc, "Engine 2", null, "1002");
        long thirsty = department.apparatus(jdbc, "Tanker 1", null, "1003");
        long fine = department.apparatus(jdbc, "Ladder 1", null, "1004");
        long unlinked = department.apparatus(jdbc, "Brush 1", null, null);
        long neverReported = department.apparatus(jdbc, "Medic 1", null, "1006");
        jdbc.update("update apparatus set status = 'OUT_OF_SERVICE', status_reason = 'Pump repair' where id = ?",
                silent);
        jdbc.update("update apparatus set status = 'RESERVE' where id = ?", fine);
        jdbc.update("update apparatus set link_flag = 'REVIEW_VIN_MISMATCH' where id = ?", neverReported);
        Instant recent = now.minus(Duration.ofHours(1));
        Instant threeDaysAgo = now.minus(Duration.ofDays(3));
        writer.writeTelemetry(department.id(), List.of(
                new TelemetryUpdate(faulty, 19_867_545L, recent, 36_000L, recent, 39.7817, -89.6501, ADDRESS,
                        recent, 60.0, recent, "On", recent, new ActiveFaults("Warning light on. P0128",
                        "Check engine (MIL)", List.of(new ActiveFaultCode(Source.OBD_II, "P0128", null, null, null,
                        "confirmed", "Check engine (MIL)", null)), recent), recent),
                new TelemetryUpdate(silent, null, null, null, null, null, null, null, null, 70.0, threeDaysAgo, null,
                        null, null, threeDaysAgo),
                new TelemetryUpdate(thirsty, null, null, null, null, 39.8, -89.64, null, recent, 12.5, recent,
                        "Idle", recent, new ActiveFaults("SPN 110 FMI 0", null, List.of(new ActiveFaultCode(
                        Source.J1939, "SPN 110 FMI 0", null, 110L, 0L, null, null, 1L)), recent), recent),
                new TelemetryUpdate(fine, null, null, null, null, null, null, null, null, 90.0, recent, null,
                        null, null, recent)), now);
        // a sync looked for Medic 1 and Samsara had nothing from it
        writer.markNothingReported(department.id(), List.of(neverReported), now);
        meterHistory.insert(department.id(), List.of(new MeterHistory.NewReading(fine, MeterKind.ODOMETER, 5,
                recent, MeterFlag.LOWER_THAN_PREVIOUS, "lower", 10L, recent.minusSeconds(60))), now);
        return new ConditionsFleet(department, faulty, silent, thirsty, fine, unlinked, neverReported);
    }

    /** Links a new apparatus that no sync has looked for yet. */
    long linkAnotherNow(JdbcTemplate jdbc) {
        return department.apparatus(jdbc, "Rescue 1", null, "1007");
    }

    long id() {
        return department.id();
    }

    String user(String role) {
        return department.user(role);
    }

    void delete(JdbcTemplate jdbc) {
        department.delete(jdbc);
    }
}
