package com.rigsync.people.ui;

import java.util.List;

import com.rigsync.base.ui.Confirmation;
import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.base.ui.Notifications;
import com.rigsync.people.NewAccount;
import com.rigsync.people.PeopleService;
import com.rigsync.people.Person;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.Role;
import com.rigsync.security.SignInThrottle;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Administrators manage their department's people; Client Success staff manage Client Success accounts. The service
 * decides whom each may reach; this screen only offers it.
 */
@Route("users")
@PageTitle("Users | RigSync")
@Menu(title = "Users", order = 6, icon = "vaadin:users")
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.CLIENT_SUCCESS_NAME})
public class UsersView extends VerticalLayout {

    private final transient PeopleService people;
    private final transient DepartmentDisplay preferences;
    private final transient CurrentUser currentUser;
    private final transient SignInThrottle signIns;
    private final Grid<Person> grid = new Grid<>();
    private final H2 title = new H2("Users");
    private transient DisplayPreferences display = DisplayPreferences.CLIENT_SUCCESS;

    UsersView(PeopleService people, DepartmentDisplay preferences, CurrentUser currentUser, SignInThrottle signIns) {
        this.signIns = signIns;
        this.people = people;
        this.preferences = preferences;
        this.currentUser = currentUser;
        addClassName("view");
        setSizeFull();

        Button add = new Button("Add person", VaadinIcon.PLUS.create(), e -> openAddDialog());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(title, add);
        header.setAlignItems(Alignment.BASELINE);

        grid.addColumn(Person::displayName).setHeader("Name").setSortable(true).setFlexGrow(2);
        grid.addColumn(Person::username).setHeader("Username").setSortable(true);
        grid.addColumn(p -> p.role().label()).setHeader("Role").setSortable(true);
        grid.addColumn(this::status).setHeader("Status").setSortable(true);
        grid.addColumn(p -> display.date(p.createdAt())).setHeader("Added");
        grid.addColumn(p -> p.email() == null ? "—" : p.email()).setHeader("E-mail").setSortable(true)
                .setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader("Actions").setKey("actions").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setSizeFull();

        add(header, grid);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        display = preferences.display();
        title.setText(currentUser.require().departmentId() == null ? "Client Success accounts" : "Users");
        refresh();
    }

    private void refresh() {
        grid.setItems(people.people());
    }

    private String status(Person person) {
        if (!person.enabled()) {
            return "Disabled";
        }
        if (signIns.pausedUntil(person.username()).isPresent()) {
            return "Sign-in paused after failed attempts";
        }
        return person.mustChangePassword() ? "Active, must choose a password" : "Active";
    }

    private HorizontalLayout actions(Person person) {
        Button role = new Button("Change role", e -> openRoleDialog(person));
        Button email = new Button("E-mail", e -> openEmailDialog(person));
        Button enable = new Button(person.enabled() ? "Disable" : "Enable", e -> {
            if (person.enabled()) {
                Confirmation.ask("Disable " + person.displayName() + "?",
                        person.displayName() + " will no longer be able to sign in, and any session they have "
                                + "open ends at their next click. You can enable the account again later.",
                        "Yes, disable", () -> run(() -> people.setEnabled(person.id(), false, person.version()),
                                person.displayName() + " is disabled."));
            } else {
                run(() -> people.setEnabled(person.id(), true, person.version()),
                        person.displayName() + " may sign in again.");
            }
        });
        Button reset = new Button("Reset password", e -> Confirmation.ask("Reset " + person.displayName()
                        + "'s password?",
                "Their current password stops working and any session they have open ends. You will see a "
                        + "one-time password to give them; they choose their own at their next sign-in.",
                "Yes, reset", () -> resetPassword(person)));
        boolean self = person.id() == currentUser.require().userId();
        // your own password is changed under Change password, with your current one
        reset.setEnabled(!self);
        role.setEnabled(people.assignableRoles().size() > 1);
        Button lift = new Button("Lift sign-in pause", e -> {
            signIns.liftPause(person.username());
            Notifications.success(person.displayName() + " may sign in again now.");
            refresh();
        });
        // shown only while a pause is in force, so the row stays narrow otherwise
        lift.setVisible(signIns.pausedUntil(person.username()).isPresent());
        for (Button button : List.of(role, email, enable, reset, lift)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        return new HorizontalLayout(role, email, enable, reset, lift);
    }

    private void run(Runnable change, String success) {
        try {
            change.run();
            Notifications.success(success);
        } catch (OptimisticLockingFailureException e) {
            Notifications.error("That person was changed by someone else meanwhile. The list shows them as they "
                    + "are now; try again if it is still needed.");
        } catch (IllegalArgumentException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void resetPassword(Person person) {
        try {
            NewAccount account = people.resetPassword(person.id(), person.version());
            refresh();
            OneTimePasswordDialog.show(person.displayName() + "'s password was reset", account, "the person");
        } catch (OptimisticLockingFailureException e) {
            Notifications.error("That person was changed by someone else meanwhile. The list shows them as they "
                    + "are now; try again if it is still needed.");
            refresh();
        } catch (IllegalArgumentException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void openRoleDialog(Person person) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Change " + person.displayName() + "'s role");
        Select<Role> role = roleSelect();
        role.setValue(person.role());
        dialog.add(role);
        Button save = new Button("Save role", e -> {
            dialog.close();
            run(() -> people.changeRole(person.id(), role.getValue(), person.version()),
                    person.displayName() + " is now " + role.getValue().label() + ".");
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void openEmailDialog(Person person) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(person.displayName() + "'s e-mail address");
        EmailField address = new EmailField("E-mail address");
        address.setValue(person.email() == null ? "" : person.email());
        address.setHelperText("Where their alerts go. Leave empty for none.");
        address.setWidth("24em");
        dialog.add(address);
        Button save = new Button("Save address", e -> {
            try {
                people.changeEmail(person.id(), address.getValue(), person.version());
                dialog.close();
                Notifications.success(person.displayName() + "'s e-mail address is saved.");
                refresh();
            } catch (IllegalArgumentException ex) {
                // keep the dialog open with what was typed, so nothing is lost
                address.setInvalid(true);
                address.setErrorMessage(ex.getMessage());
            } catch (OptimisticLockingFailureException ex) {
                dialog.close();
                Notifications.error("That person was changed by someone else meanwhile. The list shows them as "
                        + "they are now; try again if it is still needed.");
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private Select<Role> roleSelect() {
        Select<Role> role = new Select<>();
        role.setLabel("Role");
        List<Role> roles = people.assignableRoles();
        role.setItems(roles);
        role.setItemLabelGenerator(Role::label);
        role.setValue(roles.getLast());
        return role;
    }

    private void openAddDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add person");
        TextField name = new TextField("Name");
        TextField username = new TextField("Username");
        username.setHelperText("Lower-case letters, digits, dots or dashes, such as jsmith");
        Select<Role> role = roleSelect();
        Div error = new Div();
        error.addClassName("form-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        FormLayout form = new FormLayout(name, username, role);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form, error);

        Button addButton = new Button("Add", e -> {
            try {
                NewAccount created = people.addPerson(username.getValue(), name.getValue(), role.getValue());
                dialog.close();
                refresh();
                OneTimePasswordDialog.show(name.getValue().trim() + " added", created, "the person");
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
            }
        });
        addButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), addButton);
        dialog.open();
        name.focus();
    }
}
