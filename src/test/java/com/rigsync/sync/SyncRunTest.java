package com.rigsync.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.rigsync.SpringAppTest;
import com.rigsync.apparatus.FlaggedReading;
import com.rigsync.apparatus.FleetAlertConditions;
import com.rigsync.apparatus.MeterFlag;
import com.rigsync.apparatus.MeterReadings;
import com.rigsync.demo.simulator.SimulatedFleet;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedTag;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.integration.SamsaraOrganisationChanged;
import com.rigsync.integration.SamsaraSettingsService;
import com.rigsync.integration.SaveResult;
import com.rigsync.integration.SettingsChange;
import com.rigsync.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One department's sync run end to end against the simulated Samsara (loopback HTTP): what the first sync writes,
 * the incremental sync through the stats feed, and every failure, each keeping the last good values.
 */
@SpringAppTest
class SyncRunTest {

    @Autowired
    private SamsaraDepartmentSync sync;
    @Autowired
    private MeterReadings meterReadings;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private FleetAlertConditions alertConditions;

    private SimulatedSamsara samsara;
    private String manager;
    private long departmentId;
    private final List<SimulatedVehicle> linked = new ArrayList<>();
    private final List<Long> apparatus = new ArrayList<>();
    private final List<String> phases = new ArrayList<>();
    private final List<Integer> progress = new ArrayList<>();

