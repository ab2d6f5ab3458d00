package com.rigsync.apparatus.ui;

import java.util.HashMap;
import java.util.Map;

import com.rigsync.apparatus.ApparatusDetails;
import com.rigsync.apparatus.ApparatusRefusedException;
import com.rigsync.apparatus.ApparatusService;
import com.rigsync.apparatus.ApparatusStatus;
import com.rigsync.apparatus.ApparatusType;
import com.rigsync.apparatus.ChangedMeanwhileException;
import com.rigsync.apparatus.SamsaraIdLookup;
import com.rigsync.apparatus.SamsaraLinking;
import com.rigsync.apparatus.Vin;
import com.rigsync.base.ui.BackgroundAnswer;
import com.rigsync.base.ui.Confirmation;
import com.rigsync.base.ui.Notifications;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds, edits and deletes one apparatus in a buffered form: nothing is saved until Save. The VIN is checked as it is
 * typed (warnings only, never blocking); the magnifier asks {@link SamsaraLinking} for the Samsara vehicle with the
 * same VIN, fills in the Samsara ID only for one exact match no other apparatus has, and otherwise offers the
 * vehicles with the same VIN or nearly the same to pick from. What the server refuses is shown on the field it names.
 * A save or delete over someone else's change is refused and the form reloads their version.
 */
