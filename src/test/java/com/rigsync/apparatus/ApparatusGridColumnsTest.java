package com.rigsync.apparatus;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.rigsync.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.data.provider.SortDirection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.ContextMenuKt._clickItemWithCaption;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._sortByHeader;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The grid's columns: what each role sees first, and the synced values in plain words with what needs attention. */
class ApparatusGridColumnsTest extends KaribuTest {

    private static final List<String> MEMBER_DEFAULTS = List.of("Unit", "Status", "Station", "Odometer",
            "Engine hours", "Fuel", "Faults", "Last reading", "Type", "VIN", "Make", "Model");
    private static final List<String> EDITOR_DEFAULTS = List.of("Unit", "Status", "Station", "Odometer",
            "Engine hours", "Fuel", "Faults", "Last reading", "Type", "VIN", "Make", "Model", "Year", "Plate",
            "Samsara ID", "Samsara link", "Last synced");

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ApparatusSyncWriter writer;
    @Autowired
    private MeterHistory meterHistory;
    @Autowired
    private Clock clock;
    @Autowired
    private ApplicationContext context;

    private static Routes routes;

    private ConditionsFleet fleet;

    @BeforeEach
    void createFleet() {
        fleet = ConditionsFleet.create(jdbc, writer, meterHistory, clock.instant());
    }

    @AfterEach
    void removeFleet() {
        fleet.delete(jdbc);
    }

    @Test
    void eachRoleFirstSeesWhatADepartmentChecksDailyBeforeTheVehiclesIdentity() {
        signIn(fleet.user("MEMBER"));
        navigate("apparatus");
        assertThat(visibleHeaders()).as("members: no Samsara ID or link columns").isEqualTo(MEMBER_DEFAULTS);

        signIn(fleet.user("DATA_MANAGER"));
        navigate("apparatus");
        assertThat(visibleHeaders()).isEqualTo(EDITOR_DEFAULTS);

        signIn(fleet.user("ADMINISTRATOR"));
        navigate("apparatus");
        assertThat(visibleHeaders()).isEqualTo(EDITOR_DEFAULTS);
        assertThat(grid().getColumnByKey("engineState").isVisible()).isFalse();
        assertThat(grid().getColumnByKey("location").isVisible()).isFalse();
    }

    @Test
    void syncedValuesReadPlainlyAndWhatNeedsAttentionStandsOut() {
        signIn(fleet.user("MEMBER"));
        navigate("apparatus");

        assertThat(rowOf("Engine 1")).startsWith("Engine 1, In service, , 12,345 mi, 10 h, 60 %, "
                + "1 · Check engine (MIL), ").endsWith(" · 1 hour ago, Engine, , , ");
        assertThat(rowOf("Engine 2")).startsWith("Engine 2, Out of service: Pump repair, , , , 70 %, , ")
                .contains(" · 3 days ago");
        assertThat(rowOf("Tanker 1")).startsWith("Tanker 1, In service, , , , 13 %, 1, ");
        assertThat(rowOf("Medic 1")).contains(", No reading yet, ");
        assertThat(rowOf("Brush 1")).isEqualTo("Brush 1, In service, , , , , , , Engine, , , ");

        assertThat(part("faults", "Engine 1")).isEqualTo("warning-lamp");
        assertThat(part("faults", "Tanker 1")).as("a fault code without a lamp").isNull();
        assertThat(part("fuel", "Tanker 1")).isEqualTo("low-fuel");
        assertThat(part("fuel", "Engine 1")).isNull();
        assertThat(part("readAt", "Engine 2")).as("silent for longer than the department's 24 hours")
                .isEqualTo("silent");
        assertThat(part("readAt", "Medic 1")).as("linked, never reported").isEqualTo("silent");
        assertThat(part("readAt", "Engine 1")).isNull();
        assertThat(part("readAt", "Brush 1")).as("not linked: nothing to report").isNull();

        Grid.Column<ApparatusRow> location = grid().getColumnByKey("location");
        assertThat(_getFormatted(location, row("Engine 1"))).isEqualTo(ConditionsFleet.ADDRESS);
        assertThat(_getFormatted(location, row("Tanker 1"))).isEqualTo("39.80000, -89.64000");
        assertThat(_getFormatted(location, row("Brush 1"))).isEmpty();
        assertThat(_getFormatted(grid().getColumnByKey("engineState"), row("Tanker 1"))).isEqualTo("Idle");
        assertThat(grid().getColumnByKey("faults").getTooltipGenerator().apply(row("Engine 1")))
                .isEqualTo("Warning light on. P0128");

        // what stands out is what the Overview counts, by the department's own thresholds
        jdbc.update("update department set not_reporting_hours = 96, low_fuel_percent = 10 where id = ?", fleet.id());
        navigate("");
        navigate("apparatus");
        assertThat(part("fuel", "Tanker 1")).isNull();
        assertThat(part("readAt", "Engine 2")).isNull();
        assertThat(part("readAt", "Medic 1")).isEqualTo("silent");
    }

