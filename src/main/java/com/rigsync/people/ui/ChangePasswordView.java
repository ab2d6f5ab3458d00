package com.rigsync.people.ui;

import com.rigsync.base.ui.Notifications;
import com.rigsync.people.AccountStatus;
import com.rigsync.people.PeopleService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Everyone changes their own password here; people signed in with a one-time password are held here until they do. */
@Route("change-password")
@PageTitle("Change password | RigSync")
@PermitAll
public class ChangePasswordView extends VerticalLayout implements BeforeEnterObserver {

    private final transient PeopleService people;
    private final Paragraph why = new Paragraph();
    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField chosen = new PasswordField("New password");
    private final PasswordField repeated = new PasswordField("New password again");
    private final Div error = new Div();

    ChangePasswordView(PeopleService people) {
        this.people = people;
        addClassName("view");
        chosen.setHelperText("At least 12 characters. A few unrelated words with spaces work well.");
        error.addClassName("form-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        FormLayout form = new FormLayout(current, chosen, repeated);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("28em");
        Button save = new Button("Save new password", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Change password"), why, form, error, save);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean forced = people.myAccountStatus() == AccountStatus.MUST_CHANGE_PASSWORD;
        why.setText(forced
                ? "You signed in with a one-time password. Choose your own password before you continue."
                : "Type your current password, then the new one twice.");
        current.setLabel(forced ? "One-time password" : "Current password");
    }

    private void save() {
        if (!chosen.getValue().equals(repeated.getValue())) {
            error.setText("The two new passwords differ. Type the new password twice, the same both times.");
            return;
        }
        try {
            people.changeOwnPassword(current.getValue(), chosen.getValue());
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            return;
        }
        current.clear();
        chosen.clear();
        repeated.clear();
        error.setText("");
        Notifications.success("Your password is changed. Use it the next time you sign in.");
        UI.getCurrent().navigate("");
    }
}
