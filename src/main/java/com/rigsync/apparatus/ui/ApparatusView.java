package com.rigsync.apparatus.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.rigsync.apparatus.ApparatusCsvService;
import com.rigsync.apparatus.ApparatusFilter;
import com.rigsync.apparatus.ApparatusRow;
import com.rigsync.apparatus.ApparatusService;
import com.rigsync.apparatus.SamsaraLinking;
import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.integration.IntegrationStatus;
import com.rigsync.security.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.Sort;

/**
 * Assets > Apparatus: the department's apparatus, loaded page by page. The address is /apparatus, not
 * /assets/apparatus: Vaadin serves its bundle's static files under /assets/, and a full page load of any /assets/...
 * address is answered with an empty 403 before routing. Everyone in the department reads;
 * administrators and data managers add, edit (form or inline), delete, unlink in bulk and import/export CSV.
 */
@Route("apparatus")
@PageTitle("Apparatus | RigSync")
@Menu(title = "Assets > Apparatus", order = 1, icon = "vaadin:truck")
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.DATA_MANAGER_NAME, Role.MEMBER_NAME})
public class ApparatusView extends VerticalLayout implements BeforeEnterObserver {

    /** The query parameter of old bookmarks of an apparatus' edit form, /apparatus?edit=42: its page opens it. */
    public static final String EDIT_PARAMETER = "edit";

    private final transient ApparatusService service;
    private final transient DepartmentDisplay preferences;
    private final transient Clock clock;
    private final transient IntegrationStatus integrationStatus;
    private final Grid<ApparatusRow> grid = new Grid<>(ApparatusRow.class, false);
    private final SyncSummaryLine syncSummary = new SyncSummaryLine();
    private final ApparatusFilterBar filters = new ApparatusFilterBar(this::filterChanged);
    private final EditingTools actions;
    private final QuickEdit quickEdit;
    /** The department's units and time zone, read when the view is attached. */
    private DisplayPreferences display = DisplayPreferences.CLIENT_SUCCESS;
    private ApparatusFilter filter = ApparatusFilter.none();
    private Sort sort = Sort.by("unitName");
    private boolean editable;
    private boolean editingSetUp;

    ApparatusView(ApparatusService service, SamsaraLinking linking, ApparatusCsvService csvFiles,
                  DepartmentDisplay preferences, Clock clock, IntegrationStatus integrationStatus) {
        this.service = service;
        this.preferences = preferences;
        this.clock = clock;
        this.integrationStatus = integrationStatus;
        this.actions = new EditingTools(service, linking, csvFiles, clock, grid, () -> filter, () -> sort);
        this.quickEdit = new QuickEdit(grid, service, this::refresh);
        addClassName("view");
        setSizeFull();

        HorizontalLayout header = new HorizontalLayout(new H2("Apparatus"), actions);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);

        addColumns();
        grid.setSizeFull();
        grid.setMultiSort(true, true);
        grid.addSortListener(e -> sort = toSort(e.getSortOrder()));
        add(header, syncSummary, filters, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(EDIT_PARAMETER)
                .filter(id -> id.matches("\\d{1,18}")).ifPresent(id -> event.forwardTo(ApparatusPageView.class,
                        ApparatusPageView.parameters(Long.parseLong(id))));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        display = preferences.display();
        if (!editingSetUp) {
            editingSetUp = true;
            editable = service.mayEdit();
            setUpEditing();
        }
        filters.setStations(service.stations());
        grid.setItemsPageable(pageable -> service.page(filter, pageable), pageable -> service.count(filter));
        syncSummary.show(integrationStatus.summary(), display);
    }