class ApparatusForm extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(ApparatusForm.class);

    private final transient ApparatusService service;
    private final transient SamsaraLinking linking;
    private final transient Runnable onChange;
    private final Binder<ApparatusDetails> binder = new Binder<>(ApparatusDetails.class);
    private final Map<String, HasValidation> fieldsByProperty = new HashMap<>();
    private ApparatusDetails details;

    private final TextField unitName = new TextField("Unit name");
    private final ComboBox<ApparatusType> type = new ComboBox<>("Type");
    private final TextField station = new TextField("Station");
    private final TextField vin = new TextField("VIN");
    private final Div vinWarnings = new Div();
    private final TextField make = new TextField("Make");
    private final TextField model = new TextField("Model");
    private final IntegerField modelYear = new IntegerField("Year");
    private final TextField plate = new TextField("Plate");
    private final ComboBox<ApparatusStatus> status = new ComboBox<>("Status");
    private final TextField statusReason = new TextField("Reason out of service");
    private final TextField samsaraId = new TextField("Samsara ID");
    private final Div lookupResult = new Div();
    private final Div formError = new Div();
    private final BackgroundAnswer answer;
    private final AskingSamsara asking = new AskingSamsara(this::cancelWaiting);
    private final Button magnifier = new Button(VaadinIcon.SEARCH.create(), e -> lookUpSamsaraId());
    private final Button save = new Button("Save", e -> save());

    ApparatusForm(ApparatusService service, SamsaraLinking linking, ApparatusDetails details, Runnable onChange) {
        this.service = service;
        this.linking = linking;
        this.onChange = onChange;
        setHeaderTitle(details.isNew() ? "Add apparatus" : "Edit " + details.getUnitName());
        setWidth("min(48rem, 100%)");

        unitName.setPlaceholder("Engine 1");
        type.setItems(ApparatusType.values());
        type.setItemLabelGenerator(ApparatusType::label);
        station.setPlaceholder("Station 1");
        vin.setHelperText("Spaces and dashes are removed on save");
        vinWarnings.addClassName("vin-warnings");
        vinWarnings.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-error-text-color))")
                .set("font-size", "var(--lumo-font-size-s)");
        vin.addValueChangeListener(e -> showVinWarnings());
        status.setItems(ApparatusStatus.values());
        status.setItemLabelGenerator(ApparatusStatus::label);
        status.addValueChangeListener(e -> statusReason.setVisible(e.getValue() == ApparatusStatus.OUT_OF_SERVICE));
        statusReason.setPlaceholder("Pump repair");
        int nextYear = service.latestModelYear();
        modelYear.setPlaceholder("2019");

        // the magnifier: finds the Samsara vehicle with the same VIN
        magnifier.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        magnifier.setAriaLabel("Find Samsara ID by VIN");
        magnifier.setTooltipText("Find the Samsara vehicle with this VIN");
        samsaraId.setSuffixComponent(magnifier);
        samsaraId.setHelperText("Digits only; the magnifier finds it by VIN");
        samsaraId.setAllowedCharPattern("[0-9]");
        lookupResult.addClassName("samsara-lookup");
        formError.addClassName("form-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");

        binder.forField(unitName).asRequired("Enter the unit name, such as Engine 1.")
                .bind(ApparatusDetails::getUnitName, ApparatusDetails::setUnitName);
        binder.forField(type).asRequired("Choose the type of apparatus.")
                .bind(ApparatusDetails::getType, ApparatusDetails::setType);
        binder.forField(station).bind(ApparatusDetails::getStation, ApparatusDetails::setStation);
        binder.forField(vin).bind(ApparatusDetails::getVin, ApparatusDetails::setVin);
        binder.forField(make).bind(ApparatusDetails::getMake, ApparatusDetails::setMake);
        binder.forField(model).bind(ApparatusDetails::getModel, ApparatusDetails::setModel);
        binder.forField(modelYear)
                .withValidator(y -> y == null || (y >= 1900 && y <= nextYear),
                        "Enter a model year from 1900 to " + nextYear + ".")
                .bind(ApparatusDetails::getModelYear, ApparatusDetails::setModelYear);
        binder.forField(plate).bind(ApparatusDetails::getPlate, ApparatusDetails::setPlate);
        binder.forField(status).asRequired("Choose the status.")
                .bind(ApparatusDetails::getStatus, ApparatusDetails::setStatus);
        binder.forField(statusReason)
                .withValidator(reason -> status.getValue() != ApparatusStatus.OUT_OF_SERVICE
                        || (reason != null && !reason.isBlank()), "Say why it is out of service, such as \"pump "
                        + "repair\".")
                .bind(ApparatusDetails::getStatusReason, ApparatusDetails::setStatusReason);
        binder.forField(samsaraId)
                .withValidator(id -> id == null || id.isBlank() || id.strip().matches("\\d{1,30}"),
                        "A Samsara ID is digits only.")
                .bind(ApparatusDetails::getSamsaraVehicleId, ApparatusDetails::setSamsaraVehicleId);
        fieldsByProperty.putAll(Map.of("unitName", unitName, "type", type, "station", station, "vin", vin,
                "make", make, "model", model, "modelYear", modelYear, "plate", plate, "status", status,
                "statusReason", statusReason));
        fieldsByProperty.put("samsaraVehicleId", samsaraId);

        FormLayout form = new FormLayout(unitName, type, station, status, statusReason, vin, vinWarnings, make, model,
                modelYear, plate, samsaraId, lookupResult);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.setColspan(vinWarnings, 2);
        form.setColspan(lookupResult, 2);
        add(form, asking, formError);
        answer = new BackgroundAnswer(this, "Asking Samsara", this::setWorking, formError::setText);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        if (!details.isNew()) {
            Button delete = new Button("Delete", e -> confirmDelete());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.getStyle().set("margin-inline-end", "auto");
            getFooter().add(delete);
        }
        getFooter().add(cancel, save);
        load(details);
    }

    private void load(ApparatusDetails loaded) {
        this.details = loaded;
        binder.readBean(loaded);
        statusReason.setVisible(loaded.getStatus() == ApparatusStatus.OUT_OF_SERVICE);
        lookupResult.removeAll();
        formError.setText("");
        showVinWarnings();
    }

    private void showVinWarnings() {
        vinWarnings.removeAll();
        for (String warning : Vin.warnings(vin.getValue())) {
            vinWarnings.add(new Div(warning));
        }
    }

    /** While Samsara is asked (in the background), the form says so and offers Cancel; Save and the magnifier wait. */
    private void setWorking(boolean working) {
        if (!working) {
            asking.hide();
        }
        save.setEnabled(!working);
        magnifier.setEnabled(!working);
    }

    private void cancelWaiting() {
        answer.cancel();
        formError.setText("Cancelled: nothing was saved or filled in.");
    }

    private void lookUpSamsaraId() {
        lookupResult.removeAll();
        formError.setText("");
        asking.show("Asking Samsara for the vehicle with this VIN…");
        answer.await(linking.findSamsaraVehicleByVinInBackground(vin.getValue(), details.getId()),
                this::showLookup);
    }

    private void showLookup(SamsaraIdLookup result) {
        Div message = new Div(result.message());
        message.addClassName("samsara-lookup-message");
        lookupResult.add(message);
        if (result.outcome() == SamsaraIdLookup.Outcome.FOUND) {
            samsaraId.setValue(result.samsaraId());
        }
        if (!result.suggestions().isEmpty()) {
            VerticalLayout suggestions = new VerticalLayout();
            suggestions.setPadding(false);
            suggestions.setSpacing(false);
            for (SamsaraIdLookup.Suggestion s : result.suggestions()) {
                Button use = new Button("Use " + s.vehicle().describe(),
                        e -> samsaraId.setValue(s.vehicle().samsaraId()));
                use.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                use.setEnabled(s.linkedTo() == null);
                Span why = new Span(s.reason() + (s.linkedTo() == null ? "" : "; already linked to " + s.linkedTo()));
                why.getStyle().set("font-size", "var(--lumo-font-size-s)");
                suggestions.add(new Div(use, why));
            }
            lookupResult.add(suggestions);
        }
    }

    private void save() {
        formError.setText("");
        try {
            binder.writeBean(details);
        } catch (ValidationException e) {
            return;
        }
        // a new Samsara ID is checked with Samsara before the save: in the background, like the magnifier
        asking.show("Saving; checking the Samsara ID with Samsara…");
        answer.await(service.saveInBackground(details), this::saved, this::notSaved);
    }

    private void saved(ApparatusDetails saved) {
        Notifications.success(saved.getUnitName() + " saved.");
        close();
        onChange.run();
    }

    private void notSaved(Throwable error) {
        if (error instanceof ChangedMeanwhileException e) {
            Notifications.error(e.getMessage());
            formError.setText(e.getMessage());
            reload();
        } else if (error instanceof ApparatusRefusedException e) {
            HasValidation field = e.field() == null ? null : fieldsByProperty.get(e.field());
            if (field != null) {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
            formError.setText(e.getMessage());
        } else if (error instanceof IllegalStateException busy) {
            formError.setText(busy.getMessage());
        } else {
            log.warn("Saving an apparatus failed unexpectedly: {}", error.getClass().getName());
            formError.setText("Saving failed unexpectedly; nothing was saved. Try again; if it keeps failing, tell "
                    + "your Client Success Manager.");
        }
    }

    private void reload() {
        String message = formError.getText();
        if (details.isNew()) {
            return;
        }
        try {
            load(service.details(details.getId()));
            formError.setText(message);
        } catch (ApparatusRefusedException gone) {
            Notifications.error(gone.getMessage());
            close();
            onChange.run();
        }
    }

    private void confirmDelete() {
        Confirmation.ask("Delete " + details.getUnitName() + "?", "Delete " + details.getUnitName()
                        + " and its synced values? This cannot be undone.", "Delete " + details.getUnitName(),
                () -> {
                    try {
                        service.delete(details.getId(), details.getVersion());
                        Notifications.success(details.getUnitName() + " deleted.");
                        close();
                        onChange.run();
                    } catch (ChangedMeanwhileException e) {
                        Notifications.error(e.getMessage());
                        formError.setText(e.getMessage());
                        reload();
                    } catch (ApparatusRefusedException e) {
                        Notifications.error(e.getMessage());
                        close();
                        onChange.run();
                    }
                });
    }
}
