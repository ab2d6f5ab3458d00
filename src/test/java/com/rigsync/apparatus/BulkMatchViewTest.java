package com.rigsync.apparatus;

import java.util.List;
import java.util.stream.IntStream;

import com.rigsync.KaribuTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** The grid's "Find Samsara IDs by VIN": preview for the selection, pick a near miss, Link. */
class BulkMatchViewTest extends KaribuTest {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CachedSamsaraVehicles vehicleCache;

    private ApparatusFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ApparatusFixtures(jdbc, vehicleCache);
    }

    @Test
    void aDataManagerPreviewsTheSelectionPicksANearMissAndLinksOnlyWhatWasAccepted() {
        long springfield = fixtures.springfield();
        String prefix = ApparatusFixtures.uniqueUnit("Bulk");
        String exactVin = ApparatusFixtures.uniqueVin();
        String nearVin = ApparatusFixtures.uniqueVin();
        String exactId = ApparatusFixtures.uniqueSamsaraId();
        String nearId = ApparatusFixtures.uniqueSamsaraId();
        fixtures.cacheVehicle(springfield, exactId, prefix + " Exact vehicle", exactVin);
        // the apparatus' VIN has an O where Samsara has a 0
        fixtures.cacheVehicle(springfield, nearId, prefix + " Near vehicle", nearVin);
        long exact = fixtures.insert(springfield, prefix + " A", exactVin, null);
        long near = fixtures.insert(springfield, prefix + " B", nearVin.replaceFirst("0", "O"), null);
        long none = fixtures.insert(springfield, prefix + " C", ApparatusFixtures.uniqueVin(), null);
        signIn("manager");
        navigate("apparatus");
        _get(TextField.class, spec -> spec.withPlaceholder("Unit, VIN, make, plate, Samsara ID…")).setValue(prefix);
        Grid<ApparatusRow> grid = apparatusGrid();
        assertThat(_size(grid)).isEqualTo(3);
        grid.asMultiSelect().select(List.of(_get(grid, 0), _get(grid, 1), _get(grid, 2)));

        _click(_get(Button.class, spec -> spec.withText("Find Samsara IDs by VIN")));
        BackgroundWork.settle(context);

        assertThat(message()).startsWith("3 apparatus: 1 exact match, 1 near miss, 1 no match.");
        Grid<?> preview = preview();
        assertThat(rows(preview)).containsExactly(
                prefix + " A, " + exactVin + ", Exact match",
                prefix + " B, " + nearVin.replaceFirst("0", "O") + ", Near miss",
                prefix + " C, " + fixtures.column(none, "vin") + ", No match");
        assertThat(choice(preview, 0).getValue().vehicle().samsaraId()).as("exact matches come ticked")
                .isEqualTo(exactId);
        assertThat(choice(preview, 1).getValue()).as("near misses are never ticked by themselves").isNull();
        assertThat(choice(preview, 2).isEnabled()).isFalse();
        _assertNone(Button.class, spec -> spec.withText("Link 2 apparatus"));

        ComboBox<BulkMatchPreview.Candidate> pick = choice(preview, 1);
        pick.setValue(pick.getListDataView().getItems().filter(c -> c.vehicle().samsaraId().equals(nearId))
                .findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Link 2 apparatus")));

        expectNotifications("2 apparatus linked to Samsara.");
        assertThat(fixtures.column(exact, "samsara_vehicle_id")).isEqualTo(exactId);
        assertThat(fixtures.column(near, "samsara_vehicle_id")).isEqualTo(nearId);
        assertThat(fixtures.column(none, "samsara_vehicle_id")).isNull();
        assertThat(fixtures.auditActions("2 apparatus")).contains("SAMSARA_BULK_LINKED");
    }

    @SuppressWarnings("unchecked")
    private Grid<ApparatusRow> apparatusGrid() {
        return _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumnByKey("unit") != null));
    }

    private Grid<?> preview() {
        return _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumnByKey("result") != null));
    }

    private static List<String> rows(Grid<?> grid) {
        return IntStream.range(0, _size(grid))
                .mapToObj(i -> String.join(", ", _getFormattedRow(grid, i).subList(0, 3))).toList();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<BulkMatchPreview.Candidate> choice(Grid<?> grid, int row) {
        Component cell = _getCellComponent(grid, row, "link");
        return (ComboBox<BulkMatchPreview.Candidate>) cell;
    }

    private String message() {
        return _get(Div.class, spec -> spec.withClasses("bulk-match-message")).getText();
    }
}
