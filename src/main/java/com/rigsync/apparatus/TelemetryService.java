package com.rigsync.apparatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.rigsync.department.PreferencesService;
import com.rigsync.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the sync last wrote about one of the signed-in user's department's apparatus, for the apparatus page: every
 * value with the time Samsara took it, and the active fault codes. The department always comes from the signed-in
 * user; another department's apparatus reads as never synced.
 */
@Service
public class TelemetryService {

    /** Codes that light a lamp first, then by source and code. */
    private static final Comparator<ActiveFaultCode> LAMPS_FIRST = Comparator
            .comparing((ActiveFaultCode c) -> c.lamps() == null)
            .thenComparing(ActiveFaultCode::source)
            .thenComparing(c -> c.code() == null ? "" : c.code());

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final PreferencesService preferences;

    TelemetryService(JdbcTemplate jdbc, CurrentUser currentUser, PreferencesService preferences) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.preferences = preferences;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ApparatusService.READERS)
    public SyncedValues syncedValues(long apparatusId) {
        long departmentId = currentUser.departmentId();
        Duration notReportingAfter = Duration.ofHours(preferences.fleetThresholds().notReportingHours());
        List<ActiveFaultCode> codes = faultCodes(apparatusId);
        List<SyncedValues> found = jdbc.query("""
                select t.odometer_meters, t.odometer_read_at, t.engine_seconds, t.engine_read_at, t.latitude,
                       t.longitude, t.address, t.location_read_at, t.fuel_percent, t.fuel_read_at, t.engine_state,
                       t.engine_state_read_at, t.fault_summary, t.warning_lamps, t.faults_read_at, t.read_at,
                       t.synced_at, t.sync_error
                from apparatus_telemetry t join apparatus a on a.id = t.apparatus_id
                where t.apparatus_id = ? and a.department_id = ?""", (rs, row) -> {
            Double latitude = rs.getObject(5, Double.class);
            Double longitude = rs.getObject(6, Double.class);
            SyncedValues.Location location = latitude == null || longitude == null ? null
                    : new SyncedValues.Location(latitude, longitude, blankToNull(rs.getString(7)),
                    MeterHistory.instant(rs, 8));
            var fuel = rs.getBigDecimal(9);
            var faultsReadAt = MeterHistory.instant(rs, 15);
            String summary = rs.getString(13);
            ActiveFaults faults = summary == null && faultsReadAt == null ? null
                    : new ActiveFaults(summary, blankToNull(rs.getString(14)), codes, faultsReadAt);
            return new SyncedValues(rs.getObject(1, Long.class), MeterHistory.instant(rs, 2),
                    rs.getObject(3, Long.class), MeterHistory.instant(rs, 4), location,
                    fuel == null ? null : fuel.doubleValue(), MeterHistory.instant(rs, 10),
                    blankToNull(rs.getString(11)), MeterHistory.instant(rs, 12), faults,
                    MeterHistory.instant(rs, 16), MeterHistory.instant(rs, 17), blankToNull(rs.getString(18)),
                    notReportingAfter);
        }, apparatusId, departmentId);
        return found.isEmpty() ? SyncedValues.none(notReportingAfter) : found.getFirst();
    }

    private List<ActiveFaultCode> faultCodes(long apparatusId) {
        List<ActiveFaultCode> codes = new ArrayList<>(jdbc.query("""
                select source, code, description, spn, fmi, code_state, lamps, occurrence_count
                from apparatus_fault_code where apparatus_id = ? order by id""", (rs, row) -> new ActiveFaultCode(
                ActiveFaultCode.Source.valueOf(rs.getString(1)), rs.getString(2), blankToNull(rs.getString(3)),
                rs.getObject(4, Long.class), rs.getObject(5, Long.class), blankToNull(rs.getString(6)),
                blankToNull(rs.getString(7)), rs.getObject(8, Long.class)), apparatusId));
        codes.sort(LAMPS_FIRST);
        return codes;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
