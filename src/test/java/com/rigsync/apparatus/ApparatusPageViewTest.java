package com.rigsync.apparatus;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.rigsync.KaribuTest;
import com.rigsync.apparatus.ui.ApparatusPageView;
import com.rigsync.apparatus.ui.ApparatusView;
import com.rigsync.sync.SyncTestDepartment;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The apparatus page, /apparatus/{id}, as each role sees it, in a department of its own. */
class ApparatusPageViewTest extends KaribuTest {

    @Autowired
    private ApplicationContext context;

    private static final String FLAGGED_COLOUR = "rgb(179,38,30)";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeterReadings meterReadings;
    @Autowired
    private TelemetryService telemetry;

    private SyncTestDepartment department;
    private SyncTestDepartment other;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void departments() {
        department = SyncTestDepartment.create(jdbc);
        other = SyncTestDepartment.create(jdbc);
    }

    @AfterEach
    void removeDepartments() {
        department.delete(jdbc);
        other.delete(jdbc);
    }

    @Test
    void aLinkedSyncedApparatusShowsEveryValueWithItsTimeAgeMapAndFaultCodesLampsFirst() {
        long id = department.apparatus(jdbc, "Engine 5", "1FVACYDT27HY12345", "494123");
        jdbc.update("update apparatus set station = 'Station 5', make = 'Pierce', model = 'Enforcer', "
                + "model_year = 2019, plate = 'FD 5' where id = ?", id);
        telemetry(id, 19_867_545L, at(3, 2), 3_600_000L, at(0, 1), 41.8781, -87.6298, "100 Main St, Springfield",
                at(0, 1), 62.5, at(0, 1), "On");
        jdbc.update("update apparatus_telemetry set fault_summary = 'Warning light on. P0128', active_fault_count = 2, "
                + "warning_lamps = 'Red stop', faults_read_at = ? where apparatus_id = ?", at(0, 1), id);
        fault(id, "OBD_II", "P0128", "Coolant temperature below thermostat", null, "confirmed", null, null);
        fault(id, "J1939", "SPN 110 FMI 0", "Engine coolant temperature, above normal", 110L, null, "Red stop", 3L);

        signIn(department.user("MEMBER"));
        navigate("apparatus/" + id);

        _assertOne(ApparatusPageView.class);
        assertThat(text("apparatus-unit")).isEqualTo("Engine 5");
        assertThat(text("apparatus-status")).isEqualTo("In service");
        assertThat(text("apparatus-fact-station")).isEqualTo("Station 5");
        assertThat(text("apparatus-fact-vin")).isEqualTo("1FVACYDT27HY12345");
        assertThat(text("apparatus-fact-year")).isEqualTo("2019");
        assertThat(text("apparatus-fact-plate")).isEqualTo("FD 5");
        assertThat(text("apparatus-fact-samsara-id")).isEqualTo("494123");
        assertThat(text("apparatus-fact-link")).startsWith("Linked");

        assertThat(text("apparatus-odometer")).contains("12,345 mi").contains("3 days ago");
        assertThat(age("apparatus-odometer").getClassNames()).as("3 days ago stands out").contains("stale");
        assertThat(text("apparatus-engine-hours")).contains("1,000.0 h").contains("1 hour ago");
        assertThat(age("apparatus-engine-hours").getClassNames()).doesNotContain("stale");
        assertThat(text("apparatus-location")).contains("100 Main St, Springfield").contains("41.87810, -87.62980");
        Anchor map = _get(Anchor.class, spec -> spec.withId("apparatus-map-link"));
        assertThat(map.getText()).isEqualTo("Open in map");
        assertThat(map.getHref()).isEqualTo("https://www.openstreetmap.org/?mlat=41.878100&mlon=-87.629800"
                + "#map=16/41.878100/-87.629800");
        assertThat(map.getTarget()).contains("_blank");
        assertThat(text("apparatus-fuel")).contains("63 %");
        assertThat(text("apparatus-engine-state")).contains("On");

        assertThat(text("apparatus-warning-lamps")).isEqualTo("Warning lamps on: Red stop");
        Grid<?> codes = _get(Grid.class, spec -> spec.withId("apparatus-fault-codes"));
        assertThat(_getFormattedRow(codes, 0)).as("the code lighting a lamp comes first")
                .containsExactly("Red stop", "J1939", "SPN 110 FMI 0", "Engine coolant temperature, above normal", "",
                        "3");
        assertThat(_getFormattedRow(codes, 1)).containsExactly("", "OBD-II", "P0128",
                "Coolant temperature below thermostat", "confirmed", "");
        _assertNone(Button.class, spec -> spec.withText("Edit"));
        assertThat(pageText()).doesNotContain("null");
    }

