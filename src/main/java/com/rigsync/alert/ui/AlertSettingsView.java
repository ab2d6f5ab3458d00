package com.rigsync.alert.ui;

import java.util.Map;

import com.rigsync.alert.AlertChoices;
import com.rigsync.alert.AlertKind;
import com.rigsync.alert.Delivery;
import com.rigsync.base.ui.Notifications;
import com.rigsync.people.PeopleService;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.Role;
import com.rigsync.security.SignedInUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * Each person's e-mail address and, per kind, how they get alerts; an administrator also sets the department's
 * defaults (for people who have not chosen) and the daily digest's hour. Linked from every alert mail.
 */
@Route("alerts/settings")
@PageTitle("Alert settings | RigSync")
@PermitAll
public class AlertSettingsView extends VerticalLayout {

    private final transient PeopleService people;
    private final transient AlertChoices choices;
    private final EmailField email = new EmailField("Your e-mail address");

    AlertSettingsView(PeopleService people, AlertChoices choices, CurrentUser currentUser) {
        this.people = people;
        this.choices = choices;
        addClassName("view");
        SignedInUser me = currentUser.require();
        add(new H2("Alert settings"));

        email.setValue(people.myEmail() == null ? "" : people.myEmail());
        email.setHelperText("Where your alerts go. Leave empty to get none by mail.");
        email.setWidth("24em");
        Button saveEmail = new Button("Save address", e -> saveEmail());
        saveEmail.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(email, saveEmail);

        if (me.role() == Role.CLIENT_SUCCESS) {
            add(new Paragraph("Client Success gets one mail a day listing the departments whose Samsara integration "
                    + "needs attention."));
            return;
        }
        add(new H3("How you get each kind"));
        if (me.role() == Role.MEMBER) {
            add(new Paragraph("Members choose fault code and not-reporting alerts; the others go to those who can "
                    + "fix them."));
        }
        FormLayout mine = new FormLayout();
        mine.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        mine.setMaxWidth("50em");
        for (Map.Entry<AlertKind, Delivery> choice : choices.mine().entrySet()) {
            Select<Delivery> delivery = deliverySelect(choice.getKey(), choice.getValue());
            delivery.setId("mine-" + choice.getKey().name().toLowerCase());
            delivery.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    choices.chooseMine(choice.getKey(), e.getValue());
                    Notifications.success(choice.getKey().label() + ": " + e.getValue().label().toLowerCase() + ".");
                }
            });
            mine.add(delivery);
        }
        add(mine, new Paragraph("A daily digest goes out at " + String.format("%02d:00", choices.digestHour())
                + " in your department's time zone."));

        if (me.role() == Role.ADMINISTRATOR) {
            add(new H3("Department defaults"), new Paragraph("For everyone who has not chosen for themselves, "
                    + "new people included. Changes are recorded in the audit log."));
            FormLayout defaults = new FormLayout();
            defaults.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
            defaults.setMaxWidth("50em");
            for (Map.Entry<AlertKind, Delivery> choice : choices.departmentDefaults().entrySet()) {
                Select<Delivery> delivery = deliverySelect(choice.getKey(), choice.getValue());
                delivery.setId("default-" + choice.getKey().name().toLowerCase());
                delivery.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        choices.setDepartmentDefault(choice.getKey(), e.getValue());
                        Notifications.success("Department default saved.");
                    }
                });
                defaults.add(delivery);
            }
            IntegerField hour = new IntegerField("Daily digest hour (0–23, department time)");
            hour.setMin(0);
            hour.setMax(23);
            hour.setStepButtonsVisible(true);
            hour.setValue(choices.digestHour());
            hour.setWidth("18em");
            Button saveHour = new Button("Save digest hour", e -> {
                try {
                    choices.setDigestHour(hour.getValue() == null ? -1 : hour.getValue());
                    Notifications.success("Daily digests go out at " + String.format("%02d:00", hour.getValue())
                            + ".");
                } catch (IllegalArgumentException ex) {
                    hour.setInvalid(true);
                    hour.setErrorMessage(ex.getMessage());
                }
            });
            add(defaults, hour, saveHour);
        }
    }

    private static Select<Delivery> deliverySelect(AlertKind kind, Delivery value) {
        Select<Delivery> delivery = new Select<>();
        delivery.setLabel(kind.label());
        delivery.setItems(Delivery.values());
        delivery.setItemLabelGenerator(Delivery::label);
        delivery.setValue(value);
        return delivery;
    }

    private void saveEmail() {
        try {
            people.changeOwnEmail(email.getValue());
            email.setInvalid(false);
            Notifications.success(email.getValue().isBlank() ? "You will get no alert mail."
                    : "Your alerts go to " + email.getValue().trim() + ".");
        } catch (IllegalArgumentException e) {
            email.setInvalid(true);
            email.setErrorMessage(e.getMessage());
        }
    }
}
