package com.rigsync.apparatus.ui;

import java.io.Serializable;

import com.rigsync.apparatus.ApparatusRefusedException;
import com.rigsync.apparatus.ApparatusRow;
import com.rigsync.apparatus.ApparatusService;
import com.rigsync.apparatus.ApparatusStatus;
import com.rigsync.apparatus.ApparatusType;
import com.rigsync.apparatus.ChangedMeanwhileException;
import com.rigsync.base.ui.BackgroundAnswer;
import com.rigsync.base.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.editor.Editor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.function.SerializableRunnable;

/**
 * Quick edit in the apparatus grid: every field people edit (unit, type, station, status and reason, VIN, make, model,
 * year, plate, Samsara ID), in the row, with a buffered binder, so nothing is saved until Save row (or Enter), and
 * Cancel row (or Escape) drops the changes. The keyboard works as in a spreadsheet: arrow keys move between rows,
 * Enter edits the focused row, Tab goes to the next field, Enter saves, Escape cancels.
 */
class QuickEdit implements Serializable {

    private final Grid<ApparatusRow> grid;
    private final transient ApparatusService service;
    private final SerializableRunnable refresh;
    /** The row save waiting for Samsara (a new Samsara ID is checked first): a running bar and Cancel. */
    private final AskingSamsara saving = new AskingSamsara(this::cancelSave);
    private final BackgroundAnswer answer;
    /** The row that has the keyboard focus in the grid, which Enter opens. */
    private ApparatusRow focused;
    private String savingUnit;

    QuickEdit(Grid<ApparatusRow> grid, ApparatusService service, SerializableRunnable refresh) {
        this.grid = grid;
        this.service = service;
        this.refresh = refresh;
        this.answer = new BackgroundAnswer(grid, "Saving the row", working -> {
            if (working) {
                saving.show("Saving " + savingUnit + " (a new Samsara ID is checked with Samsara first)…");
            } else {
                saving.hide();
            }
        }, Notifications::error);
    }

    /** What the screen shows while a row save waits, with its Cancel; the view places it above the grid. */
    Component savingState() {
        return saving;
    }

