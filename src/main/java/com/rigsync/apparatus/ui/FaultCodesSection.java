package com.rigsync.apparatus.ui;

import java.time.Duration;
import java.time.Instant;

import com.rigsync.apparatus.ActiveFaultCode;
import com.rigsync.apparatus.ActiveFaults;
import com.rigsync.base.ui.DisplayPreferences;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The apparatus page's "Active fault codes" in plain words: the warning lamps that are on first and prominently, then
 * every code (those lighting a lamp first) with its source, what it means, its state and how often it occurred.
 */
final class FaultCodesSection extends Div {

    FaultCodesSection(ActiveFaults faults, boolean linked, DisplayPreferences display, Instant now,
                      Duration notReportingAfter) {
        setId("apparatus-faults");
        addClassName("apparatus-section");
        add(new H3("Active fault codes"));
        if (faults == null) {
            add(sentence("apparatus-faults-none", linked ? "Samsara has not sent fault codes for it yet."
                    : "Not linked to Samsara: fault codes appear once it is linked and synced."));
            return;
        }
        if (faults.warningLamps() != null) {
            Div lamps = new Div("Warning lamps on: " + faults.warningLamps());
            lamps.setId("apparatus-warning-lamps");
            lamps.addClassName("warning-lamps");
            lamps.getElement().setAttribute("role", "alert");
            add(lamps);
        }
        if (faults.codes().isEmpty()) {
            boolean saidSomething = faults.summary() != null && faults.warningLamps() == null
                    && !faults.summary().startsWith("No active fault codes");
            add(sentence("apparatus-faults-none", saidSomething ? faults.summary()
                    : faults.warningLamps() == null ? "No active fault codes."
                    : "Samsara sent no fault code with the lamps."));
        } else {
            add(sentence("apparatus-faults-count", faults.codes().size()
                    + (faults.codes().size() == 1 ? " active fault code" : " active fault codes") + ":"));
            add(grid(faults));
        }
        add(SyncedValuesSection.readTime(faults.readAt(), display, now, notReportingAfter));
    }

    private static Grid<ActiveFaultCode> grid(ActiveFaults faults) {
        Grid<ActiveFaultCode> grid = new Grid<>();
        grid.setId("apparatus-fault-codes");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(c -> c.lamps() == null ? "" : c.lamps()).setHeader("Lamps").setAutoWidth(true)
                .setFlexGrow(0).setPartNameGenerator(c -> c.lamps() == null ? null : "lamp-on");
        grid.addColumn(c -> c.source().label()).setHeader("Source").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ActiveFaultCode::code).setHeader("Code").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.description() == null ? "No description from Samsara" : c.description())
                .setHeader("What it means").setFlexGrow(3);
        grid.addColumn(c -> c.state() == null ? "" : c.state()).setHeader("State").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> c.occurrenceCount() == null ? "" : String.valueOf(c.occurrenceCount()))
                .setHeader("Occurrences").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(faults.codes());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Paragraph sentence(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        return p;
    }
}