    @BeforeEach
    void connectAndLinkThreeApparatus() {
        samsara = IntegrationTestAccess.simulator(context).samsara();
        samsara.resetFleet();
        manager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        departmentId = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class,
                manager);
        List<SimulatedVehicle> candidates = samsara.vehicles().stream()
                .filter(v -> v.hasGateway() && v.reportsObd() && v.hasEngine() && v.vin() != null)
                .filter(v -> v.hasTag(SimulatedFleet.STATION_1.id()))
                .limit(2).toList();
        linked.addAll(candidates);
        linked.add(samsara.vehicles().stream()
                .filter(v -> v.hasGateway() && v.reportsObd() && v.hasEngine() && v.vin() != null)
                .filter(v -> v.hasTag(SimulatedFleet.STATION_2.id())).findFirst().orElseThrow());
        for (int i = 0; i < linked.size(); i++) {
            jdbc.update("insert into apparatus (department_id, unit_name, type, status, vin, vin_normalized, "
                    + "samsara_vehicle_id) values (?, ?, 'ENGINE', 'IN_SERVICE', ?, ?, ?)", departmentId,
                    "Unit " + i, linked.get(i).vin(), linked.get(i).vin(), linked.get(i).id());
            apparatus.add(jdbc.queryForObject("select id from apparatus where department_id = ? and unit_name = ?",
                    Long.class, departmentId, "Unit " + i));
        }
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        samsara.resetFaults();
        samsara.resetFleet();
        SyncTestDepartment.delete(jdbc, departmentId);
    }

    @Test
    void theFirstSyncRefreshesTheVehicleListAndWritesTelemetryAndMeterHistoryWithTheFewestCalls() {
        SyncResult result = sync();

        assertThat(result.outcome()).as(result.error()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(result.error()).isNull();
        int vehicles = samsara.vehicles().size();
        assertThat(result.counts()).isEqualTo(new SyncCounts(vehicles, 3, 3, 0, 0));
        assertThat(result.apiCalls()).as("one list page and one stats page per group of three types").isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from samsara_vehicle where department_id = ?", Integer.class,
                departmentId)).isEqualTo(vehicles);
        for (long id : apparatus) {
            Map<String, Object> t = telemetry(id);
            assertThat(t.get("odometer_meters")).isNotNull();
            assertThat(t.get("engine_seconds")).isNotNull();
            assertThat(t.get("latitude")).isNotNull();
            assertThat((String) t.get("address")).isNotBlank();
            assertThat(t.get("fuel_percent")).isNotNull();
            assertThat(t.get("engine_state")).isNotNull();
            assertThat((String) t.get("fault_summary")).isNotBlank();
            assertThat(t.get("read_at")).isNotNull();
            assertThat(t.get("synced_at")).isNotNull();
            assertThat(jdbc.queryForList("select kind from meter_reading where apparatus_id = ? and flag = 'NONE'",
                    String.class, id)).containsExactlyInAnyOrder("ODOMETER", "ENGINE_HOURS");
        }
        assertThat(phases).contains("Listing Samsara vehicles", "Reading vehicle stats", "Saving apparatus data");
        assertThat(progress).isSorted().contains(0).hasSizeGreaterThan(4);
    }

    @Test
    void aLinkedVehicleThatNeverReportsCountsAsNotReportingOnceASyncHasLookedForIt() {
        SimulatedVehicle dark = samsara.vehicles().stream().filter(v -> !v.hasGateway()).findFirst().orElseThrow();
        jdbc.update("insert into apparatus (department_id, unit_name, type, status, samsara_vehicle_id) "
                + "values (?, 'Dark Unit', 'ENGINE', 'IN_SERVICE', ?)", departmentId, dark.id());
        long darkUnit = jdbc.queryForObject("select id from apparatus where department_id = ? and unit_name = "
                + "'Dark Unit'", Long.class, departmentId);
        assertThat(alertConditions.of(departmentId).notReporting()).as("linked a moment ago: not yet").isEmpty();

        assertThat(sync().outcome()).isEqualTo(SyncOutcome.SUCCEEDED);

        assertThat(alertConditions.of(departmentId).notReporting())
                .extracting(FleetAlertConditions.ApparatusCondition::apparatusId,
                        FleetAlertConditions.ApparatusCondition::detail)
                .as("the others' simulated readings are older than the threshold here; the dark unit never reported")
                .contains(org.assertj.core.groups.Tuple.tuple(darkUnit, "has never reported"));
        assertThat(telemetry(darkUnit).get("read_at")).isNull();
        assertThat(telemetry(darkUnit).get("synced_at")).isNotNull();
    }

    @Test
    void aDepartmentWithoutAConnectionFailsInPlainWordsWithoutCallingSamsara() {
        SyncTestDepartment unconnected = SyncTestDepartment.create(jdbc);
        try {
            SyncResult result = sync.run(unconnected.id(), (phase, done, total, soFar, apiCalls) -> { });

            assertThat(result.outcome()).isEqualTo(SyncOutcome.FAILED);
            assertThat(result.error()).startsWith("Samsara is not connected").contains("Setup > Settings");
            assertThat(result.apiCalls()).isZero();
        } finally {
            unconnected.delete(jdbc);
        }
    }

    @Test
    void laterSyncsFollowTheStatsFeedSoAnUnchangedFleetCostsAFewCallsAndOnlyNewReadingsAreAdded() {
        assertThat(sync().outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        SyncResult feedStart = sync();
        assertThat(feedStart.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(feedStart.apiCalls()).isEqualTo(4);
        int readings = meterRows();

        SyncResult unchanged = sync();
        assertThat(unchanged.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(unchanged.apiCalls()).as("one list page and one feed call per group").isEqualTo(4);
        assertThat(meterRows()).as("nothing new, nothing stored twice").isEqualTo(readings);
        assertThat(jdbc.queryForObject("select count(*) from sync_feed_cursor where department_id = ? "
                + "and feed_cursor is not null", Integer.class, departmentId)).isEqualTo(3);

        Object odometerBefore = telemetry(apparatus.getFirst()).get("odometer_meters");
        samsara.advanceClock(Duration.ofDays(1));
        SyncResult aDayLater = sync();
        assertThat(aDayLater.outcome()).as(aDayLater.error()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(aDayLater.apiCalls()).isLessThanOrEqualTo(1 + 3 * SamsaraDepartmentSync.MAX_FEED_PAGES_PER_GROUP);
        assertThat(meterRows()).as("at most one new reading per meter and apparatus")
                .isGreaterThan(readings).isLessThanOrEqualTo(readings + 6);
        assertThat((Long) telemetry(apparatus.getFirst()).get("odometer_meters"))
                .isGreaterThanOrEqualTo((Long) odometerBefore);
        assertThat(jdbc.queryForObject("select count(*) from meter_reading where department_id = ? and flag <> 'NONE'",
                Integer.class, departmentId)).isZero();
    }

    @Test
    void aRevokedTokenFailsTheRunMarksTheConnectionAndKeepsEveryValue() {
        assertThat(sync().outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        Map<String, Object> before = telemetry(apparatus.getFirst());
        try {
            samsara.revokeToken(SimulatedSamsara.GLOBAL_READ_TOKEN);
            samsara.advanceClock(Duration.ofHours(2));

            SyncResult result = sync();

            assertThat(result.outcome()).isEqualTo(SyncOutcome.FAILED);
            assertThat(result.error()).contains("rejected the access token").doesNotContain(
                    SimulatedSamsara.GLOBAL_READ_TOKEN).doesNotContain("Exception");
            assertThat(jdbc.queryForObject("select health from samsara_connection where department_id = ?",
                    String.class, departmentId)).isEqualTo("NEEDS_ATTENTION");
            assertThat(telemetry(apparatus.getFirst())).isEqualTo(before);
        } finally {
            samsara.reset();
        }
    }

    @Test
    void aTokenWithoutTheStatsScopeNamesTheMissingScopeAndKeepsTheValues() {
        assertThat(sync().outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        Map<String, Object> before = telemetry(apparatus.getFirst());
        IntegrationTestAccess.storeTokenUnchecked(context, jdbc, manager, SimulatedSamsara.NO_STATS_TOKEN);
        samsara.advanceClock(Duration.ofHours(2));

        SyncResult result = sync();

        assertThat(result.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(result.error()).contains("Read Vehicle Statistics");
        assertThat(result.counts().vehiclesListed()).isEqualTo(samsara.vehicles().size());
        assertThat(telemetry(apparatus.getFirst())).isEqualTo(before);
    }

    @Test
    void rateLimitsWithAFractionalRetryAfterAreWaitedOutAndRetried() {
        samsara.rateLimitNextRequests("/fleet/vehicles/stats", 2, "0.40235");

        SyncResult result = sync();

        assertThat(result.outcome()).as(result.error()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(result.apiCalls()).as("four calls and two retries").isEqualTo(6);
        assertThat(telemetry(apparatus.getFirst()).get("odometer_meters")).isNotNull();
    }

    @Test
    void rateLimitsThatOutlastTheRetriesEndTheRunPartlyDoneKeepingTheValues() {
        assertThat(sync().outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        Map<String, Object> before = telemetry(apparatus.getFirst());
        samsara.advanceClock(Duration.ofHours(2));
        samsara.rateLimitNextRequests("/fleet/vehicles/stats/feed", 3, "0.40235");

        SyncResult result = sync();

        assertThat(result.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(result.error()).startsWith("Reading the vehicle stats failed").contains("next sync tries again");
        assertThat(telemetry(apparatus.getFirst())).isEqualTo(before);
    }

    @Test
    void aBurstOf5xxIsRetriedAndALongerOutageEndsTheRunAsPartialOrFailed() {
        samsara.failNextRequests(2);
        SyncResult retried = sync();
        assertThat(retried.outcome()).as(retried.error()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(retried.apiCalls()).isEqualTo(6);
        Map<String, Object> before = telemetry(apparatus.getFirst());
        samsara.advanceClock(Duration.ofHours(2));

        samsara.failNextRequestsTo("/fleet/vehicles/stats/feed", 3, 503);
        SyncResult partial = sync();
        assertThat(partial.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(partial.error()).contains("Samsara").doesNotContain("Exception");
        assertThat(telemetry(apparatus.getFirst())).isEqualTo(before);

        samsara.failNextRequests(3, 502);
        SyncResult failed = sync();
        assertThat(failed.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(failed.error()).startsWith("Listing the Samsara vehicles failed").contains("Nothing was changed");
        assertThat(telemetry(apparatus.getFirst())).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from samsara_vehicle where department_id = ?", Integer.class,
                departmentId)).as("a failed list leaves the old cache").isEqualTo(samsara.vehicles().size());
    }

    @Test
    void anOutageInTheMiddleOfTheStatsKeepsWhatArrivedAndEndsPartlyDone() {
        samsara.failRequestsTo("/fleet/vehicles/stats", 1, 3, 503);

        SyncResult result = sync();

        assertThat(result.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(result.counts().apparatusUpdated()).isEqualTo(3);
        assertThat(result.error()).contains("3 apparatus were updated from what arrived");
        Map<String, Object> t = telemetry(apparatus.getFirst());
        assertThat(t.get("odometer_meters")).as("the first group of types arrived").isNotNull();
        assertThat(t.get("engine_seconds")).isNotNull();
        assertThat(t.get("latitude")).as("the second group did not").isNull();
        assertThat(t.get("fault_summary")).isNull();
    }

    @Test
    void malformedJsonFailsTheRunInPlainWordsKeepingTheValues() {
        assertThat(sync().outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        Map<String, Object> before = telemetry(apparatus.getFirst());
        samsara.advanceClock(Duration.ofHours(2));
        samsara.malformNextResponses(1);

        SyncResult result = sync();

        assertThat(result.outcome()).isEqualTo(SyncOutcome.FAILED);
        assertThat(result.error()).contains("could not read").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(telemetry(apparatus.getFirst())).isEqualTo(before);
    }

    @Test
    void aLinkedVehicleDeletedInSamsaraFlagsItsApparatusUntilItComesBack() {
        assertThat(sync().outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        Map<String, Object> before = telemetry(apparatus.getFirst());
        samsara.deleteVehicle(linked.getFirst().id());

        SyncResult result = sync();

        assertThat(result.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(result.counts().vehiclesGone()).isEqualTo(1);
        assertThat(result.counts().apparatusUpdated()).isLessThanOrEqualTo(2);
        assertThat(linkFlag(apparatus.getFirst())).isEqualTo("SAMSARA_VEHICLE_GONE");
        assertThat(linkFlag(apparatus.get(1))).isEqualTo("NONE");
        assertThat(jdbc.queryForObject("select samsara_vehicle_id from apparatus where id = ?", String.class,
                apparatus.getFirst())).as("never unlinked").isEqualTo(linked.getFirst().id());
        assertThat(telemetry(apparatus.getFirst())).isEqualTo(before);

        samsara.resetFleet();
        SyncResult back = sync();
        assertThat(back.counts().vehiclesGone()).isZero();
        assertThat(linkFlag(apparatus.getFirst())).isEqualTo("NONE");
    }

    @Test
    void withATagFilterAVehicleOutsideTheTagsIsNotGoneButADeletedOneIs() {
        replaceTags(List.of(SimulatedFleet.STATION_1.id()));
        samsara.deleteVehicle(linked.getFirst().id());

        SyncResult result = sync();

        assertThat(result.outcome()).as(result.error()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(linkFlag(apparatus.getFirst())).isEqualTo("SAMSARA_VEHICLE_GONE");
        assertThat(linkFlag(apparatus.get(2))).as("Station 2 is outside the filter, not gone").isEqualTo("NONE");
        assertThat(result.counts().vehiclesGone()).isEqualTo(1);
        assertThat(result.counts().apparatusUpdated()).isEqualTo(1);
    }

    @Test
    void aParentTagIncludesAStationAddedUnderItLaterWithoutAnyoneChangingSettings() {
        chooseWithEverythingUnder(SimulatedFleet.FIRE.id());
        SyncResult before = sync();
        assertThat(before.outcome()).as(before.error()).isEqualTo(SyncOutcome.SUCCEEDED);
        int underFire = (int) samsara.vehicles().stream().filter(v -> v.tags().stream()
                .anyMatch(t -> SimulatedFleet.FIRE.id().equals(t.parentTagId()))).count();
        assertThat(before.counts().vehiclesListed()).isEqualTo(underFire);
        assertThat(samsara.requestLog().getLast().query()).contains("parentTagIds=" + SimulatedFleet.FIRE.id());

        // the department opens Station 6 in Samsara and moves the third unit there
        SimulatedTag station6 = new SimulatedTag("4815006", "Station 6", SimulatedFleet.FIRE.id());
        samsara.moveToTag(linked.get(2).id(), station6);
        samsara.advanceClock(Duration.ofHours(1));
        SyncResult after = sync();

        assertThat(after.outcome()).as(after.error()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(after.counts().vehiclesListed()).isEqualTo(underFire);
        assertThat(after.counts().apparatusUpdated()).isEqualTo(3);
        assertThat(linkFlag(apparatus.get(2))).isEqualTo("NONE");
        assertThat(jdbc.queryForObject("select tag_ids from samsara_vehicle where department_id = ? and samsara_id = ?",
                String.class, departmentId, linked.get(2).id())).isEqualTo("4815006");
    }

    @Test
    void anOdometerThatGoesBackIsKeptFlaggedUntilAcceptedAsTheNewBaseline() {
        assertThat(sync().outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        long odometer = (Long) telemetry(apparatus.getFirst()).get("odometer_meters");
        samsara.moveOdometer(linked.getFirst().id(), -1_000_000);
        samsara.advanceClock(Duration.ofDays(1));

        SyncResult result = sync();

        assertThat(result.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(result.counts().readingsFlagged()).isEqualTo(1);
        assertThat(telemetry(apparatus.getFirst()).get("odometer_meters")).as("the last good value stays")
                .isEqualTo(odometer);
        SignIn.as(users, manager);
        FlaggedReading flagged = meterReadings.flaggedReadings().getFirst();
        assertThat(flagged.flag()).isEqualTo(MeterFlag.LOWER_THAN_PREVIOUS);
        assertThat(flagged.reason()).contains("lower than the previous reading");
        assertThat(flagged.currentValue()).isEqualTo(odometer);

        meterReadings.acceptAsBaseline(flagged.readingId());
        assertThat(telemetry(apparatus.getFirst()).get("odometer_meters")).isEqualTo(flagged.value());
        SecurityContextHolder.clearContext();

        samsara.advanceClock(Duration.ofDays(1));
        SyncResult later = sync();
        assertThat(later.counts().readingsFlagged()).as("later readings compare with the baseline").isZero();
        assertThat((Long) telemetry(apparatus.getFirst()).get("odometer_meters"))
                .isGreaterThanOrEqualTo(flagged.value()).isLessThan(odometer);
    }

    @Test
    void anImplausibleJumpIsKeptFlaggedAndNotUsed() {
        assertThat(sync().outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        long odometer = (Long) telemetry(apparatus.getFirst()).get("odometer_meters");
        samsara.moveOdometer(linked.getFirst().id(), 5_000_000);
        samsara.advanceClock(Duration.ofDays(1));

        SyncResult result = sync();

        assertThat(result.counts().readingsFlagged()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select flag_reason from meter_reading where apparatus_id = ? "
                + "and flag = 'IMPLAUSIBLE_DAILY_USE'", String.class, apparatus.getFirst()))
                .contains("more than 1,000 miles a day");
        assertThat(telemetry(apparatus.getFirst()).get("odometer_meters")).isEqualTo(odometer);
    }

    @Test
    void aVinChangedInSamsaraFlagsTheLinkForReviewWithoutUnlinking() {
        samsara.changeVin(linked.getFirst().id(), "1FVACYDT27HY99999");

        SyncResult result = sync();

        assertThat(result.outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(linkFlag(apparatus.getFirst())).isEqualTo("REVIEW_VIN_MISMATCH");
        assertThat(jdbc.queryForObject("select samsara_vehicle_id from apparatus where id = ?", String.class,
                apparatus.getFirst())).isEqualTo(linked.getFirst().id());

        samsara.resetFleet();
        sync();
        assertThat(linkFlag(apparatus.getFirst())).as("matching again clears the flag").isEqualTo("NONE");
    }

    @Test
    void aFeedCursorSamsaraRefusesFallsBackToASnapshotAndTheFeedStartsAgain() {
        sync();
        sync();
        assertThat(cursorsSet()).isEqualTo(3);
        jdbc.update("update sync_feed_cursor set feed_cursor = concat(substring_index(feed_cursor, '=', 1), "
                + "'=bm90LWEtY3Vyc29y') where department_id = ?", departmentId);
        samsara.advanceClock(Duration.ofHours(2));

        SyncResult result = sync();

        assertThat(result.outcome()).as(result.error()).isEqualTo(SyncOutcome.SUCCEEDED);
        assertThat(result.apiCalls()).as("list, then per group the refused feed call and a snapshot").isEqualTo(7);
        assertThat(cursorsSet()).isZero();
        assertThat(sync().apiCalls()).as("the feed starts again").isEqualTo(4);
        assertThat(cursorsSet()).isEqualTo(3);
    }

    @Test
    void aFeedSamsaraKeepsRefusingIsShownAsAProblemAfterOneFallbackInsteadOfHiddenEveryRun() {
        sync();
        assertThat(sync().outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        samsara.failNextRequestsTo("/fleet/vehicles/stats/feed", 100, 400);

        SyncResult fallback = sync();
        assertThat(fallback.outcome()).as("a refused cursor may have expired: one quiet fallback")
                .isEqualTo(SyncOutcome.SUCCEEDED);

        SyncResult again = sync();
        assertThat(again.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(again.error()).startsWith("Samsara refused the stats feed again")
                .contains("read every vehicle's latest stats instead", "report it to RigSync support",
                        "Samsara request id");
        assertThat(again.counts().apparatusUpdated()).as("the snapshot still brings the stats").isEqualTo(3);
        assertThat(again.apiCalls()).as("list, then per group one refused feed call and a snapshot, no more")
                .isEqualTo(7);

        samsara.resetFaults();
        assertThat(sync().outcome()).as("the feed starts again once Samsara accepts it")
                .isEqualTo(SyncOutcome.SUCCEEDED);
    }

    @Test
    void aVehicleListThatAnnouncesMoreWithoutACursorKeepsWhatArrivedFlagsNothingGoneAndSaysSo() {
        assertThat(sync().outcome()).isEqualTo(SyncOutcome.SUCCEEDED);
        List<String> ids = samsara.vehicles().stream().map(SimulatedVehicle::id).sorted().toList();
        List<String> arriving = ids.subList(0, ids.size() / 2);
        // the third apparatus is linked to the last vehicle in Samsara's order, which the half page leaves out
        jdbc.update("update apparatus set samsara_vehicle_id = ?, vin = null, vin_normalized = null where id = ?",
                ids.getLast(), apparatus.get(2));
        long linkedArriving = linked.stream().limit(2).filter(v -> arriving.contains(v.id())).count();
        assertThat(linkedArriving).isEqualTo(2);
        samsara.announceMoreWithoutCursor(1);
        samsara.advanceClock(Duration.ofHours(1));

        SyncResult result = sync();

        assertThat(result.outcome()).isEqualTo(SyncOutcome.PARTIAL);
        assertThat(result.error()).startsWith("Samsara said there were more vehicles to read but gave no way to ask "
                + "for them, so RigSync kept the " + arriving.size() + " that arrived.")
                .contains("Apparatus were updated from what arrived");
        assertThat(result.counts().vehiclesListed()).isEqualTo(arriving.size());
        assertThat(result.counts().apparatusUpdated()).isEqualTo((int) linkedArriving);
        assertThat(result.counts().vehiclesGone()).as("missing from a cut list is not gone").isZero();
        assertThat(apparatus).allSatisfy(id -> assertThat(linkFlag(id)).isEqualTo("NONE"));
        assertThat(jdbc.queryForObject("select count(*) from samsara_vehicle where department_id = ?", Integer.class,
                departmentId)).as("the cached list loses nothing").isEqualTo(ids.size());
    }

    @Test
    void anotherOrganisationClearsTheFeedCursors() {
        sync();
        sync();
        assertThat(cursorsSet()).isEqualTo(3);

        context.publishEvent(new SamsaraOrganisationChanged(departmentId, "11235813", "99999"));

        assertThat(jdbc.queryForObject("select count(*) from sync_feed_cursor where department_id = ?",
                Integer.class, departmentId)).isZero();
        SyncResult afterwards = sync();
        assertThat(afterwards.apiCalls()).as("a snapshot again").isEqualTo(4);
        assertThat(linkFlag(apparatus.getFirst())).as("the review is a person's, not a run's")
                .isEqualTo("REVIEW_ORGANISATION_CHANGED");
    }

    // ---- helpers

    private int cursorsSet() {
        return jdbc.queryForObject("select count(*) from sync_feed_cursor where department_id = ? "
                + "and feed_cursor is not null", Integer.class, departmentId);
    }

    private SyncResult sync() {
        return sync.run(departmentId, (phase, done, total, soFar, apiCalls) -> {
            assertThat(done).isLessThanOrEqualTo(total);
            assertThat(total).isPositive();
            progress.add(done);
            if (phases.isEmpty() || !phases.getLast().equals(phase)) {
                phases.add(phase);
            }
        });
    }

    private Map<String, Object> telemetry(long apparatusId) {
        return jdbc.queryForMap("select odometer_meters, engine_seconds, latitude, longitude, address, fuel_percent, "
                + "engine_state, fault_summary, read_at, synced_at from apparatus_telemetry where apparatus_id = ?",
                apparatusId);
    }

    private String linkFlag(long apparatusId) {
        return jdbc.queryForObject("select link_flag from apparatus where id = ?", String.class, apparatusId);
    }

    private int meterRows() {
        return jdbc.queryForObject("select count(*) from meter_reading where department_id = ?", Integer.class,
                departmentId);
    }

    private void replaceTags(List<String> tags) {
        save(tags, List.of(), null);
    }

    private void chooseWithEverythingUnder(String parentTag) {
        save(List.of(), List.of(parentTag), null);
    }

    private void save(List<String> tags, String token) {
        save(tags, List.of(), token);
    }

    private void save(List<String> tags, List<String> parentTags, String token) {
        SignIn.as(users, manager);
        try {
            Long version = jdbc.queryForObject("select version from samsara_connection where department_id = ?",
                    Long.class, departmentId);
            String region = jdbc.queryForObject("select region from samsara_connection where department_id = ?",
                    String.class, departmentId);
            SaveResult saved = context.getBean(SamsaraSettingsService.class).save(new SettingsChange(true, region,
                    tags, token, false, false, version, parentTags));
            assertThat(saved).isInstanceOf(SaveResult.Saved.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
