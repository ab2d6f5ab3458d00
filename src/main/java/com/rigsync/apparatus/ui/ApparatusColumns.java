package com.rigsync.apparatus.ui;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.rigsync.apparatus.ApparatusRow;
import com.rigsync.apparatus.ColumnChoice;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.department.FleetThresholds;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.function.ValueProvider;

/**
 * The apparatus grid's columns ({@link ApparatusColumn}): what each shows and sorts by, in the department's units and
 * time zone. What needs attention stands out through a cell part the stylesheet colours: a warning lamp on, low fuel
 * and a last reading older than the department's "not reporting" threshold.
 */
class ApparatusColumns implements Serializable {

    private final Grid<ApparatusRow> grid;
    private final transient Clock clock;
    private final Map<ApparatusColumn, Grid.Column<ApparatusRow>> columns = new EnumMap<>(ApparatusColumn.class);
    /** The department's units and time zone, and its thresholds, read when the view is attached. */
    private DisplayPreferences display = DisplayPreferences.CLIENT_SUCCESS;
    private FleetThresholds thresholds = FleetThresholds.DEFAULT;

    ApparatusColumns(Grid<ApparatusRow> grid, Clock clock) {
        this.grid = grid;
        this.clock = clock;
        addColumns();
    }

    /** The department's units, time zone and thresholds, which the cells follow from the next rows drawn. */
    void useDepartments(DisplayPreferences newDisplay, FleetThresholds newThresholds) {
        this.display = newDisplay;
        this.thresholds = newThresholds;
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

    private void addColumns() {
        var unit = add(ApparatusColumn.UNIT, ApparatusRow::getUnitName, "unitName").setFrozen(true);
        add(ApparatusColumn.STATUS, r -> r.getStatus().label() + (r.getStatusReason() == null ? ""
                : ": " + r.getStatusReason()), "status").setAutoWidth(false).setWidth("11em")
                .setTooltipGenerator(r -> r.getStatusReason());
        add(ApparatusColumn.STATION, ApparatusRow::getStation, "station");
        add(ApparatusColumn.ODOMETER, r -> r.getOdometerMeters() == null ? ""
                : display.distance(r.getOdometerMeters().doubleValue()), "odometerMeters")
                .setTextAlign(ColumnTextAlign.END);
        add(ApparatusColumn.ENGINE_HOURS, r -> TelemetryFormats.engineHours(r.getEngineSeconds()), "engineSeconds")
                .setTextAlign(ColumnTextAlign.END);
        add(ApparatusColumn.FUEL, r -> TelemetryFormats.fuel(r.getFuelPercent()), "fuelPercent")
                .setTextAlign(ColumnTextAlign.END).setPartNameGenerator(r -> lowOnFuel(r) ? "low-fuel" : null);
        add(ApparatusColumn.FAULTS, r -> TelemetryFormats.faults(r.getActiveFaultCount(), r.getWarningLamps()),
                "faults").setAutoWidth(false).setWidth("12em")
                .setPartNameGenerator(r -> r.getWarningLamps() == null ? null : "warning-lamp")
                .setTooltipGenerator(ApparatusRow::getFaultSummary);
        add(ApparatusColumn.LAST_READING, this::lastReading, "readAt")
                .setPartNameGenerator(r -> silent(r) ? "silent" : null);
        add(ApparatusColumn.ENGINE_STATE, ApparatusRow::getEngineState, "engineState");
        add(ApparatusColumn.LOCATION, r -> TelemetryFormats.location(r.getAddress(), r.getLatitude(),
                r.getLongitude()), "location").setAutoWidth(false).setWidth("16em")
                .setTooltipGenerator(r -> TelemetryFormats.location(r.getAddress(), r.getLatitude(), r.getLongitude()));
        add(ApparatusColumn.TYPE, r -> r.getType().label(), "type");
        add(ApparatusColumn.VIN, ApparatusRow::getVin, "vin");
        add(ApparatusColumn.MAKE, ApparatusRow::getMake, "make");
        add(ApparatusColumn.MODEL, ApparatusRow::getModel, "model");
        add(ApparatusColumn.YEAR, ApparatusRow::getModelYear, "modelYear");
        add(ApparatusColumn.PLATE, ApparatusRow::getPlate, "plate");
        add(ApparatusColumn.SAMSARA_ID, ApparatusRow::getSamsaraVehicleId, "samsaraVehicleId");
        add(ApparatusColumn.LINK_STATE, ApparatusRow::linkState, "linkState");
        add(ApparatusColumn.LAST_SYNCED, r -> display.dateTime(r.getSyncedAt()), "syncedAt");
        grid.sort(List.of(new GridSortOrder<>(unit, SortDirection.ASCENDING)));
    }

    private Grid.Column<ApparatusRow> add(ApparatusColumn column, ValueProvider<ApparatusRow, ?> value,
                                          String sortProperty) {
        Grid.Column<ApparatusRow> added = grid.addColumn(value).setHeader(column.header()).setKey(column.key())
                .setSortProperty(sortProperty).setAutoWidth(true);
        columns.put(column, added);
        return added;
    }

    /** The reading time and its age; a linked apparatus that never reported says so. */
    private String lastReading(ApparatusRow row) {
        if (row.getReadAt() == null) {
            return row.getSamsaraVehicleId() == null ? "" : "No reading yet";
        }
        return TelemetryFormats.readingTime(row.getReadAt(), display, clock.instant());
    }

    /** Linked and without a reading for longer than the department's "not reporting" threshold. */
    private boolean silent(ApparatusRow row) {
        if (row.getSamsaraVehicleId() == null) {
            return false;
        }
        Instant readAt = row.getReadAt();
        return readAt == null || readAt.isBefore(clock.instant().minus(Duration.ofHours(
                thresholds.notReportingHours())));
    }

    private boolean lowOnFuel(ApparatusRow row) {
        BigDecimal fuel = row.getFuelPercent();
        return fuel != null && fuel.compareTo(BigDecimal.valueOf(thresholds.lowFuelPercent())) < 0;
    }
}
