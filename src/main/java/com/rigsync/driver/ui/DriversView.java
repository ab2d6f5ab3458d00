package com.rigsync.driver.ui;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.rigsync.base.ui.BackgroundAnswer;
import com.rigsync.base.ui.Confirmation;
import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.base.ui.Notifications;
import com.rigsync.driver.DriverDirectory;
import com.rigsync.driver.DriverFilter;
import com.rigsync.driver.DriverListing;
import com.rigsync.driver.DriverService;
import com.rigsync.driver.LoginTokenResult;
import com.rigsync.driver.SamsaraDriver;
import com.rigsync.integration.ui.SettingsView;
import com.rigsync.security.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

/**
 * Assets > Setup > Drivers: the drivers of the department's Samsara organisation, searchable and paged, and for
 * administrators "Issue login token". Samsara is asked in the service's background pool, never in the request: the
 * screen says it is loading, and the answer arrives through {@code ui.access} (server push); an answer for a screen
 * the user has left is dropped. The list itself is held once per department by the service and filtered here in
 * memory, so a search costs no Samsara call; the grid fetches only the rows it shows.
 */
@Route("setup/drivers")
@PageTitle("Drivers | RigSync")
@Menu(title = "Assets > Setup > Drivers", order = 4, icon = "vaadin:user-card")
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.DATA_MANAGER_NAME})
public class DriversView extends VerticalLayout {

    static final String LOADING = "Loading drivers…";

