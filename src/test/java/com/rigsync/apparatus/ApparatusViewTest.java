package com.rigsync.apparatus;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.rigsync.KaribuTest;
import com.rigsync.apparatus.ui.ApparatusView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.CellFocusEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApparatusViewTest extends KaribuTest {

    @Autowired
    private ApplicationContext context;

    private static final String SEARCH = "Unit, VIN, make, plate, Samsara ID…";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CachedSamsaraVehicles vehicleCache;
    @Autowired
    private ApparatusService service;
    @Autowired
    private ApparatusCsvService csvFiles;

    private ApparatusFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ApparatusFixtures(jdbc, vehicleCache);
    }

    @Test
    void membersSeeTheDepartmentsApparatusButCannotChangeThem() {
        long id = fixtures.insert(fixtures.springfield(), ApparatusFixtures.uniqueUnit("Member Engine"),
                ApparatusFixtures.uniqueVin(), null);
        signIn("member");
        navigate("apparatus");
        _assertOne(ApparatusView.class);

        Integer springfieldCount = jdbc.queryForObject("select count(*) from apparatus where department_id = ?",
                Integer.class, fixtures.springfield());
        assertThat(_size(grid())).isEqualTo(springfieldCount);
        assertThat(rowOf("Engine 1")).startsWith("Engine 1, In service, Station 1, ")
                .contains(", Engine, 4P18T5UW1K1165940, ");
        _assertNone(Button.class, spec -> spec.withText("Add apparatus"));
        _assertNone(Button.class, spec -> spec.withText("Edit"));
        _assertNone(Button.class, spec -> spec.withText("Import CSV"));
        _assertNone(Button.class, spec -> spec.withText("Unlink from Samsara"));
        assertThat(grid().getColumnByKey("actions")).isNull();
        assertThat(grid().getSelectionModel()).isInstanceOf(
                com.vaadin.flow.component.grid.GridNoneSelectionModel.class);

        // and the server refuses whatever a forged request would try
        ApparatusDetails details = service.details(id);
        details.setPlate("HACKED");
        assertThatThrownBy(() -> service.save(details)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.delete(id, 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.unlink(List.of(id))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> csvFiles.exportCsv(ApparatusFilter.none(), org.springframework.data.domain.Sort.unsorted()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.column(id, "plate")).isNull();
    }

    @Test
    void theGridFiltersByTextStationTypeStatusAndLink() {
        signIn("member");
        navigate("apparatus");
        _get(ComboBox.class, spec -> spec.withLabel("Station")).setValue("Station 2");
        assertThat(rows()).isNotEmpty().allSatisfy(row -> assertThat(row).contains(", Station 2,"));
        _get(ComboBox.class, spec -> spec.withLabel("Station")).clear();

        _get(ComboBox.class, spec -> spec.withLabel("Type")).setValue(ApparatusType.TANKER);
        assertThat(units()).contains("Tanker 2", "Tanker 4");
        assertThat(rows()).allSatisfy(row -> assertThat(row).contains(", Tanker / tender,"));
        _get(ComboBox.class, spec -> spec.withLabel("Type")).clear();

        _get(ComboBox.class, spec -> spec.withLabel("Status")).setValue(ApparatusStatus.OUT_OF_SERVICE);
        assertThat(rows()).contains(rowOf("Engine 2"));
        assertThat(rowOf("Engine 2")).contains("Out of service: Coolant leak, at the shop");
        _get(ComboBox.class, spec -> spec.withLabel("Status")).clear();

        _get(Checkbox.class, spec -> spec.withLabel("Not linked to Samsara")).setValue(true);
        assertThat(units()).contains("Tanker 4").doesNotContain("Engine 1", "Ladder 1", "Medic 1");
        _get(Checkbox.class, spec -> spec.withLabel("Not linked to Samsara")).setValue(false);

        search("4P18T5UW-1K1165940");
        assertThat(units()).containsExactly("Engine 1");
        assertThat(rowOf("Engine 1")).contains(" mi", " h")
                .as("members see no Samsara ID or link columns until they choose them")
                .doesNotContain("281474977104729", "Linked");
    }

    @Test
    void administratorAddsAnApparatusThroughTheForm() {
        String unit = ApparatusFixtures.uniqueUnit("Added Engine");
        signIn("admin");
        navigate("apparatus");
        _click(_get(Button.class, spec -> spec.withText("Add apparatus")));
        field("Unit name").setValue(unit);
        field("Station").setValue("Station 3");
        field("VIN").setValue(" 1m8gdm9a-xkp 042788 ");
        _get(dialog(), IntegerField.class, spec -> spec.withLabel("Year")).setValue(2019);
        _click(_get(dialog(), Button.class, spec -> spec.withText("Save")));
        BackgroundWork.settle(context);

        expectNotifications(unit + " saved.");
        _assertNone(Dialog.class);
        search(unit);
        assertThat(rows()).singleElement().asString().startsWith(unit + ", In service, Station 3, , , , , , Engine, 1M8GDM9AXKP042788, , , 2019,");
    }

    @Test
    void theFormExplainsWhatIsMissingOrWrong() {
        signIn("manager");
        navigate("apparatus");
        _click(_get(Button.class, spec -> spec.withText("Add apparatus")));
        _get(dialog(), IntegerField.class, spec -> spec.withLabel("Year")).setValue(1850);
        _get(dialog(), ComboBox.class, spec -> spec.withLabel("Status")).setValue(ApparatusStatus.OUT_OF_SERVICE);
        field("VIN").setValue("1M8GDM9A1KP042788");
        _click(_get(dialog(), Button.class, spec -> spec.withText("Save")));
        BackgroundWork.settle(context);

        assertThat(field("Unit name").getErrorMessage()).isEqualTo("Enter the unit name, such as Engine 1.");
        assertThat(field("Unit name").isInvalid()).isTrue();
        assertThat(_get(dialog(), IntegerField.class, spec -> spec.withLabel("Year")).getErrorMessage())
                .startsWith("Enter a model year from 1900 to ");
        assertThat(field("Reason out of service").getErrorMessage()).startsWith("Say why it is out of service");
        // VIN oddities are warnings, shown but never blocking
        assertThat(_get(Div.class, spec -> spec.withClasses("vin-warnings")).getElement().getTextRecursively())
                .contains("check digit").contains("should be X, not 1");
        _assertOne(Dialog.class);
    }

    @Test
    void anOddVinIsSavedWithAWarning() {
        String unit = ApparatusFixtures.uniqueUnit("Old Engine");
        signIn("manager");
        navigate("apparatus");
        _click(_get(Button.class, spec -> spec.withText("Add apparatus")));
        field("Unit name").setValue(unit);
        field("VIN").setValue("1m8-gdm9a1kpo4278");
        assertThat(_get(Div.class, spec -> spec.withClasses("vin-warnings")).getElement().getTextRecursively())
                .contains("I, O or Q").contains("has 16");
        _click(_get(dialog(), Button.class, spec -> spec.withText("Save")));
        BackgroundWork.settle(context);
        expectNotifications(unit + " saved.");
        assertThat(jdbc.queryForObject("select vin_normalized from apparatus where unit_name = ?", String.class, unit))
                .isEqualTo("1M8GDM9A1KPO4278");
    }

    @Test
    void aDuplicateUnitNameIsRefusedWithTheReason() {
        signIn("admin");
        navigate("apparatus");
        _click(_get(Button.class, spec -> spec.withText("Add apparatus")));
        field("Unit name").setValue("engine  1");
        _click(_get(dialog(), Button.class, spec -> spec.withText("Save")));
        BackgroundWork.settle(context);

        String message = "Another apparatus is already called 'Engine 1'. Unit names are unique in the department: "
                + "choose another.";
        assertThat(field("Unit name").getErrorMessage()).isEqualTo(message);
        assertThat(_get(Div.class, spec -> spec.withClasses("form-error")).getText()).isEqualTo(message);
        assertThat(jdbc.queryForObject("select count(*) from apparatus where unit_name = 'Engine 1' and department_id = ?",
                Integer.class, fixtures.springfield())).isEqualTo(1);
    }

    @Test
    void dataManagerEditsAndDeletesAnApparatus() {
        String unit = ApparatusFixtures.uniqueUnit("Edited Engine");
        long id = fixtures.insert(fixtures.springfield(), unit, ApparatusFixtures.uniqueVin(), null);
        signIn("manager");
        navigate("apparatus");
        search(unit);
        _click(rowButton(0, "Edit"));
        field("Plate").setValue("FD 123");
        _get(dialog(), ComboBox.class, spec -> spec.withLabel("Status")).setValue(ApparatusStatus.RESERVE);
        _click(_get(dialog(), Button.class, spec -> spec.withText("Save")));
        BackgroundWork.settle(context);
        expectNotifications(unit + " saved.");
        assertThat(fixtures.column(id, "plate")).isEqualTo("FD 123");
        assertThat(fixtures.column(id, "status")).isEqualTo("RESERVE");
        assertThat(fixtures.column(id, "updated_by")).isEqualTo("Morgan Manager");

        // the grid's Edit led to the apparatus page, which edits again and, once it is deleted, returns to the grid
        _click(_get(Button.class, spec -> spec.withText("Edit")));
        _click(_get(Button.class, spec -> spec.withText("Delete")));
        _click(_get(Button.class, spec -> spec.withText("Delete " + unit)));
        expectNotifications(unit + " deleted.");
        assertThat(fixtures.exists(id)).isFalse();
        search(unit);
        assertThat(_size(grid())).isZero();
        // the edit is in the apparatus' change history, field by field
        assertThat(fixtures.auditActions(unit)).containsExactly("APPARATUS_CHANGED", "APPARATUS_DELETED");
        assertThat(jdbc.queryForObject("select detail from audit_event where apparatus_id = ? and action = "
                + "'APPARATUS_CHANGED'", String.class, id)).isEqualTo("Status: In service → Reserve; Plate: (empty) → "
                + "FD 123");
    }

    @Test
    void theMagnifierFillsTheSamsaraIdOfTheVehicleWithTheSameVin() {
        String unit = ApparatusFixtures.uniqueUnit("Exact Engine");
        String vin = ApparatusFixtures.uniqueVin();
        String samsaraId = ApparatusFixtures.uniqueSamsaraId();
        fixtures.cacheVehicle(fixtures.springfield(), samsaraId, unit + " in Samsara", vin);
        long id = fixtures.insert(fixtures.springfield(), unit, vin, null);
        signIn("admin");
        navigate("apparatus");
        search(unit);
        _click(rowButton(0, "Edit"));

        _click(magnifier());
        BackgroundWork.settle(context);
        assertThat(field("Samsara ID").getValue()).isEqualTo(samsaraId);
        assertThat(lookupMessage()).startsWith("Found " + unit + " in Samsara (Samsara ID " + samsaraId + ", VIN "
                + vin + "). Save to link it.")
                .as("the demo department has no Samsara connection: the answer says it comes from the kept list")
                .contains("Samsara is not connected for your department");
        assertThat(fixtures.column(id, "samsara_vehicle_id")).as("looking links nothing").isNull();

        _click(_get(dialog(), Button.class, spec -> spec.withText("Save")));
        BackgroundWork.settle(context);
        assertThat(fixtures.column(id, "samsara_vehicle_id")).isEqualTo(samsaraId);
        assertThat(fixtures.auditActions(unit)).containsExactly("SAMSARA_LINKED");
        assertThat(pageFact("samsara-id")).isEqualTo(samsaraId);
        assertThat(pageFact("link")).startsWith("Linked");
    }

    @Test
    void theMagnifierOffersNearMissesWithoutApplyingThem() {
        String unit = ApparatusFixtures.uniqueUnit("Near Engine");
        String vin = ApparatusFixtures.uniqueVin();
        String typo = vin.substring(0, 3) + "O" + vin.substring(4);
        String samsaraId = ApparatusFixtures.uniqueSamsaraId();
        fixtures.cacheVehicle(fixtures.springfield(), samsaraId, unit + " in Samsara", vin);
        long id = fixtures.insert(fixtures.springfield(), unit, typo, null);
        signIn("admin");
        navigate("apparatus");
        search(unit);
        _click(rowButton(0, "Edit"));

        _click(magnifier());
        BackgroundWork.settle(context);
        assertThat(field("Samsara ID").getValue()).isEmpty();
        assertThat(lookupMessage()).startsWith("No Samsara vehicle has VIN " + typo + "; VINs must match exactly "
                + "between RigSync and Samsara.").contains("nearly match");
        assertThat(_get(Div.class, spec -> spec.withClasses("samsara-lookup")).getElement().getTextRecursively())
                .contains("letter O and digit 0 mixed up (position 4)");

        _click(_get(Button.class, spec -> spec.withText("Use " + unit + " in Samsara (Samsara ID " + samsaraId
                + ", VIN " + vin + ")")));
        assertThat(field("Samsara ID").getValue()).isEqualTo(samsaraId);
        assertThat(fixtures.column(id, "samsara_vehicle_id")).isNull();
        _click(_get(dialog(), Button.class, spec -> spec.withText("Save")));
        BackgroundWork.settle(context);
        // linked on purpose despite the differing VINs: flagged for review, never silently trusted
        assertThat(fixtures.column(id, "link_flag")).isEqualTo("REVIEW_VIN_MISMATCH");
        assertThat(pageFact("link")).startsWith("Flagged for review: its VIN and the Samsara vehicle's VIN differ");
    }

    @Test
    void theMagnifierExplainsAMiss() {
        String unit = ApparatusFixtures.uniqueUnit("Lost Engine");
        String vin = ApparatusFixtures.uniqueVin();
        fixtures.insert(fixtures.springfield(), unit, vin, null);
        signIn("manager");
        navigate("apparatus");
        search(unit);
        _click(rowButton(0, "Edit"));
        _click(magnifier());
        BackgroundWork.settle(context);

        assertThat(lookupMessage()).startsWith("No Samsara vehicle has VIN " + vin + "; VINs must match exactly "
                + "between RigSync and Samsara. Check the VIN here and on the vehicle's page in Samsara.");
        assertThat(field("Samsara ID").getValue()).isEmpty();
        _assertNone(Button.class, spec -> spec.withPredicate(b -> b.getText().startsWith("Use ")));
    }

    @Test
    void theMagnifierWillNotTakeAVehicleAnotherApparatusHas() {
        String unit = ApparatusFixtures.uniqueUnit("Second Engine");
        String vin = ApparatusFixtures.uniqueVin();
        String samsaraId = ApparatusFixtures.uniqueSamsaraId();
        fixtures.cacheVehicle(fixtures.springfield(), samsaraId, "Shared", vin);
        String owner = ApparatusFixtures.uniqueUnit("First Engine");
        fixtures.insert(fixtures.springfield(), owner, vin, samsaraId);
        fixtures.insert(fixtures.springfield(), unit, vin, null);
        signIn("admin");
        navigate("apparatus");
        search(unit);
        _click(rowButton(0, "Edit"));
        _click(magnifier());
        BackgroundWork.settle(context);
        assertThat(lookupMessage()).contains("is already linked to " + owner);
        assertThat(field("Samsara ID").getValue()).isEmpty();

        // typing it by hand meets the database's rule too
        field("Samsara ID").setValue(samsaraId);
        _click(_get(dialog(), Button.class, spec -> spec.withText("Save")));
        BackgroundWork.settle(context);
        assertThat(field("Samsara ID").getErrorMessage()).isEqualTo("Samsara vehicle " + samsaraId
                + " is already linked to " + owner + ". One Samsara vehicle belongs to one apparatus: unlink it "
                + "there first.");
    }

    @Test
    void anUnknownTypedSamsaraIdIsRefused() {
        String unit = ApparatusFixtures.uniqueUnit("Typed Engine");
        fixtures.insert(fixtures.springfield(), unit, ApparatusFixtures.uniqueVin(), null);
        signIn("admin");
        navigate("apparatus");
        search(unit);
        _click(rowButton(0, "Edit"));
        field("Samsara ID").setValue("123");
        _click(_get(dialog(), Button.class, spec -> spec.withText("Save")));
        BackgroundWork.settle(context);
        assertThat(field("Samsara ID").getErrorMessage()).startsWith("No Samsara vehicle has the ID 123.");
    }

    @Test
    void rowsAreEditedInlineWithSaveAndCancel() {
        String unit = ApparatusFixtures.uniqueUnit("Inline Engine");
        long id = fixtures.insert(fixtures.springfield(), unit, ApparatusFixtures.uniqueVin(), null);
        signIn("manager");
        navigate("apparatus");
        search(unit);
        _click(quickEdit());
        assertThat(grid().getEditor().isOpen()).isTrue();
        editorField("station").setValue("Station 4");
        editorField("plate").setValue("Q 77");
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Save row")));
        BackgroundWork.settle(context);

        expectNotifications(unit + " saved.");
        assertThat(fixtures.column(id, "station")).isEqualTo("Station 4");
        assertThat(fixtures.column(id, "plate")).isEqualTo("Q 77");
        assertThat(rowOf(unit)).contains("Station 4", "Q 77");

        _click(quickEdit());
        editorField("plate").setValue("NOT SAVED");
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Cancel row")));
        assertThat(fixtures.column(id, "plate")).isEqualTo("Q 77");
    }

    @Test
    void theKeyboardEditsEveryFieldOfTheFocusedRowEnterSavesEscapeCancels() {
        String unit = ApparatusFixtures.uniqueUnit("Keyboard Engine");
        long id = fixtures.insert(fixtures.springfield(), unit, ApparatusFixtures.uniqueVin(), null);
        signIn("manager");
        navigate("apparatus");
        search(unit);
        Grid<ApparatusRow> grid = grid();
        ApparatusRow row = _get(grid, 0);
        // the grid reports the row the arrow keys moved the focus to
        ComponentUtil.fireEvent(grid, new CellFocusEvent<>(grid, true,
                grid.getDataCommunicator().getKeyMapper().key(row), null, "body"));

        press(grid, "Enter");
        assertThat(grid.getEditor().isOpen()).as("Enter edits the focused row").isTrue();
        editorField("unit").setValue(unit + " B");
        editorField("make").setValue("Spartan");
        editorField("model").setValue("Gladiator");
        ((IntegerField) grid.getColumnByKey("year").getEditorComponent()).setValue(2021);
        press(grid, "Enter");
        BackgroundWork.settle(context);

        expectNotifications(unit + " B saved.");
        assertThat(fixtures.column(id, "unit_name")).isEqualTo(unit + " B");
        assertThat(fixtures.column(id, "make")).isEqualTo("Spartan");
        assertThat(fixtures.column(id, "model")).isEqualTo("Gladiator");
        assertThat(fixtures.column(id, "model_year")).isEqualTo("2021");

        ComponentUtil.fireEvent(grid, new CellFocusEvent<>(grid, true,
                grid.getDataCommunicator().getKeyMapper().key(_get(grid, 0)), null, "body"));
        press(grid, "Enter");
        editorField("make").setValue("NOT SAVED");
        press(grid, "Escape");
        assertThat(grid.getEditor().isOpen()).as("Escape cancels").isFalse();
        assertThat(fixtures.column(id, "make")).isEqualTo("Spartan");
    }

    @Test
    void selectedApparatusAreUnlinkedInBulkAfterAConfirmation() {
        String prefix = ApparatusFixtures.uniqueUnit("Bulk");
        long first = fixtures.insert(fixtures.springfield(), prefix + " A", ApparatusFixtures.uniqueVin(),
                ApparatusFixtures.uniqueSamsaraId());
        long second = fixtures.insert(fixtures.springfield(), prefix + " B", ApparatusFixtures.uniqueVin(),
                ApparatusFixtures.uniqueSamsaraId());
        long third = fixtures.insert(fixtures.springfield(), prefix + " C", ApparatusFixtures.uniqueVin(), null);
        signIn("admin");
        navigate("apparatus");
        search(prefix);
        assertThat(_size(grid())).isEqualTo(3);
        grid().asMultiSelect().select(List.of(
                (ApparatusRow) com.github.mvysny.kaributesting.v10.GridKt._get(grid(), 0),
                (ApparatusRow) com.github.mvysny.kaributesting.v10.GridKt._get(grid(), 1),
                (ApparatusRow) com.github.mvysny.kaributesting.v10.GridKt._get(grid(), 2)));
        _click(_get(Button.class, spec -> spec.withText("Unlink from Samsara")));
        _click(_get(Button.class, spec -> spec.withText("Unlink 2 apparatus")));

        expectNotifications("2 apparatus unlinked from Samsara.");
        assertThat(fixtures.column(first, "samsara_vehicle_id")).isNull();
        assertThat(fixtures.column(second, "samsara_vehicle_id")).isNull();
        assertThat(fixtures.exists(third)).isTrue();
        assertThat(fixtures.auditActions("2 apparatus")).contains("SAMSARA_BULK_UNLINKED");
        assertThat(rows()).allSatisfy(row -> assertThat(row).contains("Not linked"));
    }

    @Test
    void importPreviewShowsEveryRowsOutcomeAndAppliesAllOrNothing() {
        String prefix = ApparatusFixtures.uniqueUnit("Csv");
        long updated = fixtures.insert(fixtures.springfield(), prefix + " Update", ApparatusFixtures.uniqueVin(), null);
        fixtures.insert(fixtures.springfield(), prefix + " Same", "9XT0SAME000000001", null);
        String file = "RigSync id,Unit,Type,Station,VIN,Status\n"
                + updated + "," + prefix + " Update,Engine,Station 7,,In service\n"
                + "," + prefix + " Same,Engine,Station 9,9XT0SAME000000001,In service\n"
                + "," + prefix + " New,Tanker / tender,Station 8,,Reserve\n"
                + "," + prefix + " Broken,Spaceship,Station 8,,In service\n";
        signIn("admin");
        navigate("apparatus");
        _click(_get(Button.class, spec -> spec.withText("Import CSV")));
        _upload(_get(Upload.class), "fleet.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8));

        List<String> preview = previewRows();
        assertThat(preview).containsExactly(
                "2, " + prefix + " Update, Update, changes station, VIN",
                "3, " + prefix + " Same, Unchanged, ",
                "4, " + prefix + " New, New, new apparatus",
                "5, " + prefix + " Broken, Error, unknown type 'Spaceship' (use one of: Engine, Ladder / truck, "
                        + "Quint, Rescue, Tanker / tender, Brush, Ambulance, Command, Utility, Other)");
        assertThat(importMessage()).contains("1 new, 1 to update, 1 unchanged, 1 with errors")
                .contains("Nothing can be imported");
        assertThat(_get(Button.class, spec -> spec.withText("Import")).isEnabled()).isFalse();
        // all or nothing, whatever a forged request would try
        assertThatThrownBy(() -> csvFiles.applyImport(file.getBytes(StandardCharsets.UTF_8), "fleet.csv"))
                .hasMessageStartingWith("Nothing was imported: 1 rows have errors.");
        assertThat(fixtures.column(updated, "station")).isEqualTo("Station 9");
        assertThat(jdbc.queryForObject("select count(*) from apparatus where unit_name = ?", Integer.class,
                prefix + " New")).isZero();

        String fixed = file.replace("Spaceship", "Other");
        _upload(_get(Upload.class), "fleet.csv", "text/csv", ("\uFEFF" + fixed).getBytes(StandardCharsets.UTF_8));
        assertThat(importMessage()).contains("2 new, 1 to update, 1 unchanged, 0 with errors");
        _click(_get(Button.class, spec -> spec.withText("Import 3 rows")));

        expectNotifications("Imported fleet.csv: 2 new, 1 to update, 1 unchanged, 0 with errors.");
        assertThat(fixtures.column(updated, "station")).isEqualTo("Station 7");
        assertThat(fixtures.column(updated, "vin")).isNull();
        assertThat(jdbc.queryForObject("select type from apparatus where unit_name = ?", String.class,
                prefix + " New")).isEqualTo("TANKER");
        assertThat(fixtures.auditActions("fleet.csv")).contains("APPARATUS_IMPORTED");
    }

    @Test
    void unreadableFilesAreRefusedWithTheReason() {
        signIn("manager");
        navigate("apparatus");
        _click(_get(Button.class, spec -> spec.withText("Import CSV")));

        _upload(_get(Upload.class), "units.csv", "text/csv", "Unit,Station\nEngine 1,Station 1\n".getBytes());
        assertThat(importMessage()).isEqualTo("units.csv was refused: The file has no Type, Status columns. The first "
                + "line must name the columns as the export does (Unit, Type, Status are required); export the grid "
                + "to get a file with the right columns.");

        _upload(_get(Upload.class), "photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff});
        assertThat(importMessage()).contains("not a CSV text file");

        _upload(_get(Upload.class), "broken.csv", "text/csv",
                "Unit,Type,Status\n\"Engine 1,Engine,In service\n".getBytes());
        assertThat(importMessage()).contains("cannot be read as CSV");

        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        _upload(_get(Upload.class), "huge.csv", "text/csv", huge);
        assertThat(importMessage()).isEqualTo("huge.csv is too large: the file must be a CSV file of at most 5 MB "
                + "and 10,000 rows.");

        StringBuilder many = new StringBuilder("Unit,Type,Status\n");
        IntStream.rangeClosed(1, 10_001).forEach(i -> many.append("Unit ").append(i).append(",Engine,In service\n"));
        _upload(_get(Upload.class), "many.csv", "text/csv", many.toString().getBytes());
        assertThat(importMessage()).contains("more than 10,000 rows");
        assertThat(_get(Button.class, spec -> spec.withText("Import")).isEnabled()).isFalse();
    }

    @Test
    void aSaveOverSomeoneElsesChangeIsRefusedAndTheFormReloads() {
        String unit = ApparatusFixtures.uniqueUnit("Contested Engine");
        long id = fixtures.insert(fixtures.springfield(), unit, ApparatusFixtures.uniqueVin(), null);
        signIn("admin");
        navigate("apparatus");
        search(unit);
        _click(rowButton(0, "Edit"));
        // the data manager saves first, in another browser
        jdbc.update("update apparatus set plate = 'THEIRS', version = version + 1, updated_by = 'Morgan Manager' "
                + "where id = ?", id);

        field("Plate").setValue("MINE");
        _click(_get(dialog(), Button.class, spec -> spec.withText("Save")));
        BackgroundWork.settle(context);

        String message = unit + " was changed by Morgan Manager meanwhile. Nothing of yours was saved; the form now "
                + "shows their version, make your change again if it is still needed.";
        expectNotifications(message);
        assertThat(field("Plate").getValue()).isEqualTo("THEIRS");
        assertThat(fixtures.column(id, "plate")).isEqualTo("THEIRS");

        // saving again now works, from their version
        field("Plate").setValue("MINE");
        _click(_get(dialog(), Button.class, spec -> spec.withText("Save")));
        BackgroundWork.settle(context);
        assertThat(fixtures.column(id, "plate")).isEqualTo("MINE");
    }

    @Test
    void odometerAndReadingTimesFollowTheDepartmentsUnitsAndTimeZone() {
        String unit = ApparatusFixtures.uniqueUnit("Metric Engine");
        long id = fixtures.insert(fixtures.springfield(), unit, ApparatusFixtures.uniqueVin(), null);
        jdbc.update("insert into apparatus_telemetry (apparatus_id, odometer_meters, engine_seconds, read_at, synced_at) "
                + "values (?, 19867545, 36000, '2026-03-02 20:00:00', '2026-03-02 20:05:00')", id);
        long springfield = fixtures.springfield();
        try {
            signIn("member");
            navigate("apparatus");
            search(unit);
            // the year shows when the reading is from another year than now
            assertThat(rowOf(unit)).contains("12,345 mi").contains("Mar 2, ").contains(", 8:00");

            jdbc.update("update department set distance_unit = 'KILOMETRES', time_zone = 'America/Chicago' "
                    + "where id = ?", springfield);
            navigate("");
            navigate("apparatus");
            search(unit);
            assertThat(rowOf(unit)).contains("19,868 km").contains("Mar 2, ").contains(", 2:00").doesNotContain(" mi");
        } finally {
            jdbc.update("update department set distance_unit = 'MILES', time_zone = 'UTC' where id = ?", springfield);
        }
    }

    private Grid<ApparatusRow> grid() {
        @SuppressWarnings("unchecked")
        Grid<ApparatusRow> grid = _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumnByKey("unit") != null));
        return grid;
    }

    private List<String> rows() {
        Grid<ApparatusRow> grid = grid();
        return IntStream.range(0, _size(grid)).mapToObj(i -> String.join(", ", _getFormattedRow(grid, i))).toList();
    }

    private List<String> units() {
        Grid<ApparatusRow> grid = grid();
        return IntStream.range(0, _size(grid))
                .mapToObj(i -> com.github.mvysny.kaributesting.v10.GridKt._get(grid, i).getUnitName()).toList();
    }

    private String rowOf(String unit) {
        return rows().stream().filter(r -> r.startsWith(unit + ",")).findFirst().orElseThrow();
    }

    private void search(String text) {
        _get(TextField.class, spec -> spec.withPlaceholder(SEARCH)).setValue(text);
    }

    /** A fact on the apparatus page, where the grid's Edit leads. */
    private static String pageFact(String key) {
        return _get(Component.class, spec -> spec.withId("apparatus-fact-" + key)).getElement().getTextRecursively();
    }

    private TextField field(String label) {
        return _get(dialog(), TextField.class, spec -> spec.withLabel(label));
    }

    /** A key pressed in the grid, as the browser reports it to the server. */
    private static void press(Grid<?> grid, String key) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("event.key", key);
        // the browser sends only the keys QuickEdit's filter lets through, and says so
        data.put("event.key === 'Enter' || event.key === 'Escape'", true);
        grid.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(grid.getElement(), "keydown", data));
        // the answer to the browser, which opens or closes the row editor
        MockVaadin.clientRoundtrip(false);
    }

    private Dialog dialog() {
        return _get(Dialog.class);
    }

    private Button quickEdit() {
        Component cell = _getCellComponent(grid(), 0, "actions");
        return _get(cell, Button.class, spec -> spec.withIcon(com.vaadin.flow.component.icon.VaadinIcon.PENCIL));
    }

    private Button rowButton(int row, String text) {
        Component cell = _getCellComponent(grid(), row, "actions");
        return _get(cell, Button.class, spec -> spec.withText(text));
    }

    private Button magnifier() {
        return _get(Button.class, spec -> spec.withAttribute("aria-label", "Find Samsara ID by VIN"));
    }

    private String lookupMessage() {
        return _get(Div.class, spec -> spec.withClasses("samsara-lookup-message")).getText();
    }

    private TextField editorField(String columnKey) {
        return (TextField) grid().getColumnByKey(columnKey).getEditorComponent();
    }

    private String importMessage() {
        return _get(Div.class, spec -> spec.withClasses("import-message")).getText();
    }

    private List<String> previewRows() {
        @SuppressWarnings("unchecked")
        Grid<ImportRow> preview = _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumnByKey("unit") == null));
        return IntStream.range(0, _size(preview)).mapToObj(i -> String.join(", ", _getFormattedRow(preview, i)))
                .toList();
    }

    @SuppressWarnings("unused")
    private static List<? extends Component> all(Class<? extends Component> type) {
        return _find(type);
    }
}
