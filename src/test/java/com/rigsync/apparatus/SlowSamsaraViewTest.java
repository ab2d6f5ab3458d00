package com.rigsync.apparatus;

import java.time.Duration;
import java.util.List;

import com.rigsync.KaribuTest;
import com.rigsync.demo.simulator.SimulatedSamsara;
import com.rigsync.demo.simulator.SimulatedVehicle;
import com.rigsync.integration.IntegrationTestAccess;
import com.rigsync.apparatus.ui.ApparatusPageView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Samsara that answers slowly (the simulator waits 3 s before every answer) never holds the screen: the magnifier's
 * and the save's clicks come back at once with a running bar and Cancel, the form keeps taking input, and the answer
 * arrives later through push. Cancel drops the answer, and a cancelled save writes nothing; the same for a row saved
 * in the grid's editor.
 */
class SlowSamsaraViewTest extends KaribuTest {

    @Autowired
    private ApplicationContext context;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CachedSamsaraVehicles vehicleCache;

    private SimulatedSamsara samsara;
    private String manager;
    private SimulatedVehicle vehicle;
    private long apparatusId;

    @BeforeEach
    void slowSamsara() {
        samsara = IntegrationTestAccess.simulator(context).samsara();
        manager = IntegrationTestAccess.departmentConnectedToSimulator(context, jdbc, List.of());
        long departmentId = jdbc.queryForObject("select department_id from app_user where username = ?", Long.class,
                manager);
        vehicle = samsara.vehicles().stream().filter(v -> v.vin() != null).findFirst().orElseThrow();
        apparatusId = new ApparatusFixtures(jdbc, vehicleCache).insert(departmentId, "Slow Engine", vehicle.vin(),
                null);
        // no vehicle list kept yet: the magnifier must read it from Samsara
        jdbc.update("delete from samsara_vehicle where department_id = ?", departmentId);
        samsara.setResponseDelay(Duration.ofSeconds(3));
    }

    @AfterEach
    void cleanUp() {
        samsara.setResponseDelay(Duration.ZERO);
        BackgroundWork.settle(context);
        IntegrationTestAccess.removeDepartmentOf(jdbc, manager);
    }

    private void openEditForm() {
        signIn(manager);
        UI.getCurrent().navigate(ApparatusPageView.class, new RouteParameters("id", String.valueOf(apparatusId)),
                QueryParameters.of("edit", "true"));
    }

    @Test
    void theMagnifierAnswersLaterThroughPushWhileTheFormKeepsWorking() {
        openEditForm();
        _click(magnifier());

        // the click came back before Samsara answered: the form says it is asking, and still takes input
        assertThat(asking().isVisible()).isTrue();
        assertThat(asking().getElement().getTextRecursively()).contains("Asking Samsara for the vehicle with this VIN");
        assertThat(field("Samsara ID").getValue()).isEmpty();
        field("Plate").setValue("SLOW 1");
        assertThat(saveButton().isEnabled()).as("Save waits for the answer").isFalse();

        BackgroundWork.settle(context);

        _assertNone(HorizontalLayout.class, spec -> spec.withClasses("asking-samsara"));
        assertThat(field("Samsara ID").getValue()).isEqualTo(vehicle.id());
        assertThat(field("Plate").getValue()).isEqualTo("SLOW 1");
        assertThat(saveButton().isEnabled()).isTrue();
    }

    @Test
    void cancelStopsWaitingAndTheLateAnswerChangesNothing() {
        openEditForm();
        _click(magnifier());
        _click(_get(asking(), Button.class, spec -> spec.withText("Cancel")));

        _assertNone(HorizontalLayout.class, spec -> spec.withClasses("asking-samsara"));
        assertThat(saveButton().isEnabled()).isTrue();
        assertThat(formError()).isEqualTo("Cancelled: nothing was saved or filled in.");
        BackgroundWork.settle(context);
        assertThat(field("Samsara ID").getValue()).as("the late answer is dropped").isEmpty();

        // a typed Samsara ID is checked with Samsara before the save; cancelled meanwhile, nothing is written
        field("Samsara ID").setValue(vehicle.id());
        _click(saveButton());
        assertThat(asking().getElement().getTextRecursively()).contains("checking the Samsara ID with Samsara");
        _click(_get(asking(), Button.class, spec -> spec.withText("Cancel")));
        BackgroundWork.settle(context);
        assertThat(jdbc.queryForObject("select samsara_vehicle_id from apparatus where id = ?", String.class,
                apparatusId)).isNull();
        assertThat(_get(Dialog.class).isOpened()).as("the form stays open with the person's input").isTrue();
    }

    @Test
    void aRowSaveWaitsForSamsaraWithARunningBarAndCancelWritesNothing() {
        signIn(manager);
        UI.getCurrent().navigate("apparatus", QueryParameters.of("search", "Slow Engine"));
        _click(_get(_getCellComponent(grid(), 0, "actions"), Button.class,
                spec -> spec.withIcon(VaadinIcon.PENCIL)));
        ((TextField) grid().getColumnByKey("samsaraId").getEditorComponent()).setValue(vehicle.id());
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Save row")));

        // the click came back before Samsara answered: the screen says what it waits for, with Cancel
        assertThat(asking().getElement().getTextRecursively()).contains("Saving Slow Engine");
        _click(_get(asking(), Button.class, spec -> spec.withText("Cancel")));
        _assertNone(HorizontalLayout.class, spec -> spec.withClasses("asking-samsara"));
        BackgroundWork.settle(context);
        assertThat(linkedVehicle()).as("a cancelled row save writes nothing").isNull();

        // saved again, left to finish: the answer arrives through push and the row is linked
        _click(_get(_getCellComponent(grid(), 0, "actions"), Button.class,
                spec -> spec.withIcon(VaadinIcon.PENCIL)));
        ((TextField) grid().getColumnByKey("samsaraId").getEditorComponent()).setValue(vehicle.id());
        _click(_get(Button.class, spec -> spec.withAttribute("aria-label", "Save row")));
        assertThat(asking().isVisible()).isTrue();
        BackgroundWork.settle(context);
        _assertNone(HorizontalLayout.class, spec -> spec.withClasses("asking-samsara"));
        assertThat(linkedVehicle()).isEqualTo(vehicle.id());
    }

    private String linkedVehicle() {
        return jdbc.queryForObject("select samsara_vehicle_id from apparatus where id = ?", String.class, apparatusId);
    }

    private static Grid<ApparatusRow> grid() {
        @SuppressWarnings("unchecked")
        Grid<ApparatusRow> grid = _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumnByKey("unit") != null));
        return grid;
    }

    private static Button magnifier() {
        return _get(Button.class, spec -> spec.withAttribute("aria-label", "Find Samsara ID by VIN"));
    }

    private static HorizontalLayout asking() {
        return _get(HorizontalLayout.class, spec -> spec.withClasses("asking-samsara"));
    }

    private static TextField field(String label) {
        return _get(_get(Dialog.class), TextField.class, spec -> spec.withLabel(label));
    }

    private static Button saveButton() {
        return _get(_get(Dialog.class), Button.class, spec -> spec.withText("Save"));
    }

    private static String formError() {
        return _get(Div.class, spec -> spec.withClasses("form-error")).getText();
    }
}
