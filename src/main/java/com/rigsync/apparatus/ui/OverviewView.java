package com.rigsync.apparatus.ui;

import java.util.List;

import com.rigsync.apparatus.ApparatusStatus;
import com.rigsync.apparatus.FleetCondition;
import com.rigsync.apparatus.FleetOverview;
import com.rigsync.apparatus.FleetStatus;
import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.base.ui.MainLayout;
import com.rigsync.department.DepartmentService;
import com.rigsync.integration.IntegrationState;
import com.rigsync.integration.IntegrationStatus;
import com.rigsync.integration.PaidFeature;
import com.rigsync.integration.SyncSummary;
import com.rigsync.integration.ui.SettingsView;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.Role;
import com.rigsync.security.SignedInUser;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;

/**
 * Where a department's people land after signing in: their fleet at a glance from the synced data. Every figure
 * opens the apparatus grid filtered to exactly the apparatus it counts. Without the paid integration or a
 * connection it says what the integration would bring and who can switch it on. Client Success staff, who belong to
 * no department, are sent to their first screen.
 */
@Route("")
@PageTitle("Overview | RigSync")
@Menu(title = "Assets > Overview", order = 0, icon = "vaadin:home")
@PermitAll
public class OverviewView extends VerticalLayout implements BeforeEnterObserver {

    /** How many out-of-service apparatus the tile names. */
    private static final int REASONS_SHOWN = 5;

    private final transient FleetStatus fleetStatus;
    private final transient IntegrationStatus integration;
    private final transient DepartmentService departments;
    private final transient DepartmentDisplay preferences;
    private final transient CurrentUser currentUser;

    OverviewView(FleetStatus fleetStatus, IntegrationStatus integration, DepartmentService departments,
                 DepartmentDisplay preferences, CurrentUser currentUser) {
        this.fleetStatus = fleetStatus;
        this.integration = integration;
        this.departments = departments;
        this.preferences = preferences;
        this.currentUser = currentUser;
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SignedInUser user = currentUser.require();
        if (user.departmentId() == null) {
            // the layout's menu leaves this page out for them; their first screen is their home
            MainLayout.screens(currentUser).stream().findFirst()
                    .ifPresent(first -> event.forwardTo(first.menuClass()));
            return;
        }
        removeAll();
        DisplayPreferences display = preferences.display();
        SyncSummary sync = integration.summary();
        FleetOverview fleet = fleetStatus.overview();
        add(new H2(departments.myDepartment().name()));
        boolean mayConnect = user.role() == Role.ADMINISTRATOR || user.role() == Role.DATA_MANAGER;
        boolean synced = switch (sync.state()) {
            case NOT_ENTITLED, OFF, NOT_CONNECTED -> false;
            default -> true;
        };
        if (synced) {
            add(integrationLine(sync, display, mayConnect), new H3("Needs attention"), conditionTiles(fleet));
        } else {
            add(whatTheIntegrationBrings(sync.state(), mayConnect));
        }
        add(new H3("Status"), statusTiles(fleet));
    }

    private Div conditionTiles(FleetOverview fleet) {
        int notReportingHours = fleet.thresholds().notReportingHours();
        return tiles(
                condition(fleet, FleetCondition.WARNING_LAMPS, "Warning lamp on")
                        .detail("Check engine (MIL), stop or protect lamp"),
                condition(fleet, FleetCondition.ACTIVE_FAULTS, "Active fault codes"),
                condition(fleet, FleetCondition.NOT_REPORTING, "Not reporting")
                        .detail("No reading for " + notReportingHours + (notReportingHours == 1 ? " hour" : " hours")),
                condition(fleet, FleetCondition.LOW_FUEL, "Low fuel")
                        .detail("Below " + fleet.thresholds().lowFuelPercent() + " %"),
                condition(fleet, FleetCondition.NEEDS_REVIEW, "Waiting for review")
                        .detail(plural(fleet.flaggedLinks(), "flagged Samsara link") + ", "
                                + plural(fleet.readingsToReview(), "apparatus") + " with a flagged meter reading"));
    }

