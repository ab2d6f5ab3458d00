package com.rigsync.apparatus.ui;

import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.rigsync.apparatus.ApparatusRow;
import com.rigsync.apparatus.ColumnChoice;
import com.rigsync.base.ui.DisplayPreferences;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.function.ValueProvider;

/**
 * The apparatus grid's columns ({@link ApparatusColumn}): what each shows and sorts by, in the department's units and
 * time zone. What needs attention stands out through a cell part the stylesheet colours: a warning lamp on, and the
 * rows the Overview counts as low on fuel or not reporting.
 */
class ApparatusColumns implements Serializable {

    private final Grid<ApparatusRow> grid;
    private final transient Clock clock;
    private final Map<ApparatusColumn, Grid.Column<ApparatusRow>> columns = new EnumMap<>(ApparatusColumn.class);
    /** The department's units and time zone, read when the view is attached. */
    private DisplayPreferences display = DisplayPreferences.CLIENT_SUCCESS;

    ApparatusColumns(Grid<ApparatusRow> grid, Clock clock) {
        this.grid = grid;
        this.clock = clock;
        grid.addClassName("apparatus-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No apparatus match these filters.");
        addColumns();
    }

    /** The department's units and time zone, which the cells follow from the next rows drawn. */
    void useDisplay(DisplayPreferences newDisplay) {
        this.display = newDisplay;
    }

    Grid.Column<ApparatusRow> column(ApparatusColumn column) {
        return columns.get(column);
    }

    boolean isShown(ApparatusColumn column) {
        return columns.get(column).isVisible();
    }

    /**
     * Shows what an administrator or data manager ({@code editor}) or a member sees until they choose, changed by
     * their choice; keys the grid no longer knows are ignored, and the unit always stays.
     */
    void show(ColumnChoice choice, boolean editor) {
        columns.forEach((column, gridColumn) -> gridColumn.setVisible(!column.choosable()
                || choice.shown().contains(column.key())
                || (column.shownByDefault(editor) && !choice.hidden().contains(column.key()))));
    }

    /** What is shown now, as a choice against the role's defaults: only what differs from them is kept. */
    ColumnChoice choice(boolean editor) {
        List<String> shown = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        columns.forEach((column, gridColumn) -> {
            if (column.choosable() && gridColumn.isVisible() != column.shownByDefault(editor)) {
                (gridColumn.isVisible() ? shown : hidden).add(column.key());
            }
        });
        return new ColumnChoice(shown, hidden);
    }

    /**
     * Widths in the grid's own font size, so what a department checks daily fits beside the row tools on a
     * 1400-pixel screen; longer values end in "…" and show whole in a tooltip.
     */
    private void addColumns() {
        var unit = add(ApparatusColumn.UNIT, ApparatusRow::getUnitName, "unitName", null).setFrozen(true);
        add(ApparatusColumn.STATUS, ApparatusColumns::status, "status", "7.5rem")
                .setTooltipGenerator(ApparatusColumns::status);
        add(ApparatusColumn.STATION, ApparatusRow::getStation, "station", "6rem")
                .setTooltipGenerator(ApparatusRow::getStation);
        add(ApparatusColumn.ODOMETER, r -> r.getOdometerMeters() == null ? ""
                : display.distance(r.getOdometerMeters().doubleValue()), "odometerMeters", "7rem")
                .setTextAlign(ColumnTextAlign.END);
        add(ApparatusColumn.ENGINE_HOURS, r -> TelemetryFormats.engineHours(r.getEngineSeconds()), "engineSeconds",
                "7.5rem").setTextAlign(ColumnTextAlign.END);
        add(ApparatusColumn.FUEL, r -> TelemetryFormats.fuel(r.getFuelPercent()), "fuelPercent", "4.5rem")
                .setTextAlign(ColumnTextAlign.END).setPartNameGenerator(r -> r.isLowOnFuel() ? "low-fuel" : null);
        add(ApparatusColumn.FAULTS, r -> TelemetryFormats.faults(r.getActiveFaultCount(), r.getWarningLamps()),
                "faults", "8rem").setPartNameGenerator(r -> r.getWarningLamps() == null ? null : "warning-lamp")
                .setTooltipGenerator(ApparatusRow::getFaultSummary);
        add(ApparatusColumn.LAST_READING, this::lastReading, "readAt", "15rem")
                .setPartNameGenerator(r -> r.isNotReporting() ? "silent" : null)
                .setTooltipGenerator(r -> TelemetryFormats.readingTime(r.getReadAt(), display, clock.instant()));
        add(ApparatusColumn.ENGINE_STATE, ApparatusRow::getEngineState, "engineState", "7rem");
        add(ApparatusColumn.LOCATION, ApparatusColumns::location, "location", "16rem")
                .setTooltipGenerator(ApparatusColumns::location);
        add(ApparatusColumn.TYPE, r -> r.getType().label(), "type", null);
        add(ApparatusColumn.VIN, ApparatusRow::getVin, "vin", "12rem");
        add(ApparatusColumn.MAKE, ApparatusRow::getMake, "make", null);
        add(ApparatusColumn.MODEL, ApparatusRow::getModel, "model", null);
        add(ApparatusColumn.YEAR, ApparatusRow::getModelYear, "modelYear", "4.5rem");
        add(ApparatusColumn.PLATE, ApparatusRow::getPlate, "plate", null);
        add(ApparatusColumn.SAMSARA_ID, ApparatusRow::getSamsaraVehicleId, "samsaraVehicleId", "10.5rem");
        add(ApparatusColumn.LINK_STATE, ApparatusRow::linkState, "linkState", null);
        add(ApparatusColumn.LAST_SYNCED, r -> display.dateTime(r.getSyncedAt()), "syncedAt", "11.5rem");
        grid.sort(List.of(new GridSortOrder<>(unit, SortDirection.ASCENDING)));
    }

    /** A column {@code width} wide, or as wide as its values when null. */
    private Grid.Column<ApparatusRow> add(ApparatusColumn column, ValueProvider<ApparatusRow, ?> value,
                                          String sortProperty, String width) {
        Grid.Column<ApparatusRow> added = grid.addColumn(value).setHeader(column.header()).setKey(column.key())
                .setSortProperty(sortProperty).setResizable(true).setFlexGrow(0);
        if (width == null) {
            added.setAutoWidth(true);
        } else {
            added.setWidth(width);
        }
        columns.put(column, added);
        return added;
    }

    private static String status(ApparatusRow row) {
        return row.getStatus().label() + (row.getStatusReason() == null ? "" : ": " + row.getStatusReason());
    }

    private static String location(ApparatusRow row) {
        return TelemetryFormats.location(row.getAddress(), row.getLatitude(), row.getLongitude());
    }

    /** The reading time and its age; a linked apparatus that never reported says so. */
    private String lastReading(ApparatusRow row) {
        if (row.getReadAt() == null) {
            return row.getSamsaraVehicleId() == null ? "" : "No reading yet";
        }
        return TelemetryFormats.shortReadingTime(row.getReadAt(), display, clock.instant());
    }
}