    /** Puts the editor's fields into the grid's columns; the grid needs its "actions" column first. */
    void setUp() {
        Editor<ApparatusRow> editor = grid.getEditor();
        Binder<ApparatusRow> binder = new Binder<>(ApparatusRow.class);
        editor.setBinder(binder);
        editor.setBuffered(true);

        TextField unitField = textField("Unit name");
        binder.forField(unitField).asRequired("Enter the unit name, such as Engine 1.")
                .bind(ApparatusRow::getUnitName, ApparatusRow::setUnitName);
        grid.getColumnByKey("unit").setEditorComponent(unitField);

        ComboBox<ApparatusType> typeField = new ComboBox<>();
        typeField.setAriaLabel("Type");
        typeField.setItems(ApparatusType.values());
        typeField.setItemLabelGenerator(ApparatusType::label);
        typeField.setWidthFull();
        binder.forField(typeField).asRequired("Choose the type of apparatus.")
                .bind(ApparatusRow::getType, ApparatusRow::setType);
        grid.getColumnByKey("type").setEditorComponent(typeField);

        TextField vinField = textField("VIN");
        binder.forField(vinField).bind(ApparatusRow::getVin, ApparatusRow::setVin);
        grid.getColumnByKey("vin").setEditorComponent(vinField);
        TextField makeField = textField("Make");
        binder.forField(makeField).bind(ApparatusRow::getMake, ApparatusRow::setMake);
        grid.getColumnByKey("make").setEditorComponent(makeField);
        TextField modelField = textField("Model");
        binder.forField(modelField).bind(ApparatusRow::getModel, ApparatusRow::setModel);
        grid.getColumnByKey("model").setEditorComponent(modelField);

        IntegerField yearField = new IntegerField();
        yearField.setAriaLabel("Year");
        yearField.setWidthFull();
        binder.forField(yearField)
                .withValidator(y -> y == null || (y >= 1900 && y <= service.latestModelYear()),
                        "Enter a model year from 1900 to next year.")
                .bind(ApparatusRow::getModelYear, ApparatusRow::setModelYear);
        grid.getColumnByKey("year").setEditorComponent(yearField);

        TextField stationField = new TextField();
        stationField.setAriaLabel("Station");
        stationField.setWidthFull();
        binder.forField(stationField).bind(ApparatusRow::getStation, ApparatusRow::setStation);
        grid.getColumnByKey("station").setEditorComponent(stationField);

        TextField plateField = new TextField();
        plateField.setAriaLabel("Plate");
        plateField.setWidthFull();
        binder.forField(plateField).bind(ApparatusRow::getPlate, ApparatusRow::setPlate);
        grid.getColumnByKey("plate").setEditorComponent(plateField);

        ComboBox<ApparatusStatus> statusField = new ComboBox<>();
        statusField.setAriaLabel("Status");
        statusField.setItems(ApparatusStatus.values());
        statusField.setItemLabelGenerator(ApparatusStatus::label);
        TextField reasonField = new TextField();
        reasonField.setAriaLabel("Reason out of service");
        reasonField.setPlaceholder("Reason");
        statusField.addValueChangeListener(e -> reasonField.setVisible(e.getValue() == ApparatusStatus.OUT_OF_SERVICE));
        binder.forField(statusField).asRequired("Choose the status.")
                .bind(ApparatusRow::getStatus, ApparatusRow::setStatus);
        binder.forField(reasonField)
                .withValidator(reason -> statusField.getValue() != ApparatusStatus.OUT_OF_SERVICE
                        || (reason != null && !reason.isBlank()), "Say why it is out of service.")
                .bind(ApparatusRow::getStatusReason, ApparatusRow::setStatusReason);
        grid.getColumnByKey("status").setEditorComponent(new HorizontalLayout(statusField, reasonField));

        TextField samsaraField = new TextField();
        samsaraField.setAriaLabel("Samsara ID");
        samsaraField.setAllowedCharPattern("[0-9]");
        samsaraField.setWidthFull();
        binder.forField(samsaraField)
                .withValidator(id -> id == null || id.isBlank() || id.strip().matches("\\d{1,30}"),
                        "A Samsara ID is digits only.")
                .bind(ApparatusRow::getSamsaraVehicleId, ApparatusRow::setSamsaraVehicleId);
        grid.getColumnByKey("samsaraId").setEditorComponent(samsaraField);

        // icons: the row tools column is only as wide as Edit and the pencil (the grid's layout at 1400 px)
        Button save = new Button(VaadinIcon.CHECK.create(), e -> editor.save());
        save.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ICON);
        save.setAriaLabel("Save row");
        save.setTooltipText("Save row (Enter)");
        Button cancel = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> editor.cancel());
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        cancel.setAriaLabel("Cancel row");
        cancel.setTooltipText("Cancel row (Escape)");
        HorizontalLayout rowTools = new HorizontalLayout(save, cancel);
        rowTools.setSpacing(false);
        grid.getColumnByKey("actions").setEditorComponent(rowTools);
        // the keyboard goes on in the row's first field
        editor.addOpenListener(e -> unitField.focus());

        editor.addSaveListener(e -> saveRow(e.getItem()));
        setUpKeyboard(editor);
    }

    private static TextField textField(String label) {
        TextField field = new TextField();
        field.setAriaLabel(label);
        field.setWidthFull();
        return field;
    }

    /**
     * The grid moves its focus between rows with the arrow keys by itself; Enter opens the focused row (or saves the
     * open one) and Escape cancels. Tab between the row's fields is the browser's own.
     */
    private void setUpKeyboard(Editor<ApparatusRow> editor) {
        grid.addCellFocusListener(e -> focused = e.getItem().orElse(null));
        // keydown bubbles up from the editor's fields to the grid, so one listener serves both states
        grid.getElement().addEventListener("keydown", e -> {
            String key = e.getEventData().path("event.key").asString("");
            if ("Escape".equals(key) && editor.isOpen()) {
                editor.cancel();
            } else if ("Enter".equals(key) && editor.isOpen()) {
                editor.save();
            } else if ("Enter".equals(key) && focused != null) {
                editor.editItem(focused);
            }
        }).addEventData("event.key").setFilter("event.key === 'Enter' || event.key === 'Escape'");
    }

    /** The pencil in a row's actions: opens that row for quick edit, closing any other. */
    Button buttonFor(ApparatusRow row) {
        Button quick = new Button(VaadinIcon.PENCIL.create(), e -> {
            if (grid.getEditor().isOpen()) {
                grid.getEditor().cancel();
            }
            grid.getEditor().editItem(row);
        });
        quick.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
        quick.setAriaLabel("Quick edit " + row.getUnitName());
        quick.setTooltipText("Quick edit in the grid");
        return quick;
    }

    /**
     * Saved in the background: a new Samsara ID is checked with Samsara first, which may be slow, so the screen shows
     * a running bar with Cancel meanwhile and keeps answering.
     */
    private void saveRow(ApparatusRow row) {
        savingUnit = row.getUnitName();
        answer.await(service.saveInlineInBackground(row), saved -> {
            Notifications.success(saved.getUnitName() + " saved.");
            // the row shows what the database holds
            refresh.run();
        }, cause -> {
            if (cause instanceof ChangedMeanwhileException || cause instanceof ApparatusRefusedException
                    || cause instanceof IllegalStateException) {
                Notifications.error(cause.getMessage());
            } else {
                Notifications.error("Saving " + row.getUnitName() + " failed unexpectedly; nothing was saved. "
                        + "Try again.");
            }
            refresh.run();
        });
    }

    /** Stops waiting; a save still checking with Samsara writes nothing after its check. */
    private void cancelSave() {
        answer.cancel();
        Notifications.error("Cancelled: " + savingUnit + " was not saved.");
        refresh.run();
    }
}