    private void addColumns() {
        var unit = grid.addColumn(ApparatusRow::getUnitName).setHeader("Unit").setKey("unit")
                .setSortProperty("unitName").setAutoWidth(true).setFrozen(true);
        grid.addColumn(r -> r.getType().label()).setHeader("Type").setKey("type").setSortProperty("type")
                .setAutoWidth(true);
        grid.addColumn(ApparatusRow::getStation).setHeader("Station").setKey("station").setSortProperty("station")
                .setAutoWidth(true);
        grid.addColumn(ApparatusRow::getVin).setHeader("VIN").setKey("vin").setSortProperty("vin").setAutoWidth(true);
        grid.addColumn(ApparatusRow::getMake).setHeader("Make").setKey("make").setSortProperty("make")
                .setAutoWidth(true);
        grid.addColumn(ApparatusRow::getModel).setHeader("Model").setKey("model").setSortProperty("model")
                .setAutoWidth(true);
        grid.addColumn(ApparatusRow::getModelYear).setHeader("Year").setKey("year").setSortProperty("modelYear")
                .setAutoWidth(true);
        grid.addColumn(ApparatusRow::getPlate).setHeader("Plate").setKey("plate").setSortProperty("plate")
                .setAutoWidth(true);
        grid.addColumn(r -> r.getStatus().label() + (r.getStatusReason() == null ? "" : ": " + r.getStatusReason()))
                .setHeader("Status").setKey("status").setSortProperty("status").setAutoWidth(true);
        grid.addColumn(ApparatusRow::getSamsaraVehicleId).setHeader("Samsara ID").setKey("samsaraId")
                .setSortProperty("samsaraVehicleId").setAutoWidth(true);
        grid.addColumn(ApparatusRow::linkState).setHeader("Link").setKey("linkState").setSortProperty("linkState")
                .setAutoWidth(true);
        grid.addColumn(r -> r.getOdometerMeters() == null ? "" : display.distance(r.getOdometerMeters().doubleValue())).setHeader("Odometer")
                .setKey("odometer").setSortProperty("odometerMeters").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(r -> TelemetryFormats.engineHours(r.getEngineSeconds())).setHeader("Engine hours")
                .setKey("engineHours").setSortProperty("engineSeconds").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(r -> TelemetryFormats.readingTime(r.getReadAt(), display, clock.instant()))
                .setHeader("Last reading").setKey("readAt")
                .setSortProperty("readAt").setAutoWidth(true);
        grid.addColumn(r -> display.dateTime(r.getSyncedAt())).setHeader("Last synced").setKey("syncedAt")
                .setSortProperty("syncedAt").setAutoWidth(true);
        grid.sort(List.of(new GridSortOrder<>(unit, SortDirection.ASCENDING)));
    }

    /** Editing tools only for administrators and data managers; the service refuses everyone else anyway. */
    private void setUpEditing() {
        if (!editable) {
            grid.setSelectionMode(Grid.SelectionMode.NONE);
            grid.addComponentColumn(row -> pageButton("Open", row, false)).setKey("open").setAutoWidth(true)
                    .setFlexGrow(0).setFrozenToEnd(true);
            return;
        }
        actions.show();
        grid.addComponentColumn(this::rowActions).setHeader("").setKey("actions").setAutoWidth(true)
                .setFlexGrow(0).setFrozenToEnd(true);
        quickEdit.setUp();
    }

    private HorizontalLayout rowActions(ApparatusRow row) {
        return new HorizontalLayout(pageButton("Edit", row, true), quickEdit.buttonFor(row));
    }

    /** Opens the apparatus' page; "Edit" opens its edit form there. */
    private static Button pageButton(String text, ApparatusRow row, boolean edit) {
        Button open = new Button(text, e -> ApparatusPageView.open(row.getId(), edit));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return open;
    }

    private void filterChanged(ApparatusFilter changed) {
        filter = changed;
        refresh();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private static Sort toSort(List<GridSortOrder<ApparatusRow>> orders) {
        List<Sort.Order> result = new ArrayList<>();
        for (GridSortOrder<ApparatusRow> order : orders) {
            String property = order.getSorted().getKey() == null ? null : sortPropertyOf(order);
            if (property != null) {
                result.add(order.getDirection() == SortDirection.ASCENDING ? Sort.Order.asc(property)
                        : Sort.Order.desc(property));
            }
        }
        return result.isEmpty() ? Sort.by("unitName") : Sort.by(result);
    }

    private static String sortPropertyOf(GridSortOrder<ApparatusRow> order) {
        return order.getSorted().getSortOrder(order.getDirection()).findFirst()
                .map(q -> q.getSorted()).orElse(null);
    }
}
