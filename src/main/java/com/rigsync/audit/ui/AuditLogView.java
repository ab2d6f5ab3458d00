package com.rigsync.audit.ui;

import java.io.ByteArrayInputStream;

import com.rigsync.audit.AuditAction;
import com.rigsync.audit.AuditEntry;
import com.rigsync.audit.AuditService;
import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.security.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;

/** The department's audit log, newest first, for its administrators. */
@Route("audit-log")
@PageTitle("Audit log | RigSync")
@Menu(title = "Audit log", order = 8, icon = "vaadin:list")
@RolesAllowed(Role.ADMINISTRATOR_NAME)
public class AuditLogView extends VerticalLayout {

    private final transient AuditService audit;
    private final transient DepartmentDisplay preferences;
    private transient DisplayPreferences display = DisplayPreferences.CLIENT_SUCCESS;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final ComboBox<AuditAction> action = new ComboBox<>("Action");
    private final ComboBox<String> user = new ComboBox<>("User");

    AuditLogView(AuditService audit, DepartmentDisplay preferences) {
        this.audit = audit;
        this.preferences = preferences;
        addClassName("view");
        setSizeFull();

        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(AuditAction::label);
        action.setClearButtonVisible(true);
        action.addValueChangeListener(e -> refresh());
        user.setClearButtonVisible(true);
        user.addValueChangeListener(e -> refresh());

        grid.addColumn(e -> display.dateTime(e.at())).setHeader("When")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(e -> e.action().label()).setHeader("What").setAutoWidth(true);
        grid.addColumn(AuditEntry::target).setHeader("Target");
        grid.addColumn(AuditEntry::detail).setHeader("Detail").setFlexGrow(2);
        grid.setSizeFull();

        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] csv = audit.departmentLogCsv(action.getValue(), user.getValue());
            return new DownloadResponse(new ByteArrayInputStream(csv), "audit-log.csv", "text/csv;charset=UTF-8",
                    csv.length);
        }), "");
        export.add(new Button("Export CSV", VaadinIcon.DOWNLOAD.create()));
        export.getElement().setAttribute("download", true);
        HorizontalLayout filters = new HorizontalLayout(action, user, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Audit log"), filters, grid);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        display = preferences.display();
        user.setItems(audit.departmentActors());
        refresh();
    }

    private void refresh() {
        grid.setItems(audit.departmentLog(action.getValue(), user.getValue()));
    }
}
