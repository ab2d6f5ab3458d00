package com.rigsync.apparatus.ui;

import java.util.EnumMap;
import java.util.Map;

import com.rigsync.apparatus.ColumnChoice;
import com.rigsync.apparatus.ColumnChoices;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;

/**
 * The "Columns" drop-down over the apparatus grid: a check per column and "Reset to defaults". A change
 * shows at once and is kept for the person ({@link ColumnChoices}), so their grid looks the same when they sign in
 * again; until they choose, their role's defaults ({@link ApparatusColumn}) apply.
 */
class ColumnsMenu extends Composite<MenuBar> {

    private final transient ColumnChoices choices;
    private final ApparatusColumns columns;
    private final Map<ApparatusColumn, MenuItem> items = new EnumMap<>(ApparatusColumn.class);
    private boolean editor;

    ColumnsMenu(ApparatusColumns columns, ColumnChoices choices) {
        this.columns = columns;
        this.choices = choices;
        MenuBar bar = getContent();
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_DROPDOWN_INDICATORS);
        MenuItem button = bar.addItem(new Span(VaadinIcon.GRID_SMALL.create(), new Text(" Columns")));
        button.setAriaLabel("Columns");
        button.setTooltipText("Choose the columns you see; your choice is kept for you");
        SubMenu menu = button.getSubMenu();
        // first, so it never scrolls out of reach below the long list
        menu.addItem("Reset to defaults", e -> reset());
        menu.addSeparator();
        for (ApparatusColumn column : ApparatusColumn.values()) {
            if (column.choosable()) {
                MenuItem item = menu.addItem(column.header(), e -> chosen(column, e.getSource().isChecked()));
                item.setCheckable(true);
                item.setKeepOpen(true);
                items.put(column, item);
            }
        }
    }

    /** Shows the person's columns: their role's defaults ({@code asEditor}: administrators and data managers) and
     * their own choice. */
    void load(boolean asEditor) {
        this.editor = asEditor;
        columns.show(choices.mine().orElse(ColumnChoice.NONE), editor);
        showChecks();
    }

    private void chosen(ApparatusColumn column, boolean shown) {
        columns.column(column).setVisible(shown);
        choices.keep(columns.choice(editor));
    }

    private void reset() {
        choices.reset();
        columns.show(ColumnChoice.NONE, editor);
        showChecks();
    }

    private void showChecks() {
        items.forEach((column, item) -> item.setChecked(columns.isShown(column)));
    }
}