    @Test
    void faultsSortWarningLampsFirstThenTheMostCodesAndFuelTheLowestFirst() {
        signIn(fleet.user("MEMBER"));
        navigate("apparatus");

        _sortByHeader(grid(), "Faults", SortDirection.ASCENDING);
        assertThat(units().subList(0, 2)).containsExactly("Engine 1", "Tanker 1");
        _sortByHeader(grid(), "Faults", SortDirection.DESCENDING);
        assertThat(units().subList(4, 6)).containsExactly("Tanker 1", "Engine 1");

        _sortByHeader(grid(), "Fuel", SortDirection.ASCENDING);
        assertThat(units().subList(2, 6)).containsExactly("Tanker 1", "Engine 1", "Engine 2", "Ladder 1");
        _sortByHeader(grid(), "Last reading", SortDirection.ASCENDING);
        assertThat(units().get(2)).as("after the two never read, the oldest reading").isEqualTo("Engine 2");
    }

    @Test
    void aPersonsChoiceOfColumnsIsKeptForThemAfterSigningInAgain() {
        signIn(fleet.user("MEMBER"));
        navigate("apparatus");
        _clickItemWithCaption(columnsMenu(), "VIN");
        _clickItemWithCaption(columnsMenu(), "Location");
        List<String> chosen = List.of("Unit", "Status", "Station", "Odometer", "Engine hours", "Fuel", "Faults",
                "Last reading", "Location", "Type", "Make", "Model");
        assertThat(visibleHeaders()).isEqualTo(chosen);
        assertThat(jdbc.queryForMap("select shown_columns, hidden_columns from apparatus_grid_columns c "
                + "join app_user u on u.id = c.user_id where u.username = ?", fleet.user("MEMBER")))
                .as("only what differs from the role's defaults").containsEntry("shown_columns", "location")
                .containsEntry("hidden_columns", "vin");

        signInAgain(fleet.user("MEMBER"));
        navigate("apparatus");
        assertThat(visibleHeaders()).isEqualTo(chosen);
        assertThat(checked("VIN")).isFalse();
        assertThat(checked("Location")).isTrue();

        signInAgain(fleet.user("ADMINISTRATOR"));
        navigate("apparatus");
        assertThat(visibleHeaders()).as("another person's choice is theirs alone").isEqualTo(EDITOR_DEFAULTS);
    }

    @Test
    void resetToDefaultsForgetsTheChoice() {
        signIn(fleet.user("DATA_MANAGER"));
        navigate("apparatus");
        _clickItemWithCaption(columnsMenu(), "Samsara ID");
        _clickItemWithCaption(columnsMenu(), "Engine state");
        assertThat(visibleHeaders()).doesNotContain("Samsara ID").contains("Engine state");

        _clickItemWithCaption(columnsMenu(), "Reset to defaults");
        assertThat(visibleHeaders()).isEqualTo(EDITOR_DEFAULTS);
        assertThat(checked("Samsara ID")).isTrue();
        assertThat(checked("Engine state")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from apparatus_grid_columns c join app_user u "
                + "on u.id = c.user_id where u.username = ?", Integer.class, fleet.user("DATA_MANAGER"))).isZero();