    @Test
    void anUnlinkedNeverSyncedApparatusSaysSoInPlainSentences() {
        long id = department.apparatus(jdbc, "Reserve 9", null, null);
        signIn(department.user("ADMINISTRATOR"));
        navigate("apparatus/" + id);

        assertThat(text("apparatus-fact-samsara-id")).isEqualTo("None");
        assertThat(text("apparatus-fact-link")).isEqualTo("Not linked to Samsara: nothing syncs for it yet.");
        assertThat(text("apparatus-fact-last-synced")).isEqualTo("Never");
        assertThat(text("apparatus-fact-plate")).isEqualTo("Not recorded");
        assertThat(text("apparatus-not-synced")).isEqualTo("Not linked to Samsara: nothing syncs for it yet.");
        assertThat(text("apparatus-faults-none")).startsWith("Not linked to Samsara");
        assertThat(text("apparatus-used")).contains("distance: not enough readings")
                .contains("engine hours: not enough readings");
        assertThat(text("meter-chart")).isEqualTo("No odometer or engine-hour readings in this range.");
        _assertNone(Svg.class);
        assertThat(pageText()).doesNotContain("null");
    }

    @Test
    void anotherDepartmentsApparatusReadsExactlyLikeAMissingOne() {
        long theirs = other.apparatus(jdbc, "Engine 1", "1FVACYDT27HY99999", "777");
        telemetry(theirs, 1_000_000L, at(0, 1), 36_000L, at(0, 1), 1.0, 2.0, "Secret St", at(0, 1), 50.0,
                at(0, 1), "Off");
        reading(theirs, "ODOMETER", 1_000_000L, at(0, 1), "NONE");
        signIn(department.user("ADMINISTRATOR"));

        for (String address : List.of("apparatus/" + theirs, "apparatus/999999999999", "apparatus/engine-1")) {
            navigate(address);
            assertThat(text("apparatus-missing")).as(address)
                    .isEqualTo("No apparatus with this number in your department.");
            assertThat(_get(com.vaadin.flow.router.RouterLink.class, spec -> spec.withText("Back to Apparatus"))
                    .getHref()).isEqualTo("apparatus");
            assertThat(pageText()).doesNotContain("Secret St").doesNotContain("Engine 1");
        }
        assertThat(telemetry.syncedValues(theirs).everSynced()).isFalse();
        assertThat(meterReadings.chart(theirs, MeterRange.ALL).isEmpty()).isTrue();
        assertThat(meterReadings.readings(theirs, MeterKind.ODOMETER, false, 0, 50)).isEmpty();
        assertThat(meterReadings.usedInLast30Days(theirs)).isEmpty();
    }

