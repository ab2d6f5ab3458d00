package com.rigsync.apparatus.ui;

import java.util.List;

import com.rigsync.audit.AuditEntry;
import com.rigsync.base.ui.DisplayPreferences;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

/** The apparatus page's change history: who changed which field, from what, to what, and when; newest first. */
class ChangeHistorySection extends Div {

    ChangeHistorySection(List<AuditEntry> history, DisplayPreferences display) {
        add(new H3("Change history"));
        setId("apparatus-history");
        addClassName("apparatus-section");
        if (history.isEmpty()) {
            add(new Paragraph("No changes recorded yet."));
            return;
        }
        Grid<AuditEntry> grid = new Grid<>();
        grid.addColumn(e -> display.dateTime(e.at())).setHeader("When").setKey("when").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Who").setKey("who").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.action().label()).setHeader("What").setKey("what").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::detail).setHeader("Changes").setKey("changes").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(history);
        grid.setAllRowsVisible(history.size() <= 10);
        if (history.size() > 10) {
            grid.setHeight("24rem");
        }
        add(grid);
    }
}
