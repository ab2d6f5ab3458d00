package com.rigsync.apparatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rigsync.SpringAppTest;
import com.rigsync.apparatus.ActiveFaultCode.Source;
import com.rigsync.apparatus.ApparatusSyncWriter.TelemetryUpdate;
import com.rigsync.sync.SyncTestDepartment;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The Overview's figures, each against the grid filtered to the same apparatus. */
@SpringAppTest
class FleetStatusTest {

    @Autowired
    private FleetStatus fleetStatus;
    @Autowired
    private ApparatusService apparatusService;
    @Autowired
    private ApparatusSyncWriter writer;
    @Autowired
    private MeterHistory meterHistory;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Clock clock;

    private SyncTestDepartment department;

    @BeforeEach
    void setUp() {
        department = SyncTestDepartment.create(jdbc);
        Instant now = clock.instant();
        long faulty = department.apparatus(jdbc, "Engine 1", null, "1001");
        long silent = department.apparatus(jdbc, "Engine 2", null, "1002");
        long thirsty = department.apparatus(jdbc, "Tanker 1", null, "1003");
        long fine = department.apparatus(jdbc, "Ladder 1", null, "1004");
        department.apparatus(jdbc, "Brush 1", null, null);
        long neverSynced = department.apparatus(jdbc, "Medic 1", null, "1006");
        jdbc.update("update apparatus set status = 'OUT_OF_SERVICE', status_reason = 'Pump repair' where id = ?",
                silent);
        jdbc.update("update apparatus set status = 'RESERVE' where id = ?", fine);
        jdbc.update("update apparatus set link_flag = 'REVIEW_VIN_MISMATCH' where id = ?", neverSynced);
        Instant recent = now.minus(Duration.ofHours(1));
        writer.writeTelemetry(department.id(), List.of(
                new TelemetryUpdate(faulty, null, null, null, null, null, null, null, null, 60.0, recent, null,
                        null, new ActiveFaults("Warning light on. P0128", "Check engine (MIL)", List.of(
                        new ActiveFaultCode(Source.OBD_II, "P0128", null, null, null, "confirmed",
                                "Check engine (MIL)", null)), recent), recent),
                new TelemetryUpdate(silent, null, null, null, null, null, null, null, null, 70.0,
                        now.minus(Duration.ofDays(3)), null, null, null, now.minus(Duration.ofDays(3))),
                new TelemetryUpdate(thirsty, null, null, null, null, null, null, null, null, 12.5, recent, null,
                        null, new ActiveFaults("SPN 110 FMI 0", null, List.of(new ActiveFaultCode(Source.J1939,
                        "SPN 110 FMI 0", null, 110L, 0L, null, null, 1L)), recent), recent),
                new TelemetryUpdate(fine, null, null, null, null, null, null, null, null, 90.0, recent, null,
                        null, null, recent)), now);
        meterHistory.insert(department.id(), List.of(new MeterHistory.NewReading(fine, MeterKind.ODOMETER, 5,
                recent, MeterFlag.LOWER_THAN_PREVIOUS, "lower", 10L, recent.minusSeconds(60))), now);
        SignIn.as(users, department.user("MEMBER"));
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        department.delete(jdbc);
    }

    @Test
    void everyFigureCountsExactlyTheApparatusItsFilteredGridShows() {
        FleetOverview overview = fleetStatus.overview();

        assertThat(overview.apparatus()).isEqualTo(6);
        assertThat(overview.count(ApparatusStatus.IN_SERVICE)).isEqualTo(4);
        assertThat(overview.count(ApparatusStatus.OUT_OF_SERVICE)).isEqualTo(1);
        assertThat(overview.count(ApparatusStatus.RESERVE)).isEqualTo(1);
        assertThat(overview.outOfService()).extracting(FleetOverview.OutOfService::unitName,
                FleetOverview.OutOfService::reason).containsExactly(tuple("Engine 2",
                "Pump repair"));
        assertThat(overview.count(FleetCondition.ACTIVE_FAULTS)).isEqualTo(2);
        assertThat(overview.count(FleetCondition.WARNING_LAMPS)).isEqualTo(1);
        assertThat(overview.count(FleetCondition.NOT_REPORTING)).as("3 days silent, and one never synced")
                .isEqualTo(2);
        assertThat(overview.count(FleetCondition.LOW_FUEL)).isEqualTo(1);
        assertThat(overview.count(FleetCondition.NEEDS_REVIEW)).as("a flagged link and a flagged reading")
                .isEqualTo(2);
        assertThat(overview.flaggedLinks()).isEqualTo(1);
        assertThat(overview.readingsToReview()).isEqualTo(1);

        for (FleetCondition condition : FleetCondition.values()) {
            ApparatusFilter filter = ApparatusFilter.none().withCondition(condition);
            assertThat(apparatusService.count(filter)).as(condition.label()).isEqualTo(overview.count(condition));
            assertThat(apparatusService.page(filter, PageRequest.of(0, 50))).as(condition.label())
                    .hasSize(overview.count(condition));
        }
        for (ApparatusStatus status : ApparatusStatus.values()) {
            assertThat(apparatusService.count(ApparatusFilter.none().withStatus(status))).as(status.name())
                    .isEqualTo(overview.count(status));
        }
    }

    @Test
    void theDepartmentsOwnThresholdsDecideWhatCountsAsSilentOrLowOnFuel() {
        jdbc.update("update department set not_reporting_hours = 96, low_fuel_percent = 10 where id = ?",
                department.id());
        FleetOverview overview = fleetStatus.overview();

        assertThat(overview.count(FleetCondition.NOT_REPORTING)).as("only the one never synced").isEqualTo(1);
        assertThat(overview.count(FleetCondition.LOW_FUEL)).isZero();
        assertThat(overview.thresholds().notReportingHours()).isEqualTo(96);
    }
}
