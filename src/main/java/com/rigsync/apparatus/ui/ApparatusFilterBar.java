package com.rigsync.apparatus.ui;

import java.util.List;
import java.util.Objects;

import com.rigsync.apparatus.ApparatusFilter;
import com.rigsync.apparatus.ApparatusStatus;
import com.rigsync.apparatus.ApparatusType;
import com.rigsync.apparatus.FleetCondition;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * The filters above the apparatus grid: text, what to show (a fleet condition), station, type, status and "not
 * linked". Each change a person makes is handed on at once; {@link #show} puts a filter from the address into the
 * fields without handing it back.
 */
class ApparatusFilterBar extends HorizontalLayout {

    private final TextField search = new TextField();
    private final Select<FleetCondition> condition = new Select<>();
    private final ComboBox<String> station = new ComboBox<>("Station");
    private final ComboBox<ApparatusType> type = new ComboBox<>("Type");
    private final ComboBox<ApparatusStatus> status = new ComboBox<>("Status");
    private final Checkbox notLinked = new Checkbox("Not linked to Samsara");
    private final SerializableConsumer<ApparatusFilter> onChange;
    private List<String> stations = List.of();
    /** Set while the fields are filled from the address, so that is not taken for a person's change. */
    private boolean showing;

    ApparatusFilterBar(SerializableConsumer<ApparatusFilter> onChange) {
        this.onChange = onChange;
        search.setPlaceholder("Unit, VIN, make, plate, Samsara ID…");
        search.setAriaLabel("Search");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setMaxLength(FilterAddress.MAX_SEARCH);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filterChanged());
        condition.setLabel("Show");
        condition.setItems(FleetCondition.values());
        condition.setEmptySelectionAllowed(true);
        condition.setEmptySelectionCaption("All");
        condition.setItemLabelGenerator(c -> c == null ? "All" : c.label());
        condition.addValueChangeListener(e -> filterChanged());
        station.setClearButtonVisible(true);
        station.addValueChangeListener(e -> filterChanged());
        type.setItems(ApparatusType.values());
        type.setItemLabelGenerator(ApparatusType::label);
        type.setClearButtonVisible(true);
        type.addValueChangeListener(e -> filterChanged());
        status.setItems(ApparatusStatus.values());
        status.setItemLabelGenerator(ApparatusStatus::label);
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> filterChanged());
        notLinked.addValueChangeListener(e -> filterChanged());
        add(search, condition, station, type, status, notLinked);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
    }

    /** The department's stations to choose from. */
    void setStations(List<String> newStations) {
        if (!newStations.equals(stations)) {
            stations = List.copyOf(newStations);
            String chosen = station.getValue();
            showing = true;
            try {
                station.setItems(stations);
                station.setValue(chosen != null && stations.contains(chosen) ? chosen : null);
            } finally {
                showing = false;
            }
        }
    }

    /** Fills the fields with the filter (from the address) without handing it back as a change. */
    void show(ApparatusFilter filter) {
        showing = true;
        try {
            if (!Objects.equals(textOf(search.getValue()), filter.text())) {
                search.setValue(filter.text() == null ? "" : filter.text());
            }
            condition.setValue(filter.condition());
            station.setValue(filter.station());
            type.setValue(filter.type());
            status.setValue(filter.status());
            notLinked.setValue(filter.notLinkedOnly());
        } finally {
            showing = false;
        }
    }

    private void filterChanged() {
        if (!showing) {
            onChange.accept(new ApparatusFilter(textOf(search.getValue()), station.getValue(), type.getValue(),
                    status.getValue(), notLinked.getValue(), condition.getValue()));
        }
    }

    /** What the search field filters by: its text as typed, or nothing when blank. */
    private static String textOf(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
