package com.rigsync.clientsuccess.ui;

import java.util.Map;
import java.util.Optional;

import com.rigsync.base.ui.Confirmation;
import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.base.ui.Notifications;
import com.rigsync.department.DepartmentService;
import com.rigsync.department.DepartmentSummary;
import com.rigsync.department.NewDepartment;
import com.rigsync.integration.IntegrationState;
import com.rigsync.integration.IntegrationStatus;
import com.rigsync.integration.SyncSummary;
import com.rigsync.security.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.OptimisticLockingFailureException;

/** Client Success: the departments, their paid Samsara entitlement, and creating a department. */
@Route("departments")
@PageTitle("Departments | RigSync")
@Menu(title = "Departments", order = 5, icon = "vaadin:building")
@RolesAllowed(Role.CLIENT_SUCCESS_NAME)
public class DepartmentsView extends VerticalLayout {

    private final transient DepartmentService departments;
    private final transient DepartmentDisplay preferences;
    private final transient IntegrationStatus sync;
    private final Grid<DepartmentSummary> grid = new Grid<>();
    /** Each department's integration state and last successful sync, read with the list. */
    private transient Map<Long, SyncSummary> syncs = Map.of();
    private transient DisplayPreferences display = DisplayPreferences.CLIENT_SUCCESS;

    DepartmentsView(DepartmentService departments, DepartmentDisplay preferences, IntegrationStatus sync) {
        this.departments = departments;
        this.preferences = preferences;
        this.sync = sync;
        addClassName("view");
        setSizeFull();

        Button create = new Button("Create department", VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2("Departments"), create);
        header.setAlignItems(Alignment.BASELINE);

        grid.addColumn(DepartmentSummary::name).setHeader("Department").setSortable(true).setFlexGrow(2);
        grid.addColumn(d -> d.samsaraEntitled() ? "Included" : "Not included")
                .setHeader("Samsara integration").setSortable(true);
        grid.addColumn(DepartmentSummary::userCount).setHeader("Users").setSortable(true);
        grid.addColumn(d -> healthOf(d).map(h -> h.state().label()).orElse(""))
                .setHeader("Integration health").setKey("health").setAutoWidth(true);
        grid.addColumn(d -> healthOf(d).map(SyncSummary::lastSuccess).map(display::dateTime)
                        .orElse(healthOf(d).filter(h -> h.state() != IntegrationState.NOT_ENTITLED).isPresent()
                                ? "never" : ""))
                .setHeader("Last successful sync").setKey("lastSync").setAutoWidth(true);
        grid.addColumn(d -> display.date(d.createdAt())).setHeader("Created");
        grid.addComponentColumn(this::entitlementButton).setHeader("Plan").setKey("plan").setAutoWidth(true);
        grid.setSizeFull();

        add(header, grid);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        display = preferences.display();
        refresh();
    }

    private void refresh() {
        syncs = sync.departments();
        grid.setItems(departments.departments());
    }

    private Optional<SyncSummary> healthOf(DepartmentSummary department) {
        return Optional.ofNullable(syncs.get(department.id()));
    }

    private Button entitlementButton(DepartmentSummary department) {
        boolean entitled = department.samsaraEntitled();
        Button button = new Button(entitled ? "Remove Samsara" : "Include Samsara", e -> {
            if (entitled) {
                Confirmation.ask("Remove the Samsara integration?",
                        "Remove the paid Samsara integration from " + department.name() + "'s plan? Their sync "
                                + "and Samsara lookups stop. Their saved Samsara connection is kept for when the "
                                + "integration comes back.",
                        "Yes, remove Samsara", () -> setEntitlement(department, false));
            } else {
                Confirmation.ask("Include the Samsara integration?",
                        "Include the paid Samsara integration in " + department.name() + "'s plan? Their "
                                + "administrators and data managers can then enable and connect it.",
                        "Yes, include Samsara", () -> setEntitlement(department, true));
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void setEntitlement(DepartmentSummary department, boolean entitled) {
        try {
            departments.setSamsaraEntitlement(department.id(), entitled, department.version());
            Notifications.success(department.name() + ": Samsara integration "
                    + (entitled ? "included." : "removed."));
        } catch (OptimisticLockingFailureException e) {
            Notifications.error(department.name() + " was changed by someone else meanwhile. The list shows "
                    + "its current plan now; try again if it is still needed.");
        } catch (IllegalArgumentException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Create department");
        TextField name = new TextField("Department name");
        name.setPlaceholder("Springfield Fire Rescue");
        TextField adminName = new TextField("First administrator's name");
        TextField adminUsername = new TextField("First administrator's username");
        adminUsername.setHelperText("Lower-case letters, digits, dots or dashes, such as jsmith");
        Div error = new Div();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        FormLayout form = new FormLayout(name, adminName, adminUsername);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form, error);

        Button createButton = new Button("Create", e -> {
            try {
                NewDepartment created = departments.createDepartment(name.getValue(), adminUsername.getValue(),
                        adminName.getValue());
                dialog.close();
                refresh();
                showOneTimePassword(created);
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
            }
        });
        createButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), createButton);
        dialog.open();
        name.focus();
    }

    private void showOneTimePassword(NewDepartment created) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(created.department().name() + " created");
        dialog.setCloseOnOutsideClick(false);
        Div password = new Div(created.administratorPassword().reveal());
        password.addClassName("one-time-password");
        dialog.add(new VerticalLayout(
                new Paragraph("Give these to the department's first administrator. The password is shown only "
                        + "this once; they choose their own at first sign-in."),
                new Paragraph("Username: " + created.administratorUsername()),
                new Paragraph("One-time password:"), password));
        Button done = new Button("I have passed it on", e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
    }
}
