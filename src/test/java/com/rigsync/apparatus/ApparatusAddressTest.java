package com.rigsync.apparatus;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.rigsync.KaribuTest;
import com.rigsync.apparatus.ui.ApparatusView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid's filter lives in the address: the Overview's links show exactly the apparatus each figure counts, a
 * bookmarked or shared address filters the same way, and what people choose in the filter bar goes into the address.
 */
class ApparatusAddressTest extends KaribuTest {

    private static final Map<FleetCondition, List<String>> NAMED = Map.of(
            FleetCondition.ACTIVE_FAULTS, List.of("Engine 1", "Tanker 1"),
            FleetCondition.WARNING_LAMPS, List.of("Engine 1"),
            FleetCondition.NOT_REPORTING, List.of("Engine 2", "Medic 1"),
            FleetCondition.LOW_FUEL, List.of("Tanker 1"),
            FleetCondition.NEEDS_REVIEW, List.of("Ladder 1", "Medic 1"));

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ApparatusSyncWriter writer;
    @Autowired
    private MeterHistory meterHistory;
    @Autowired
    private FleetStatus fleetStatus;
    @Autowired
    private Clock clock;

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
    void eachOverviewFigureLinksToAGridOfExactlyTheApparatusItCounts() {
        signIn(fleet.user("MEMBER"));
        FleetOverview overview = fleetStatus.overview();

        for (FleetCondition condition : FleetCondition.values()) {
            assertThat(ApparatusView.filteredBy(condition).getQueryString()).isEqualTo("show=" + condition.key());
            open("apparatus?show=" + condition.key());
            assertThat(units()).as(condition.label()).containsExactlyInAnyOrderElementsOf(NAMED.get(condition))
                    .hasSize(overview.count(condition));
            assertThat(showSelect().getValue()).isEqualTo(condition);
        }
        for (ApparatusStatus status : ApparatusStatus.values()) {
            assertThat(ApparatusView.filteredBy(status).getQueryString()).isEqualTo("status=" + status.name());
            navigate("");
            UI.getCurrent().navigate(ApparatusView.class, ApparatusView.filteredBy(status));
            assertThat(units()).as(status.name()).hasSize(overview.count(status));
            assertThat(statusBox().getValue()).isEqualTo(status);
        }
        open("apparatus?status=OUT_OF_SERVICE");
        assertThat(units()).containsExactly("Engine 2");
        open("apparatus?status=RESERVE");
        assertThat(units()).containsExactly("Ladder 1");

        RouterLink link = ApparatusView.link("2 not reporting", ApparatusView.filteredBy(FleetCondition.NOT_REPORTING));
        assertThat(link.getHref()).isEqualTo("apparatus?show=not-reporting");
    }

    @Test
    void anAddressWithValuesTheGridDoesNotKnowShowsTheGridUnfiltered() {
        signIn(fleet.user("MEMBER"));
        open("apparatus?show=everything&status=BROKEN&type=SPACESHIP&station=Nowhere&not-linked=maybe&edit=x"
                + "&colour=red");
        _assertOne(ApparatusView.class);
        assertThat(units()).hasSize(6);
        assertThat(showSelect().getValue()).isNull();
        assertThat(statusBox().getValue()).isNull();
        assertThat(box("Station").getValue()).isNull();
        assertThat(box("Type").getValue()).isNull();

        open("apparatus?show=&status=");
        assertThat(units()).hasSize(6);
        open("apparatus?show=LOW-FUEL&status=out-of-service");
        assertThat(showSelect().getValue()).as("any letter case").isEqualTo(FleetCondition.LOW_FUEL);
        assertThat(statusBox().getValue()).isEqualTo(ApparatusStatus.OUT_OF_SERVICE);
        assertThat(units()).isEmpty();
        open("apparatus?show=low-fuel");
        assertThat(units()).containsExactly("Tanker 1");
    }