    private Div statusTiles(FleetOverview fleet) {
        FleetTile outOfService = status(fleet, ApparatusStatus.OUT_OF_SERVICE, "Out of service", true);
        List<FleetOverview.OutOfService> listed = fleet.outOfService();
        listed.stream().limit(REASONS_SHOWN).forEach(a -> outOfService.detail(a.unitName() + ": " + a.reason()));
        int more = fleet.count(ApparatusStatus.OUT_OF_SERVICE) - Math.min(listed.size(), REASONS_SHOWN);
        if (more > 0) {
            outOfService.detail("and " + more + " more");
        }
        return tiles(status(fleet, ApparatusStatus.IN_SERVICE, "In service", false), outOfService,
                status(fleet, ApparatusStatus.RESERVE, "Reserve", false));
    }

    private static FleetTile condition(FleetOverview fleet, FleetCondition condition, String what) {
        return new FleetTile("tile-" + condition.key(), fleet.count(condition), what,
                ApparatusView.filteredBy(condition), true);
    }

    private static FleetTile status(FleetOverview fleet, ApparatusStatus status, String what, boolean alerting) {
        return new FleetTile("tile-" + status.name().toLowerCase().replace('_', '-'), fleet.count(status), what,
                ApparatusView.filteredBy(status), alerting);
    }

    private static Div tiles(FleetTile... tiles) {
        Div row = new Div(tiles);
        row.addClassName("fleet-tiles");
        return row;
    }

    /** The integration's health and when the data was last brought up to date. */
    private static Div integrationLine(SyncSummary sync, DisplayPreferences display, boolean mayConnect) {
        Div line = new Div();
        line.setId("overview-integration");
        line.addClassName("note");
        if (sync.state().paused()) {
            line.addClassName("paused");
        }
        line.add(new Paragraph("Samsara: " + sync.state().label() + " · last successful sync "
                + (sync.lastSuccess() == null ? "never" : display.dateTime(sync.lastSuccess()))));
        if (sync.state().paused()) {
            line.add(new Paragraph(mayConnect
                    ? "Syncs are paused until the Samsara connection is fixed; the figures below may be out of date."
                    : "Syncs are paused until an administrator or data manager fixes the Samsara connection; the "
                    + "figures below may be out of date."));
            if (mayConnect) {
                line.add(new RouterLink("Open Setup > Settings", SettingsView.class));
            }
        }
        return line;
    }

    /** Before the department is connected: what the integration would show here, and who can switch it on. */
    private static Div whatTheIntegrationBrings(IntegrationState state, boolean mayConnect) {
        Div note = new Div();
        note.setId("overview-integration");
        note.addClassName("note");
        note.add(new Paragraph("With the Samsara telematics integration, RigSync keeps odometer, engine hours, "
                + "location, fuel and fault codes current by itself, and this page shows which rigs have a warning "
                + "lamp on, which have not reported, which are low on fuel and which need a look."));
        if (state == IntegrationState.NOT_ENTITLED) {
            note.addClassName("paid");
            note.add(new Paragraph(mayConnect
                    ? "It is a paid feature that is not part of your department's plan. To add it, contact "
                    + PaidFeature.WHOM_TO_ASK + "."
                    : "It is a paid feature that is not part of your department's plan. Your department's "
                    + "administrator can ask " + PaidFeature.WHOM_TO_ASK + " to add it."));
        } else if (mayConnect) {
            note.add(new Paragraph("Your department's plan includes it, but Samsara is not connected yet: switch "
                    + "the integration on and connect Samsara under Setup > Settings."));
            note.add(new RouterLink("Open Setup > Settings", SettingsView.class));
        } else {
            note.add(new Paragraph("Your department's plan includes it; an administrator or data manager connects "
                    + "Samsara under Setup > Settings."));
        }
        return note;
    }

    private static String plural(int count, String what) {
        return count + " " + what + (count == 1 || what.endsWith("apparatus") ? "" : "s");
    }
}
