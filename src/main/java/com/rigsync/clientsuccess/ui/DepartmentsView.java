package com.rigsync.clientsuccess.ui;

import java.io.ByteArrayInputStream;

import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.base.ui.Notifications;
import com.rigsync.clientsuccess.DepartmentDirectory;
import com.rigsync.clientsuccess.DepartmentFigures;
import com.rigsync.clientsuccess.DepartmentRow;
import com.rigsync.clientsuccess.DepartmentShown;
import com.rigsync.clientsuccess.DepartmentSort;
import com.rigsync.clientsuccess.UsageExport;
import com.rigsync.department.DepartmentService;
import com.rigsync.department.DepartmentSummary;
import com.rigsync.department.NewDepartment;
import com.rigsync.integration.IntegrationState;
import com.rigsync.security.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.OptimisticLockingFailureException;

/** Client Success: the departments, their paid Samsara entitlement, and creating a department. */
@Route("departments")
@PageTitle("Departments | RigSync")
@Menu(title = "Departments", order = 5, icon = "vaadin:building")
@RolesAllowed(Role.CLIENT_SUCCESS_NAME)
public class DepartmentsView extends VerticalLayout {

    private final transient DepartmentService departments;
    private final transient DepartmentDirectory directory;
    private final transient DepartmentDisplay preferences;
    private final Grid<DepartmentRow> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<DepartmentShown> shown = new Select<>();
    private final HorizontalLayout figures = new HorizontalLayout();
    private transient DisplayPreferences display = DisplayPreferences.CLIENT_SUCCESS;

    DepartmentsView(DepartmentService departments, DepartmentDirectory directory, UsageExport usageExport,
                    DepartmentDisplay preferences) {
        this.departments = departments;
        this.directory = directory;
        this.preferences = preferences;
        addClassName("view");
        setSizeFull();

        Button create = new Button("Create department", VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor usage = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = usageExport.csv();
            return new DownloadResponse(new ByteArrayInputStream(csv), "rigsync-usage.csv",
                    "text/csv;charset=UTF-8", csv.length);
        }), "");
        usage.add(new Button("Usage CSV for billing", VaadinIcon.DOWNLOAD.create()));
        usage.getElement().setAttribute("download", true);
        HorizontalLayout header = new HorizontalLayout(new H2("Departments"), create, usage);
        header.setAlignItems(Alignment.BASELINE);
        figures.addClassName("department-figures");

        search.setPlaceholder("Search by name");
        search.setAriaLabel("Search by name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        shown.setAriaLabel("Show");
        shown.setItems(DepartmentShown.values());
        shown.setItemLabelGenerator(DepartmentShown::label);
        shown.setValue(DepartmentShown.ALL);
        shown.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout tools = new HorizontalLayout(search, shown);
        tools.setAlignItems(Alignment.BASELINE);

        grid.addColumn(DepartmentRow::name).setHeader("Department").setKey("name")
                .setSortProperty(DepartmentSort.NAME.name()).setWidth("16rem").setFlexGrow(2);

        grid.addColumn(d -> d.samsaraEntitled() ? "Included" : "Not included").setHeader("Samsara integration")
                .setAutoWidth(true);
        grid.addColumn(DepartmentRow::userCount).setHeader("Users").setAutoWidth(true);
        grid.addColumn(d -> d.state().label()).setHeader("Integration health").setKey("health").setAutoWidth(true);
        grid.addColumn(d -> d.lastSuccess() != null ? display.dateTime(d.lastSuccess())
                        : d.state() == IntegrationState.NOT_ENTITLED ? "" : "never")
                .setHeader("Last successful sync").setKey("lastSync")
                .setSortProperty(DepartmentSort.LAST_SUCCESS.name()).setAutoWidth(true);
        grid.addColumn(d -> display.date(d.createdAt())).setHeader("Created")
                .setSortProperty(DepartmentSort.CREATED.name()).setAutoWidth(true);
        grid.addComponentColumn(this::entitlementButton).setHeader("Plan").setKey("plan").setAutoWidth(true);
        grid.addComponentColumn(d -> DepartmentPageView.link("Open", d.id())).setHeader("Details").setKey("open")
                .setAutoWidth(true);
        grid.setItems(query -> {
            QuerySortOrder order = query.getSortOrders().isEmpty() ? null : query.getSortOrders().getFirst();
            DepartmentSort sort = order == null ? DepartmentSort.NAME : DepartmentSort.valueOf(order.getSorted());
            boolean descending = order != null && order.getDirection() == SortDirection.DESCENDING;
            return directory.page(search.getValue(), shown.getValue(), sort, descending, query.getOffset(),
                    query.getLimit()).stream();
        }, query -> directory.count(search.getValue(), shown.getValue()));
        grid.setSizeFull();

        add(header, figures, tools, grid);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        display = preferences.display();
        refresh();
    }

    private void refresh() {
        DepartmentFigures counts = directory.figures();
        figures.removeAll();
        figures.add(figure("Departments", counts.departments()), figure("Samsara included", counts.entitled()),
                figure("Connected", counts.connected()), figure("Needing attention", counts.needingAttention()));
        grid.getDataProvider().refreshAll();
    }

    private static Div figure(String label, long value) {
        Span number = new Span(String.valueOf(value));
        number.addClassName("figure-value");
        Div figure = new Div(number, new Span(" " + label));
        figure.addClassName("department-figure");
        return figure;
    }

    private Button entitlementButton(DepartmentRow department) {
        Button button = new Button(department.samsaraEntitled() ? "Remove Samsara" : "Include Samsara",
                e -> openEntitlementDialog(department));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void openEntitlementDialog(DepartmentRow department) {
        boolean entitled = department.samsaraEntitled();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(entitled ? "Remove the Samsara integration?" : "Include the Samsara integration?");
        Paragraph what = new Paragraph(entitled
                ? "Remove the paid Samsara integration from " + department.name() + "'s plan? Their sync and "
                + "Samsara lookups stop. Their saved Samsara connection is kept for when the integration comes back."
                : "Include the paid Samsara integration in " + department.name() + "'s plan? Their administrators "
                + "and data managers can then enable and connect it.");
        TextArea reason = new TextArea("Reason");
        reason.setHelperText("The department's administrators see this in their audit log.");
        reason.setMaxLength(500);
        reason.setWidthFull();
        DatePicker effectiveOn = new DatePicker("Switch off on (optional)");
        effectiveOn.setHelperText("For a contract's end; empty switches it off now.");
        effectiveOn.setVisible(entitled);
        Div error = new Div();
        error.addClassName("dialog-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        dialog.add(new VerticalLayout(what, reason, effectiveOn, error));
        dialog.setWidth("32rem");
        Button confirm = new Button(entitled ? "Yes, remove Samsara" : "Yes, include Samsara", e -> {
            try {
                DepartmentSummary changed = departments.changeSamsaraEntitlement(department.id(), !entitled,
                        department.version(), reason.getValue(), effectiveOn.getValue());
                dialog.close();
                Notifications.success(department.name() + ": Samsara integration " + (!entitled ? "included."
                        : changed.samsaraEntitled() ? "to be removed on " + effectiveOn.getValue() + "." : "removed."));
                refresh();
            } catch (OptimisticLockingFailureException ex) {
                dialog.close();
                Notifications.error(department.name() + " was changed by someone else meanwhile. The list shows "
                        + "its current plan now; try again if it is still needed.");
                refresh();
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
        reason.focus();
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