        signInAgain(fleet.user("DATA_MANAGER"));
        navigate("apparatus");
        assertThat(visibleHeaders()).isEqualTo(EDITOR_DEFAULTS);
    }

    @Test
    void columnKeysTheGridNoLongerKnowsAreIgnored() {
        jdbc.update("insert into apparatus_grid_columns (user_id, shown_columns, hidden_columns, updated_at) "
                + "select id, 'location,warpDrive,', 'vin,unit,,odometer', now() from app_user where username = ?",
                fleet.user("MEMBER"));
        signIn(fleet.user("MEMBER"));
        navigate("apparatus");
        assertThat(visibleHeaders()).as("the unit always stays").isEqualTo(List.of("Unit", "Status", "Station",
                "Engine hours", "Fuel", "Faults", "Last reading", "Location", "Type", "Make", "Model"));
    }

    /** A new browser session: the person signs in again from scratch. */
    private void signInAgain(String username) {
        MockVaadin.tearDown();
        MockVaadin.setup(UI::new, new MockSpringServlet(routes(), context, UI::new));
        signIn(username);
    }

    private static synchronized Routes routes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("com.rigsync");
        }
        return routes;
    }

    private MenuBar columnsMenu() {
        return _get(MenuBar.class, spec -> spec.withPredicate(bar -> bar.getItems().stream()
                .anyMatch(item -> "Columns".equals(item.getAriaLabel().orElse(null)))));
    }

    private boolean checked(String label) {
        return columnsMenu().getItems().getFirst().getSubMenu().getItems().stream()
                .filter(item -> label.equals(item.getText())).findFirst().orElseThrow().isChecked();
    }

    private Grid<ApparatusRow> grid() {
        @SuppressWarnings("unchecked")
        Grid<ApparatusRow> grid = _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumnByKey("unit") != null));
        return grid;
    }

    /** The headers of the columns shown, without the row's buttons (Open, or Edit and the pencil). */
    private List<String> visibleHeaders() {
        return grid().getColumns().stream().filter(Grid.Column::isVisible).filter(ApparatusGridColumnsTest::values)
                .map(c -> c.getHeaderText() == null ? "" : c.getHeaderText()).toList();
    }

    private List<String> units() {
        Grid<ApparatusRow> grid = grid();
        return IntStream.range(0, _size(grid))
                .mapToObj(i -> com.github.mvysny.kaributesting.v10.GridKt._get(grid, i).getUnitName()).toList();
    }

    private ApparatusRow row(String unit) {
        Grid<ApparatusRow> grid = grid();
        return IntStream.range(0, _size(grid)).mapToObj(i -> com.github.mvysny.kaributesting.v10.GridKt._get(grid, i))
                .filter(r -> r.getUnitName().equals(unit)).findFirst().orElseThrow();
    }

    /** The row's values as shown, without the row's buttons (Open, or Edit and the pencil). */
    private String rowOf(String unit) {
        ApparatusRow row = row(unit);
        return grid().getColumns().stream().filter(Grid.Column::isVisible)
                .filter(ApparatusGridColumnsTest::values)
                .map(c -> _getFormatted(c, row)).collect(Collectors.joining(", "));
    }

    private static boolean values(Grid.Column<ApparatusRow> column) {
        return !"open".equals(column.getKey()) && !"actions".equals(column.getKey());
    }

    private String part(String columnKey, String unit) {
        return grid().getColumnByKey(columnKey).getPartNameGenerator().apply(row(unit));
    }
}
