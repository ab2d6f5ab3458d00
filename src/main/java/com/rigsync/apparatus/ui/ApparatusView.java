package com.rigsync.apparatus.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.rigsync.apparatus.ApparatusCsvService;
import com.rigsync.apparatus.ApparatusFilter;
import com.rigsync.apparatus.ApparatusRow;
import com.rigsync.apparatus.ApparatusService;
import com.rigsync.apparatus.ApparatusStatus;
import com.rigsync.apparatus.BulkEditService;
import com.rigsync.apparatus.ColumnChoices;
import com.rigsync.apparatus.FleetCondition;
import com.rigsync.apparatus.SamsaraLinking;
import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.integration.IntegrationStatus;
import com.rigsync.security.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.Sort;

/**
 * Assets > Apparatus: the department's apparatus, loaded page by page. The address is /apparatus, not
 * /assets/apparatus: Vaadin serves its bundle's static files under /assets/, and a full page load of any /assets/...
 * address is answered with an empty 403 before routing. Everyone in the department reads;
 * administrators and data managers add, edit (form or inline), delete, unlink in bulk and import/export CSV. The
 * filter is in the address ({@link FilterAddress}), so a filtered grid can be bookmarked, shared and linked to
 * ({@link #filteredBy(FleetCondition)}).
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
    private final transient IntegrationStatus integrationStatus;
    private final Grid<ApparatusRow> grid = new Grid<>(ApparatusRow.class, false);
    private final SyncSummaryLine syncSummary = new SyncSummaryLine();
    private final ApparatusFilterBar filters = new ApparatusFilterBar(this::filterChanged);
    private final EditingTools actions;
    private final QuickEdit quickEdit;
    private final ApparatusColumns columns;
    private final ColumnsMenu columnsMenu;
    private ApparatusFilter filter = ApparatusFilter.none();
    private Sort sort = Sort.by("unitName");
    private boolean editable;
    private boolean editingSetUp;

    ApparatusView(ApparatusService service, BulkEditService bulkEdits, SamsaraLinking linking, ApparatusCsvService csvFiles,
                  DepartmentDisplay preferences, Clock clock, IntegrationStatus integrationStatus,
                  ColumnChoices columnChoices) {
        this.service = service;
        this.preferences = preferences;
        this.integrationStatus = integrationStatus;
        this.actions = new EditingTools(service, bulkEdits, linking, csvFiles, clock, grid, () -> filter, () -> sort);
        this.quickEdit = new QuickEdit(grid, service, this::refresh);
        addClassName("view");
        setSizeFull();

        HorizontalLayout header = new HorizontalLayout(new H2("Apparatus"), actions);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        // the tools wrap onto a second line rather than run off a 1400 px screen
        header.setWidthFull();
        header.setFlexGrow(1, actions);

        columns = new ApparatusColumns(grid, clock);
        columnsMenu = new ColumnsMenu(columns, columnChoices);
        filters.add(columnsMenu);
        grid.setSizeFull();
        grid.setMultiSort(true, true);
        grid.addSortListener(e -> sort = toSort(e.getSortOrder()));
        add(header, syncSummary, filters, quickEdit.savingState(), grid);
    }

    /**
     * The grid showing only the apparatus in this fleet condition, exactly those the Overview counts:
     * {@code apparatus?show=not-reporting}. Link to it with {@link #link(String, QueryParameters)}.
     */
    public static QueryParameters filteredBy(FleetCondition condition) {
        return FilterAddress.of(ApparatusFilter.none().withCondition(condition));
    }

    /** The grid showing only the apparatus in this status: {@code apparatus?status=OUT_OF_SERVICE}. */
    public static QueryParameters filteredBy(ApparatusStatus status) {
        return FilterAddress.of(ApparatusFilter.none().withStatus(status));
    }

    /** A link to the grid filtered so: {@code ApparatusView.link("2 not reporting", filteredBy(NOT_REPORTING))}. */
    public static RouterLink link(String text, QueryParameters filter) {
        RouterLink link = new RouterLink(text, ApparatusView.class);
        link.setQueryParameters(filter);
        return link;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var oldBookmark = event.getLocation().getQueryParameters().getSingleParameter(EDIT_PARAMETER)
                .filter(id -> id.matches("\\d{1,18}"));
        if (oldBookmark.isPresent()) {
            event.forwardTo(ApparatusPageView.class, ApparatusPageView.parameters(Long.parseLong(oldBookmark.get())));
            return;
        }
        showAddressedFilter(event.getLocation().getQueryParameters());
    }

    /** The address holds the filter: the grid shows what it asks for, whether bookmarked, linked or chosen here. */
    private void showAddressedFilter(QueryParameters parameters) {
        List<String> stations = service.stations();
        filters.setStations(stations);
        ApparatusFilter addressed = FilterAddress.read(parameters, stations);
        if (!addressed.equals(filter)) {
            filter = addressed;
            filters.show(addressed);
            refresh();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        DisplayPreferences display = preferences.display();
        columns.useDisplay(display);
        if (!editingSetUp) {
            editingSetUp = true;
            editable = service.mayEdit();
            columnsMenu.load(editable);
            setUpEditing();
        }
        grid.setItemsPageable(pageable -> service.page(filter, pageable), pageable -> service.count(filter));
        syncSummary.show(integrationStatus.summary(), display);
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
        HorizontalLayout tools = new HorizontalLayout(pageButton("Edit", row, true), quickEdit.buttonFor(row));
        tools.setSpacing(false);
        tools.addClassName("row-tools");
        return tools;
    }

    /** Opens the apparatus' page; "Edit" opens its edit form there. */
    private static Button pageButton(String text, ApparatusRow row, boolean edit) {
        Button open = new Button(text, e -> ApparatusPageView.open(row.getId(), edit));
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
        return open;
    }

    /** A filter chosen in the bar goes into the address, which filters the grid ({@link #beforeEnter}). */
    private void filterChanged(ApparatusFilter changed) {
        getUI().ifPresent(ui -> ui.navigate(ApparatusView.class, FilterAddress.of(changed)));
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
