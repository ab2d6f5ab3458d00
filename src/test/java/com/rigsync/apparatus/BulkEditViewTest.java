package com.rigsync.apparatus;

import java.util.List;
import java.util.stream.IntStream;

import com.rigsync.KaribuTest;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.integration.IntegrationTestAccess.TestDepartment;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** "Edit selected" on the apparatus grid as a data manager uses it: choose, preview, apply, undo. */
class BulkEditViewTest extends KaribuTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CachedSamsaraVehicles vehicleCache;

    private ApparatusFixtures fixtures;
    private TestDepartment department;

    @BeforeEach
    void department() {
        fixtures = new ApparatusFixtures(jdbc, vehicleCache);
        department = IntegrationTestAccess.unconnectedDepartment(jdbc, false);
    }

    @AfterEach
    void removeDepartment() {
        IntegrationTestAccess.removeDepartment(jdbc, department);
    }

    @Test
    void aDataManagerMovesTheSelectedRowsToAStationSeesThePreviewAndUndoesIt() {
        long one = fixtures.insert(department.id(), "Engine 61", null, null);
        long two = fixtures.insert(department.id(), "Engine 62", null, null);
        long other = fixtures.insert(department.id(), "Engine 63", null, null);
        signIn(department.manager());
        navigate("apparatus");
        Grid<ApparatusRow> grid = apparatusGrid();
        grid.asMultiSelect().select(List.of(_get(grid, 0), _get(grid, 1)));

        _click(_get(Button.class, spec -> spec.withText("Edit selected")));
        assertThat(scope().getValue()).isEqualTo("selected");
        _assertNone(Button.class, spec -> spec.withText("Apply to 2 apparatus"));
        _get(Checkbox.class, spec -> spec.withLabel("Set station")).setValue(true);
        _get(dialog(), ComboBox.class, spec -> spec.withLabel("New station")).setValue("Station 5");
        _click(_get(dialog(), Button.class, spec -> spec.withText("Preview")));

        assertThat(message()).isEqualTo("2 apparatus will change. Nothing changes until you press Apply.");
        assertThat(previewRows()).containsExactly("Engine 61, Changes, Station: Station 9 → Station 5",
                "Engine 62, Changes, Station: Station 9 → Station 5");
        _click(_get(Button.class, spec -> spec.withText("Apply to 2 apparatus")));

        expectNotifications("2 apparatus changed. \"Undo bulk change\" puts them back while nobody has changed them "
                + "since.");
        assertThat(fixtures.column(one, "station")).isEqualTo("Station 5");
        assertThat(fixtures.column(two, "station")).isEqualTo("Station 5");
        assertThat(fixtures.column(other, "station")).isEqualTo("Station 9");

        _click(_get(Button.class, spec -> spec.withText("Undo bulk change")));
        _click(_get(Button.class, spec -> spec.withText("Undo for 2 apparatus")));
        expectNotifications("2 apparatus put back as they were.");
        assertThat(fixtures.column(one, "station")).isEqualTo("Station 9");
        _assertNone(Button.class, spec -> spec.withText("Undo bulk change"));
    }

    @Test
    void allThatMatchTheFilterShowsRefusalsAndAppliesOnlyOnceThePersonAgreesToLeaveThem() {
        for (int n = 1; n <= 60; n++) {
            fixtures.insert(department.id(), "Ladder " + n, null, null);
        }
        long alreadyOut = fixtures.insert(department.id(), "Ladder 61", null, null);
        jdbc.update("update apparatus set status = 'OUT_OF_SERVICE', status_reason = 'aerial test' where id = ?",
                alreadyOut);
        fixtures.insert(department.id(), "Rescue 1", null, null);
        signIn(department.manager());
        UI.getCurrent().navigate("apparatus", QueryParameters.of("search", "Ladder"));

        _click(_get(Button.class, spec -> spec.withText("Edit selected")));
        assertThat(scope().getValue()).as("with nothing selected, the filter is what changes").isEqualTo("matching");
        assertThat(scope().getItemLabelGenerator().apply("matching")).isEqualTo("All 61 that match the filter");
        _get(Checkbox.class, spec -> spec.withLabel("Set status")).setValue(true);
        @SuppressWarnings("unchecked")
        Select<ApparatusStatus> status = _get(dialog(), Select.class, spec -> spec.withLabel("New status"));
        status.setValue(ApparatusStatus.OUT_OF_SERVICE);
        _click(_get(dialog(), Button.class, spec -> spec.withText("Preview")));

        assertThat(message()).isEqualTo("0 apparatus will change, 1 already have these values, 60 are refused (see "
                + "why below). Nothing changes until you press Apply.");
        assertThat(previewRows().getFirst()).isEqualTo("Ladder 1, Refused, out of service needs a reason, and it "
                + "has none yet: give a reason in the change");

        _get(dialog(), TextField.class, spec -> spec.withLabel("Reason out of service")).setValue("recall 24-117");
        assertThat(message()).isEqualTo("You changed the edit: preview again to see what it does.");
        _click(_get(dialog(), Button.class, spec -> spec.withText("Preview")));
        assertThat(message()).startsWith("61 apparatus will change.");
        _click(_get(Button.class, spec -> spec.withText("Apply to 61 apparatus")));

        assertThat(jdbc.queryForObject("select count(*) from apparatus where department_id = ? and status_reason = "
                + "'recall 24-117'", Integer.class, department.id())).isEqualTo(61);
        assertThat(jdbc.queryForObject("select status from apparatus where department_id = ? and unit_name = "
                + "'Rescue 1'", String.class, department.id())).isEqualTo("IN_SERVICE");
    }

    @Test
    void membersAreNotOfferedEditSelected() {
        signIn("member");
        navigate("apparatus");
        _assertNone(Button.class, spec -> spec.withText("Edit selected"));
    }

    @SuppressWarnings("unchecked")
    private Grid<ApparatusRow> apparatusGrid() {
        return _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumnByKey("unit") != null));
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<String> scope() {
        return _get(RadioButtonGroup.class, spec -> spec.withLabel("Change"));
    }

    private static Dialog dialog() {
        return _get(Dialog.class, spec -> spec.withClasses("bulk-edit"));
    }

    private static String message() {
        return _get(Div.class, spec -> spec.withClasses("bulk-edit-message")).getText();
    }

    private static List<String> previewRows() {
        Grid<?> grid = _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumnByKey("outcome") != null));
        return IntStream.range(0, _size(grid)).mapToObj(i -> String.join(", ", _getFormattedRow(grid, i))).toList();
    }
}
