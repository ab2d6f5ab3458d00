package com.rigsync.apparatus.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.rigsync.apparatus.ApparatusFilter;
import com.rigsync.apparatus.ApparatusRefusedException;
import com.rigsync.apparatus.ApparatusRow;
import com.rigsync.apparatus.ApparatusStatus;
import com.rigsync.apparatus.ApparatusType;
import com.rigsync.apparatus.BulkChange;
import com.rigsync.apparatus.BulkEditPreview;
import com.rigsync.apparatus.BulkEditReceipt;
import com.rigsync.apparatus.BulkEditService;
import com.rigsync.apparatus.BulkField;
import com.rigsync.apparatus.BulkSelection;
import com.rigsync.base.ui.Notifications;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * "Edit selected": the fields to set (each ticked to take part), the apparatus it applies to (the grid's selection or
 * everything its filter matches), a preview of what changes and what is refused and why, then Apply, all or none.
 * Changing anything after a preview asks for a new one.
 */
class BulkEditDialog extends Dialog {

    private static final String SELECTED = "selected";
    private static final String MATCHING = "matching";

    private final transient BulkEditService service;
    private final transient SerializableConsumer<BulkEditReceipt> onApplied;
    private final List<BulkSelection.Picked> picked;
    private final ApparatusFilter filter;
    private final RadioButtonGroup<String> scope = new RadioButtonGroup<>("Change");
    private final Map<BulkField, Checkbox> ticks = new EnumMap<>(BulkField.class);
    private final ComboBox<String> station = new ComboBox<>();
    private final Select<ApparatusStatus> status = new Select<>();
    private final TextField reason = new TextField();
    private final Select<ApparatusType> type = new Select<>();
    private final TextField make = new TextField();
    private final TextField model = new TextField();
    private final IntegerField year = new IntegerField();
    private final Div message = new Div();
    private final Grid<Line> lines = new Grid<>();
    private final Checkbox leaveRefused = new Checkbox();
    private final Button previewButton = new Button("Preview");
    private final Button apply = new Button("Apply");
    private BulkEditPreview preview;

    /** A row of the preview: an apparatus and what happens to it. */
    record Line(String unitName, String outcome, String detail) {
    }

