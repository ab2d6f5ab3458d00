package com.rigsync.apparatus.ui;

import java.util.List;

import com.rigsync.apparatus.ApparatusFilter;
import com.rigsync.apparatus.ApparatusStatus;
import com.rigsync.apparatus.ApparatusType;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.SerializableConsumer;

/** The filters above the apparatus grid: text, station, type, status and "not linked"; each change filters at once. */
class ApparatusFilterBar extends HorizontalLayout {

    private final TextField search = new TextField();
    private final ComboBox<String> station = new ComboBox<>("Station");
    private final ComboBox<ApparatusType> type = new ComboBox<>("Type");
    private final ComboBox<ApparatusStatus> status = new ComboBox<>("Status");
    private final Checkbox notLinked = new Checkbox("Not linked to Samsara");
    private final SerializableConsumer<ApparatusFilter> onChange;

    ApparatusFilterBar(SerializableConsumer<ApparatusFilter> onChange) {
        this.onChange = onChange;
        search.setPlaceholder("Unit, VIN, make, plate, Samsara ID…");
        search.setAriaLabel("Search");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filterChanged());
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
        add(search, station, type, status, notLinked);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
    }

    /** The department's stations to choose from, read by the view when it is attached. */
    void setStations(List<String> stations) {
        station.setItems(stations);
    }

    private void filterChanged() {
        onChange.accept(new ApparatusFilter(search.getValue(), station.getValue(), type.getValue(), status.getValue(),
                notLinked.getValue()));
    }
}