    @Test
    void whatIsChosenInTheFilterBarGoesIntoTheAddress() {
        signIn(fleet.user("MEMBER"));
        navigate("apparatus");

        showSelect().setValue(FleetCondition.NOT_REPORTING);
        assertThat(address()).isEqualTo("apparatus?show=not-reporting");
        assertThat(units()).containsExactlyInAnyOrder("Engine 2", "Medic 1");

        statusBox().setValue(ApparatusStatus.OUT_OF_SERVICE);
        assertThat(address()).isEqualTo("apparatus?show=not-reporting&status=OUT_OF_SERVICE");
        assertThat(units()).containsExactly("Engine 2");

        showSelect().setValue(null);
        assertThat(address()).isEqualTo("apparatus?status=OUT_OF_SERVICE");
        assertThat(units()).containsExactly("Engine 2");

        statusBox().clear();
        _get(Checkbox.class, spec -> spec.withLabel("Not linked to Samsara")).setValue(true);
        assertThat(address()).isEqualTo("apparatus?not-linked=true");
        assertThat(units()).containsExactly("Brush 1");
    }

    @Test
    void searchStationTypeAndNotLinkedReadFromTheAddressToo() {
        signIn("member");
        open("apparatus?station=station%202");
        assertThat(box("Station").getValue()).as("the department's own spelling").isEqualTo("Station 2");
        assertThat(rowsOf("station")).isNotEmpty().containsOnly("Station 2");

        open("apparatus?search=Tanker&type=TANKER&not-linked=true");
        assertThat(units()).contains("Tanker 4").allSatisfy(unit -> assertThat(unit).startsWith("Tanker"));
        assertThat(rowsOf("linkState")).containsOnly("Not linked");
        assertThat(_get(TextField.class, spec -> spec.withPlaceholder("Unit, VIN, make, plate, Samsara ID…"))
                .getValue()).isEqualTo("Tanker");
        assertThat(box("Type").getValue()).isEqualTo(ApparatusType.TANKER);
        assertThat(_get(Checkbox.class, spec -> spec.withLabel("Not linked to Samsara")).getValue()).isTrue();

        _get(TextField.class, spec -> spec.withPlaceholder("Unit, VIN, make, plate, Samsara ID…"))
                .setValue("Tanker 4");
        assertThat(address()).isEqualTo("apparatus?not-linked=true&search=Tanker%204&type=TANKER");
        assertThat(units()).containsExactly("Tanker 4");
    }

    /** Opens the address as a bookmark or a link would (UI.navigate(String) takes no query). */
    private void open(String address) {
        int query = address.indexOf('?');
        UI.getCurrent().navigate(address.substring(0, query), QueryParameters.fromString(address.substring(query + 1)));
    }

    private String address() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }

    private Grid<ApparatusRow> grid() {
        @SuppressWarnings("unchecked")
        Grid<ApparatusRow> grid = _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumnByKey("unit") != null));
        return grid;
    }

    private List<String> units() {
        Grid<ApparatusRow> grid = grid();
        return IntStream.range(0, _size(grid))
                .mapToObj(i -> com.github.mvysny.kaributesting.v10.GridKt._get(grid, i).getUnitName()).toList();
    }

    private List<String> rowsOf(String columnKey) {
        Grid<ApparatusRow> grid = grid();
        return IntStream.range(0, _size(grid)).mapToObj(i -> com.github.mvysny.kaributesting.v10.GridKt._getFormatted(
                grid, i, columnKey)).toList();
    }

    @SuppressWarnings("unchecked")
    private Select<FleetCondition> showSelect() {
        return _get(Select.class, spec -> spec.withLabel("Show"));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<ApparatusStatus> statusBox() {
        return _get(ComboBox.class, spec -> spec.withLabel("Status"));
    }

    @SuppressWarnings("unchecked")
    private <T> ComboBox<T> box(String label) {
        return _get(ComboBox.class, spec -> spec.withLabel(label));
    }
}