    BulkEditDialog(BulkEditService service, List<ApparatusRow> selected, ApparatusFilter filter, long matching,
                   List<String> stations, SerializableConsumer<BulkEditReceipt> onApplied) {
        this.service = service;
        this.onApplied = onApplied;
        this.filter = filter;
        this.picked = selected.stream().map(r -> new BulkSelection.Picked(r.getId(), r.getVersion(),
                r.getUnitName())).toList();
        setHeaderTitle("Edit selected");
        setWidth("min(64rem, 100%)");
        addClassName("bulk-edit");

        List<String> scopes = new ArrayList<>();
        if (!picked.isEmpty()) {
            scopes.add(SELECTED);
        }
        scopes.add(MATCHING);
        scope.setItems(scopes);
        scope.setItemLabelGenerator(key -> SELECTED.equals(key) ? "The " + count(picked.size()) + " selected"
                : "All " + count(matching) + " that match the filter");
        scope.setValue(scopes.getFirst());
        scope.addValueChangeListener(e -> stale());

        station.setLabel("New station");
        status.setLabel("New status");
        reason.setLabel("Reason out of service");
        type.setLabel("New type");
        make.setLabel("New make");
        model.setLabel("New model");
        year.setLabel("New year");
        station.setItems(stations);
        station.setAllowCustomValue(true);
        station.addCustomValueSetListener(e -> station.setValue(e.getDetail()));
        station.setPlaceholder("Leave empty to clear");
        status.setItems(ApparatusStatus.values());
        status.setItemLabelGenerator(ApparatusStatus::label);
        reason.setHelperText("Left empty, apparatus already out of service keep their reason");
        type.setItems(ApparatusType.values());
        type.setItemLabelGenerator(ApparatusType::label);
        make.setPlaceholder("Leave empty to clear");
        model.setPlaceholder("Leave empty to clear");
        year.setPlaceholder("Leave empty to clear");

        FormLayout fields = new FormLayout();
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 2));
        fields.add(field(BulkField.STATION, station), field(BulkField.TYPE, type),
                field(BulkField.STATUS, status, reason), field(BulkField.MAKE, make),
                field(BulkField.MODEL, model), field(BulkField.MODEL_YEAR, year));
        station.addValueChangeListener(e -> stale());
        status.addValueChangeListener(e -> stale());
        reason.addValueChangeListener(e -> stale());
        type.addValueChangeListener(e -> stale());
        make.addValueChangeListener(e -> stale());
        model.addValueChangeListener(e -> stale());
        year.addValueChangeListener(e -> stale());

        message.addClassName("bulk-edit-message");
        lines.addColumn(Line::unitName).setHeader("Unit").setKey("unit").setAutoWidth(true).setFlexGrow(0);
        lines.addColumn(Line::outcome).setHeader("Result").setKey("outcome").setAutoWidth(true).setFlexGrow(0);
        lines.addColumn(Line::detail).setHeader("What changes, or why not").setKey("detail").setFlexGrow(1);
        lines.setHeight("16rem");
        lines.setVisible(false);
        leaveRefused.setVisible(false);
        leaveRefused.addValueChangeListener(e -> updateApply());

        add(scope, fields, message, lines, leaveRefused);
        previewButton.addClickListener(e -> preview());
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> apply());
        getFooter().add(new Button("Cancel", e -> close()), previewButton, apply);
    }

    private Component field(BulkField field, Component... editors) {
        Checkbox tick = new Checkbox("Set " + field.label().toLowerCase(Locale.ROOT));
        ticks.put(field, tick);
        for (Component editor : editors) {
            ((HasEnabled) editor).setEnabled(false);
        }
        tick.addValueChangeListener(e -> {
            for (Component editor : editors) {
                ((HasEnabled) editor).setEnabled(e.getValue());
            }
            stale();
        });
        HorizontalLayout editorRow = new HorizontalLayout(editors);
        editorRow.setWidthFull();
        for (Component editor : editors) {
            editorRow.setFlexGrow(1, editor);
        }
        Div box = new Div(tick, editorRow);
        box.addClassName("bulk-edit-field");
        return box;
    }

    private BulkChange change() {
        Set<BulkField> chosen = EnumSet.noneOf(BulkField.class);
        ticks.forEach((field, tick) -> {
            if (tick.getValue()) {
                chosen.add(field);
            }
        });
        return new BulkChange(chosen, station.getValue(), status.getValue(), reason.getValue(), type.getValue(),
                make.getValue(), model.getValue(), year.getValue());
    }

    private BulkSelection selection() {
        return SELECTED.equals(scope.getValue()) ? BulkSelection.of(picked) : BulkSelection.matching(filter);
    }

    /** Whatever changed, the preview shown no longer says what Apply would do. */
    private void stale() {
        if (preview != null) {
            preview = null;
            message.setText("You changed the edit: preview again to see what it does.");
            lines.setVisible(false);
            leaveRefused.setVisible(false);
        }
        updateApply();
    }

    private void preview() {
        try {
            show(service.preview(selection(), change()));
        } catch (ApparatusRefusedException e) {
            preview = null;
            message.setText(e.getMessage());
            lines.setVisible(false);
            leaveRefused.setVisible(false);
            updateApply();
        }
    }

    private void show(BulkEditPreview shown) {
        preview = shown;
        List<String> parts = new ArrayList<>();
        parts.add(count(shown.changes().size()) + " apparatus will change");
        if (shown.unchanged() > 0) {
            parts.add(count(shown.unchanged()) + " already have these values");
        }
        if (!shown.refused().isEmpty()) {
            parts.add(count(shown.refused().size()) + " are refused (see why below)");
        }
        message.setText(String.join(", ", parts) + ". Nothing changes until you press Apply.");
        List<Line> shownLines = new ArrayList<>();
        shown.refused().forEach(r -> shownLines.add(new Line(r.unitName(), "Refused", r.why())));
        shown.changes().forEach(c -> shownLines.add(new Line(c.unitName(), "Changes", c.what())));
        lines.setItems(shownLines);
        lines.setVisible(!shownLines.isEmpty());
        leaveRefused.setLabel("Leave the " + count(shown.refused().size()) + " refused apparatus as they are and "
                + "change the others");
        leaveRefused.setValue(false);
        leaveRefused.setVisible(!shown.refused().isEmpty() && !shown.changes().isEmpty());
        updateApply();
    }

    private void updateApply() {
        boolean ready = preview != null && !preview.changes().isEmpty()
                && (preview.refused().isEmpty() || leaveRefused.getValue());
        apply.setEnabled(ready);
        apply.setText(preview == null || preview.changes().isEmpty() ? "Apply"
                : "Apply to " + count(preview.changes().size()) + " apparatus");
    }

    private void apply() {
        try {
            BulkEditReceipt receipt = service.apply(preview);
            Notifications.success(count(receipt.changed()) + " apparatus changed. \"Undo bulk change\" puts them "
                    + "back while nobody has changed them since.");
            close();
            onApplied.accept(receipt);
        } catch (ApparatusRefusedException e) {
            preview = null;
            message.setText(e.getMessage());
            lines.setVisible(false);
            leaveRefused.setVisible(false);
            updateApply();
        }
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