    private final transient DriverService service;
    private final transient DepartmentDisplay preferences;
    private final transient Clock clock;
    private DisplayPreferences display = DisplayPreferences.CLIENT_SUCCESS;
    private final TextField search = new TextField();
    private final Select<DriverFilter.Status> status = new Select<>();
    private final Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> load(true));
    private final HorizontalLayout toolbar;
    private final Paragraph working = new Paragraph(LOADING);
    private final Div message = new Div();
    private final Paragraph summary = new Paragraph();
    private final Grid<SamsaraDriver> grid = new Grid<>(SamsaraDriver.class, false);
    private boolean mayIssue;
    private boolean columnsSetUp;
    private DriverDirectory directory;
    private List<SamsaraDriver> shown = List.of();
    private final BackgroundAnswer answer;

    DriversView(DriverService service, DepartmentDisplay preferences, Clock clock) {
        this.service = service;
        this.preferences = preferences;
        this.clock = clock;
        addClassName("view");
        setSizeFull();

        search.setPlaceholder("Name, username, external ID…");
        search.setAriaLabel("Search drivers");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidth("20em");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> applyFilter());
        status.setLabel("Status");
        status.setItems(DriverFilter.Status.values());
        status.setItemLabelGenerator(DriverFilter.Status::label);
        status.setValue(DriverFilter.Status.ACTIVE);
        status.addValueChangeListener(e -> applyFilter());
        refresh.setTooltipText("Read the drivers from Samsara again");
        toolbar = new HorizontalLayout(search, status, refresh);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        working.addClassName("loading");
        working.setVisible(false);
        message.addClassName("drivers-message");
        summary.addClassName("drivers-summary");
        grid.setSizeFull();
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.setPageSize(100);
        add(new H2("Drivers"), toolbar, working, message, summary, grid);
        answer = new BackgroundAnswer(this, "Asking Samsara", this::setWorking, Notifications::error);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        display = preferences.display();
        if (!columnsSetUp) {
            columnsSetUp = true;
            mayIssue = service.mayIssueLoginTokens();
            addColumns();
        }
        load(false);
    }

    private void addColumns() {
        grid.addColumn(SamsaraDriver::name).setHeader("Name").setKey("name").setAutoWidth(true).setFrozen(true);
        grid.addColumn(SamsaraDriver::username).setHeader("Username").setKey("username").setAutoWidth(true);
        grid.addColumn(SamsaraDriver::status).setHeader("Status").setKey("status").setAutoWidth(true);
        grid.addColumn(SamsaraDriver::tagsText).setHeader("Tags").setKey("tags").setAutoWidth(true);
        grid.addColumn(SamsaraDriver::assignedVehicle).setHeader("Assigned vehicle").setKey("vehicle")
                .setAutoWidth(true);
        grid.addColumn(SamsaraDriver::externalIdsText).setHeader("External IDs").setKey("externalIds")
                .setAutoWidth(true);
        if (mayIssue) {
            grid.addComponentColumn(this::issueButton).setHeader("").setKey("actions").setAutoWidth(true)
                    .setFlexGrow(0).setFrozenToEnd(true);
        }
    }

    private Component issueButton(SamsaraDriver driver) {
        if (!driver.active()) {
            return new Span();
        }
        Button issue = new Button("Issue login token", VaadinIcon.KEY.create(), e -> confirmIssue(driver));
        issue.addThemeVariants(ButtonVariant.LUMO_SMALL);
        issue.setEnabled(!answer.waiting());
        return issue;
    }

    private void load(boolean fresh) {
        whileWorking(LOADING, service.listInBackground(fresh), this::show);
    }

    private void show(DriverListing listing) {
        message.removeAll();
        switch (listing) {
            case DriverListing.Loaded loaded -> {
                directory = loaded.directory();
                toolbar.setVisible(true);
                grid.setVisible(true);
                summary.setVisible(true);
                applyFilter();
            }
            case DriverListing.NotEntitled notEntitled -> {
                note(notEntitled.message(), "paid");
                toolbar.setVisible(false);
                hideList();
            }
            case DriverListing.NotConnected notConnected -> {
                Paragraph note = note(notConnected.message(), "not-connected");
                note.add(new Span(" "), new RouterLink("Open Setup > Settings", SettingsView.class));
                toolbar.setVisible(false);
                hideList();
            }
            case DriverListing.Failed failed -> {
                // Refresh stays, to try again; a list shown before stays too, marked by the error above it
                note(failed.message(), "error");
                toolbar.setVisible(true);
                if (directory == null) {
                    hideList();
                }
            }
        }
    }

    private Paragraph note(String text, String kind) {
        Paragraph note = new Paragraph(text);
        note.addClassNames("note", kind);
        message.add(note);
        return note;
    }

    private void hideList() {
        grid.setVisible(false);
        summary.setVisible(false);
    }

    private void applyFilter() {
        if (directory == null) {
            return;
        }
        DriverFilter filter = new DriverFilter(search.getValue(), status.getValue());
        shown = directory.matching(filter);
        List<SamsaraDriver> rows = shown;
        grid.setItems(query -> rows.stream().skip(query.getOffset()).limit(query.getLimit()), query -> rows.size());
        summary.setText(summaryText(rows.size()));
    }

    private String summaryText(int count) {
        int total = directory.drivers().size();
        String listed = "listed from Samsara " + display.dateTime(directory.listedAt())
                + (directory.tagFiltered() ? ", limited to your department's Samsara tags" : "");
        return (count == total ? total + (total == 1 ? " driver" : " drivers")
                : count + " of " + total + " drivers") + " (" + listed + ")";
    }

    private void confirmIssue(SamsaraDriver driver) {
        Confirmation.ask("Issue a login token for " + driver.label() + "?",
                "Samsara issues a short-lived login token for this driver. RigSync shows it once, with the code it "
                        + "works with, and keeps neither. Hand both to the driver only.",
                "Issue login token", () -> issue(driver));
    }

    private void issue(SamsaraDriver driver) {
        whileWorking("Issuing a login token for " + driver.label() + "…",
                service.issueLoginTokenInBackground(driver.id()), result -> {
                    switch (result) {
                        case LoginTokenResult.Issued issued ->
                                new LoginTokenDialog(issued.token(), clock, display).open();
                        case LoginTokenResult.Refused refused -> Notifications.error(refused.message());
                    }
                });
    }

    /** Shows {@code what} runs (Refresh and the issue buttons disabled) until {@code call} answers. */
    private <T> void whileWorking(String what, CompletableFuture<T> call, Consumer<T> apply) {
        working.setText(what);
        answer.await(call, apply);
    }

    private void setWorking(boolean running) {
        if (!running) {
            working.setText(LOADING);
        }
        working.setVisible(running);
        refresh.setEnabled(!running);
        if (directory != null) {
            // the issue buttons follow the answer awaited
            grid.getDataProvider().refreshAll();
        }
    }
}