    @Test
    void membersSeeNoEditControlsAndTheServerRefusesThemAnyway() {
        long id = department.apparatus(jdbc, "Engine 6", "1FVACYDT27HY12346", "494124");
        long flagged = flaggedHistory(id);
        signIn(department.user("MEMBER"));
        navigate("apparatus/" + id, "edit=true");

        _assertNone(Dialog.class);
        _assertNone(Button.class, spec -> spec.withText("Edit"));
        _assertNone(Button.class, spec -> spec.withText("Accept as baseline"));
        _get(Checkbox.class, spec -> spec.withLabel("Flagged only")).setValue(true);
        assertThat(_size(readingsGrid())).isEqualTo(1);
        assertThat(readingsGrid().getColumnByKey("accept")).isNull();
        assertThatThrownBy(() -> meterReadings.acceptAsBaseline(flagged)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aDepartmentInKilometresInAnotherTimeZoneSeesKilometresAndLocalTimes() {
        jdbc.update("update department set distance_unit = 'KILOMETRES', time_zone = 'America/Chicago' where id = ?",
                department.id());
        long id = department.apparatus(jdbc, "Engine 7", "1FVACYDT27HY12347", "494125");
        Instant readAt = Instant.parse("2026-03-02T20:00:00Z");
        telemetry(id, 19_867_545L, readAt, null, null, null, null, null, null, null, null, null);
        reading(id, "ODOMETER", 19_867_545L, readAt, "NONE");
        signIn(department.user("MEMBER"));
        navigate("apparatus/" + id);

        assertThat(text("apparatus-odometer")).contains("19,868 km").contains("Mar 2, 2026, 2:00")
                .doesNotContain(" mi");
        assertThat(text("apparatus-engine-hours")).isEqualTo("Engine hoursSamsara has sent no engine hours for it.");
        assertThat(_getFormattedRow(readingsGrid(), 0)).startsWith("Mar 2, 2026, 2:00\u202fPM", "19,868 km");
        assertThat(svg(MeterRange.ALL)).contains("Odometer (km)");
    }

    @Test
    void theChartOfEachRangeIsABoundedSvgWithTheFlaggedReadingsMarked() {
        long id = department.apparatus(jdbc, "Engine 8", "1FVACYDT27HY12348", "494126");
        // 400 days of hourly readings of both meters, and two flagged odometer readings last week
        List<Object[]> rows = new ArrayList<>();
        // half an hour off the hour, so the reading 30 days ago is inside the window however long the test takes
        Instant start = now.minus(Duration.ofDays(400)).plus(Duration.ofMinutes(30));
        for (int hour = 0; hour < 400 * 24; hour++) {
            Instant at = start.plus(Duration.ofHours(hour));
            rows.add(new Object[] {department.id(), id, "ODOMETER", 10_000_000L + hour * 1_000L, utc(at)});
            rows.add(new Object[] {department.id(), id, "ENGINE_HOURS", 3_600_000L + hour * 600L, utc(at)});
        }
        jdbc.batchUpdate("insert into meter_reading (department_id, apparatus_id, kind, meter_value, read_at, "
                + "synced_at, flag) values (?, ?, ?, ?, ?, now(), 'NONE')", rows);
        jdbc.update("update meter_reading set flag = 'LOWER_THAN_PREVIOUS', meter_value = 5000 where apparatus_id = ? "
                + "and kind = 'ODOMETER' and read_at in (?, ?)", id, utc(start.plus(Duration.ofHours(9_500))),
                utc(start.plus(Duration.ofHours(9_510))));
        signIn(department.user("MEMBER"));
        navigate("apparatus/" + id);

        for (MeterRange range : MeterRange.values()) {
            String svg = svg(range);
            assertThat(svg).as(range.label()).startsWith("<svg").hasSizeLessThan(200_000)
                    .contains("Odometer (mi)").contains("Engine hours")
                    .contains("Odometer: flagged, not used").contains(FLAGGED_COLOUR);
            assertThat(text("meter-chart")).as(range.label()).contains("flagged readings (kept but not used) are "
                    + "red dots");
        }
        assertThat(text("meter-chart")).contains("Drawn from 9,600 odometer readings and 9,600 engine-hour readings");
        assertThat(text("apparatus-used")).contains("447 mi").contains("119.8 engine hours");
    }

    @Test
    void anEditorAcceptsAFlaggedReadingAsTheBaselineFromThePage() {
        long id = department.apparatus(jdbc, "Engine 9", "1FVACYDT27HY12349", "494127");
        long flagged = flaggedHistory(id);
        signIn(department.user("DATA_MANAGER"));
        navigate("apparatus/" + id);

        _get(Checkbox.class, spec -> spec.withLabel("Flagged only")).setValue(true);
        Grid<?> grid = readingsGrid();
        assertThat(_getFormattedRow(grid, 0).get(3)).startsWith("Lower than the previous reading: lower");
        _click(_get(_getCellComponent(grid, 0, "accept"), Button.class));
        _click(_get(_get(Dialog.class), Button.class, spec -> spec.withText("Accept as baseline")));

        expectNotifications("The odometer reading of 7 mi is the new baseline.");
        assertThat(jdbc.queryForObject("select flag from meter_reading where id = ?", String.class, flagged))
                .isEqualTo("ACCEPTED_AS_BASELINE");
        assertThat(jdbc.queryForObject("select odometer_meters from apparatus_telemetry where apparatus_id = ?",
                Long.class, id)).isEqualTo(12_000L);
        assertThat(text("apparatus-odometer")).as("the page shows the new current value").contains("7 mi");
        assertThat(_getFormattedRow(readingsGrid(), 0).get(3)).startsWith("Accepted as new baseline by");
        _assertNone(Button.class, spec -> spec.withText("Accept as baseline"));
    }

    @Test
    void theGridsEditAndOpenAndOldEditBookmarksLeadToThePage() {
        long id = department.apparatus(jdbc, "Engine 10", "1FVACYDT27HY12350", null);
        signIn(department.user("ADMINISTRATOR"));
        navigate("apparatus");
        _click(_get(_getCellComponent(apparatusGrid(), 0, "actions"), Button.class, spec -> spec.withText("Edit")));
        _assertOne(ApparatusPageView.class);
        assertThat(text("apparatus-unit")).isEqualTo("Engine 10");
        assertThat(_get(Dialog.class).getHeaderTitle()).as("Edit opens the form over the page")
                .isEqualTo("Edit Engine 10");
        _get(_get(Dialog.class), com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withLabel("Plate"))
                .setValue("FD 10");
        _click(_get(_get(Dialog.class), Button.class, spec -> spec.withText("Save")));
        BackgroundWork.settle(context);
        expectNotifications("Engine 10 saved.");
        assertThat(text("apparatus-fact-plate")).as("the page shows the saved record").isEqualTo("FD 10");

        navigate("apparatus", "edit=" + id);
        _assertOne(ApparatusPageView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("apparatus/" + id);
        assertThat(_get(Dialog.class).getHeaderTitle()).as("an old bookmark of the form still opens it")
                .isEqualTo("Edit Engine 10");
        _click(_get(_get(Dialog.class), Button.class, spec -> spec.withText("Cancel")));

        signIn(department.user("MEMBER"));
        navigate("apparatus");
        _click(_get(_getCellComponent(apparatusGrid(), 0, "open"), Button.class, spec -> spec.withText("Open")));
        _assertOne(ApparatusPageView.class);
        _assertNone(Dialog.class);
        assertThat(text("apparatus-unit")).isEqualTo("Engine 10");
    }

    @Test
    void anEditorDeletingFromThePageReturnsToTheGrid() {
        long id = department.apparatus(jdbc, "Engine 11", "1FVACYDT27HY12351", null);
        signIn(department.user("ADMINISTRATOR"));
        navigate("apparatus/" + id);
        _click(_get(Button.class, spec -> spec.withText("Edit")));
        _click(_get(_get(Dialog.class), Button.class, spec -> spec.withText("Delete")));
        _click(_get(Button.class, spec -> spec.withText("Delete Engine 11")));

        expectNotifications("Engine 11 deleted.");
        _assertOne(ApparatusView.class);
    }

    /** An apparatus with two good odometer readings and a newer lower one waiting; returns the flagged one's id. */
    private long flaggedHistory(long id) {
        telemetry(id, 100_000_000L, at(2, 0), null, null, null, null, null, null, null, null, null);
        reading(id, "ODOMETER", 99_000_000L, at(3, 0), "NONE");
        reading(id, "ODOMETER", 100_000_000L, at(2, 0), "NONE");
        reading(id, "ODOMETER", 12_000L, at(1, 0), "LOWER_THAN_PREVIOUS");
        return jdbc.queryForObject("select id from meter_reading where apparatus_id = ? and flag <> 'NONE'",
                Long.class, id);
    }

    private void telemetry(long id, Long odometer, Instant odometerAt, Long engineSeconds, Instant engineAt,
                           Double latitude, Double longitude, String address, Instant locationAt, Double fuel,
                           Instant fuelAt, String engineState) {
        jdbc.update("""
                insert into apparatus_telemetry (apparatus_id, odometer_meters, odometer_read_at, engine_seconds,
                    engine_read_at, latitude, longitude, address, location_read_at, fuel_percent, fuel_read_at,
                    engine_state, engine_state_read_at, read_at, synced_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, odometer, utc(odometerAt), engineSeconds,
                utc(engineAt), latitude, longitude, address, utc(locationAt), fuel, utc(fuelAt), engineState,
                utc(fuelAt), utc(odometerAt), utc(now));
    }

    private void fault(long id, String source, String code, String description, Long spn, String state, String lamps,
                       Long occurrences) {
        jdbc.update("insert into apparatus_fault_code (apparatus_id, source, code, description, spn, code_state, "
                + "lamps, occurrence_count, read_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, source, code,
                description, spn, state, lamps, occurrences, utc(at(0, 1)));
    }

    private void reading(long id, String kind, long value, Instant readAt, String flag) {
        jdbc.update("insert into meter_reading (department_id, apparatus_id, kind, meter_value, read_at, synced_at, "
                + "flag, flag_reason) values ((select department_id from apparatus where id = ?), ?, ?, ?, ?, ?, ?, ?)",
                id, id, kind, value, utc(readAt), utc(now), flag, "NONE".equals(flag) ? null : "lower");
    }

    /** Days and hours before now. */
    private Instant at(int days, int hours) {
        return now.minus(Duration.ofDays(days)).minus(Duration.ofHours(hours));
    }

    private static java.time.LocalDateTime utc(Instant at) {
        return at == null ? null : java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
    }

    private static void navigate(String path, String query) {
        UI.getCurrent().navigate(path, com.vaadin.flow.router.QueryParameters.fromString(query));
    }

    private String svg(MeterRange range) {
        @SuppressWarnings("unchecked")
        RadioButtonGroup<MeterRange> ranges = _get(RadioButtonGroup.class, spec -> spec.withLabel("Range"));
        ranges.setValue(range);
        return _get(Svg.class).getElement().getProperty("innerHTML");
    }

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    private static Span age(String readingId) {
        return _get(_get(Component.class, spec -> spec.withId(readingId)), Span.class,
                spec -> spec.withClasses("reading-age"));
    }

    private static String pageText() {
        return _get(ApparatusPageView.class).getElement().getTextRecursively();
    }

    private static Grid<?> readingsGrid() {
        return _get(Grid.class, spec -> spec.withId("meter-readings"));
    }

    private static Grid<?> apparatusGrid() {
        return _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumnByKey("unit") != null));
    }
}
