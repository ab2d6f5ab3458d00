package com.rigsync.apparatus;

import java.time.Clock;
import java.util.List;

import com.rigsync.SpringAppTest;
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
    @Autowired
    private FleetAlertConditions alertConditions;

    private ConditionsFleet fleet;

    @BeforeEach
    void setUp() {
        fleet = ConditionsFleet.create(jdbc, writer, meterHistory, clock.instant());
        SignIn.as(users, fleet.user("MEMBER"));
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
        fleet.delete(jdbc);
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
        assertThat(overview.count(FleetCondition.NOT_REPORTING))
                .as("3 days silent, and one a sync found without readings")
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
    void theOverviewAndTheNotReportingAlertCountTheSameApparatus() {
        long justLinked = fleet.linkAnotherNow(jdbc);
        FleetOverview overview = fleetStatus.overview();
        List<Long> counted = apparatusService.page(ApparatusFilter.none().withCondition(FleetCondition.NOT_REPORTING),
                PageRequest.of(0, 50)).stream().map(ApparatusRow::getId).toList();

        List<Long> alerted = alertConditions.of(fleet.id()).notReporting().stream()
                .map(FleetAlertConditions.ApparatusCondition::apparatusId).toList();

        assertThat(counted).hasSize(overview.count(FleetCondition.NOT_REPORTING))
                .containsExactlyInAnyOrderElementsOf(alerted)
                .containsExactlyInAnyOrder(fleet.silent(), fleet.neverReported())
                .as("not the one linked after the last sync").doesNotContain(justLinked);
        assertThat(alertConditions.of(fleet.id()).notReporting())
                .filteredOn(c -> c.apparatusId() == fleet.neverReported())
                .extracting(FleetAlertConditions.ApparatusCondition::detail).containsExactly("has never reported");
    }

    @Test
    void theDepartmentsOwnThresholdsDecideWhatCountsAsSilentOrLowOnFuel() {
        jdbc.update("update department set not_reporting_hours = 96, low_fuel_percent = 10 where id = ?",
                fleet.id());
        FleetOverview overview = fleetStatus.overview();

        assertThat(overview.count(FleetCondition.NOT_REPORTING)).as("only the one that never reported")
                .isEqualTo(1);
        assertThat(overview.count(FleetCondition.LOW_FUEL)).isZero();
        assertThat(overview.thresholds().notReportingHours()).isEqualTo(96);
    }
}
