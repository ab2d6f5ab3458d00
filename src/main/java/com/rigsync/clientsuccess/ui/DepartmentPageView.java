package com.rigsync.clientsuccess.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.base.ui.Notifications;
import com.rigsync.clientsuccess.IntegrationFacts;
import com.rigsync.clientsuccess.IntegrationSupport;
import com.rigsync.department.DepartmentService;
import com.rigsync.department.EntitlementChange;
import com.rigsync.people.DepartmentAdministrator;
import com.rigsync.people.DepartmentHelp;
import com.rigsync.people.NewAccount;
import com.rigsync.people.ui.OneTimePasswordDialog;
import com.rigsync.security.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Client Success's page of one department: how its Samsara integration is connected and runs, the plan's history,
 * and its administrators, to help one back in. Never the token, apparatus records or other people's data.
 */
@Route("departments/:" + DepartmentPageView.ID)
@RolesAllowed(Role.CLIENT_SUCCESS_NAME)
public class DepartmentPageView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "departmentId";

    private final transient IntegrationSupport integration;
    private final transient DepartmentService departments;
    private final transient DepartmentHelp help;
    private final transient DisplayPreferences display = DisplayPreferences.CLIENT_SUCCESS;
    private Long departmentId;
    private String title = "Department | RigSync";

    DepartmentPageView(IntegrationSupport integration, DepartmentService departments, DepartmentHelp help) {
        this.integration = integration;
        this.departments = departments;
        this.help = help;
        addClassName("view");
        addClassName("department-page");
    }

    static RouterLink link(String text, long departmentId) {
        return new RouterLink(text, DepartmentPageView.class, new RouteParameters(ID, String.valueOf(departmentId)));
    }

    /** Reads the department before the layout asks for the page's name, so the breadcrumb ends in its name. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        departmentId = event.getRouteParameters().get(ID).filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf)
                .orElse(null);
        show();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show() {
        removeAll();
        IntegrationFacts facts = departmentId == null ? null : integration.facts(departmentId).orElse(null);
        add(new RouterLink("← Departments", DepartmentsView.class));
        if (facts == null) {
            add(new H2("Department not found"), new Paragraph("There is no such department. It may have been "
                    + "mistyped in the address; open it from the Departments list."));
            return;
        }
        title = facts.departmentName() + " | RigSync";
        add(new H2(facts.departmentName()), integrationSection(facts), chartSection(facts), runsSection(facts),
                entitlementSection(), administratorsSection());
    }

    private Div integrationSection(IntegrationFacts facts) {
        DescriptionList list = facts(
                "Plan", facts.entitled() ? "Samsara integration included" : "Samsara integration not included",
                "Health", facts.state().label() + (facts.stateSince() == null ? ""
                        : " since " + display.dateTime(facts.stateSince())),
                "Connection", facts.connectionKind() == null ? "Not connected" : facts.connectionKind(),
                "Organisation", facts.organisationName(),
                "Token last used", facts.tokenLastUsed() == null ? "Never" : display.dateTime(facts.tokenLastUsed()),
                "Apparatus linked", facts.apparatusLinked() + " linked, " + facts.apparatusNotLinked()
                        + " not linked",
                "Last error", facts.lastError() == null ? "None"
                        : display.dateTime(facts.lastErrorAt()) + ": " + facts.lastError());
        return section("Samsara integration", list);
    }

    private Div chartSection(IntegrationFacts facts) {
        long total = facts.callsPerDay().stream().mapToLong(IntegrationFacts.DayCalls::calls).sum();
        if (total == 0) {
            // an empty chart of thirty zero bars reads as broken; say it instead
            return section("API calls per day, last 30 days",
                    new Paragraph("No calls to Samsara in the last 30 days."));
        }
        Svg chart = new Svg(ApiCallsChart.svg(facts.callsPerDay()));
        chart.addClassName("api-calls-chart");
        chart.getElement().setAttribute("role", "img");
        chart.getElement().setAttribute("aria-label", "Samsara API calls per day over the last 30 days");
        chart.getStyle().set("display", "block").set("width", "100%").set("max-width", "48rem");
        return section("API calls per day, last 30 days",
                new Paragraph(String.format(Locale.US, "%,d calls in 30 days.", total)), chart);
    }

    private Div runsSection(IntegrationFacts facts) {
        Grid<IntegrationFacts.Run> runs = new Grid<>();
        runs.addColumn(r -> display.dateTime(r.startedAt())).setHeader("Started").setAutoWidth(true);
        runs.addColumn(r -> outcome(r.outcome())).setHeader("Outcome").setAutoWidth(true);
        runs.addColumn(r -> r.trigger().equals("MANUAL") ? "By hand" : "Scheduled").setHeader("Started by")
                .setAutoWidth(true);
        runs.addColumn(r -> duration(r.startedAt(), r.finishedAt())).setHeader("Took").setAutoWidth(true);
        runs.addColumn(IntegrationFacts.Run::apiCalls).setHeader("API calls").setAutoWidth(true);
        runs.addColumn(r -> r.error() == null ? "" : r.error()).setHeader("Error").setFlexGrow(3);
        runs.setItems(facts.runs());
        runs.setAllRowsVisible(true);
        runs.addClassName("run-history");
        return section(facts.runs().isEmpty() ? "Run history" : "Run history (latest " + facts.runs().size() + ")",
                facts.runs().isEmpty()
                ? new Paragraph("No sync has run yet.") : runs);
    }

    private Div entitlementSection() {
        Grid<EntitlementChange> history = new Grid<>();
        history.addColumn(c -> display.dateTime(c.requestedAt())).setHeader("When").setAutoWidth(true);
        history.addColumn(c -> c.entitled() ? "Included" : "Removed").setHeader("Change").setAutoWidth(true);
        history.addColumn(c -> c.requestedBy().replaceFirst("^by ", "")).setHeader("By").setAutoWidth(true);
        history.addColumn(EntitlementChange::reason).setHeader("Why").setFlexGrow(3);
        history.addColumn(EntitlementChange::status).setHeader("Status").setAutoWidth(true);
        var changes = departments.entitlementHistory(departmentId);
        history.setItems(changes);
        history.setAllRowsVisible(true);
        history.addClassName("entitlement-history");
        return section("Plan history", changes.isEmpty()
                ? new Paragraph("No plan change recorded yet.") : history);
    }

    private Div administratorsSection() {
        Grid<DepartmentAdministrator> admins = new Grid<>();
        admins.addColumn(DepartmentAdministrator::displayName).setHeader("Administrator").setAutoWidth(true);
        admins.addColumn(DepartmentAdministrator::username).setHeader("Username").setAutoWidth(true);
        admins.addColumn(a -> !a.enabled() ? "Disabled" : a.signInPausedUntil() != null
                ? "Sign-in paused until " + display.dateTime(a.signInPausedUntil()) : "Can sign in")
                .setHeader("Sign-in").setAutoWidth(true);
        admins.addComponentColumn(this::administratorActions).setHeader("Help").setKey("help").setAutoWidth(true);
        admins.setItems(help.administrators(departmentId));
        admins.setAllRowsVisible(true);
        admins.addClassName("administrators");
        Button add = new Button("Add administrator", VaadinIcon.PLUS.create(), e -> openAddAdministrator());
        return section("Administrators", new Paragraph("Each step here shows in the department's audit log as "
                + "done by Client Success."), add, admins);
    }

    private HorizontalLayout administratorActions(DepartmentAdministrator administrator) {
        Button reset = new Button("Reset password", e -> act(() -> {
            NewAccount account = help.resetAdministratorPassword(departmentId, administrator.id(),
                    administrator.version());
            OneTimePasswordDialog.show(administrator.displayName() + "'s new password", account, "the administrator");
        }));
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout actions = new HorizontalLayout(reset);
        if (administrator.signInPausedUntil() != null) {
            Button lift = new Button("Lift sign-in pause", e -> act(() -> {
                help.liftSignInPause(departmentId, administrator.id(), administrator.version());
                Notifications.success(administrator.displayName() + " may sign in again.");
            }));
            lift.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(lift);
        }
        return actions;
    }

    private void act(Runnable step) {
        try {
            step.run();
        } catch (OptimisticLockingFailureException e) {
            Notifications.error("That administrator was changed meanwhile. The page shows them as they are now; "
                    + "try again if it is still needed.");
        } catch (IllegalArgumentException e) {
            Notifications.error(e.getMessage());
        }
        show();
    }

    private void openAddAdministrator() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add administrator");
        TextField name = new TextField("Name");
        TextField username = new TextField("Username");
        username.setHelperText("Lower-case letters, digits, dots or dashes, such as jsmith");
        Div error = new Div();
        error.addClassName("dialog-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        FormLayout form = new FormLayout(name, username);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form, error);
        Button addButton = new Button("Add", e -> {
            try {
                NewAccount account = help.addAdministrator(departmentId, username.getValue(), name.getValue());
                dialog.close();
                show();
                OneTimePasswordDialog.show(name.getValue().trim() + " added", account, "the administrator");
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
            }
        });
        addButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), addButton);
        dialog.open();
        name.focus();
    }

    private static Div section(String heading, Component... content) {
        Div section = new Div(new H3(heading));
        section.add(content);
        section.addClassName("department-section");
        section.setWidthFull();
        return section;
    }

    private static DescriptionList facts(String... labelsAndValues) {
        DescriptionList list = new DescriptionList();
        list.addClassName("department-facts");
        // label and value side by side, so the facts read as one short table
        list.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-l)").set("margin", "0");
        for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
            String value = labelsAndValues[i + 1];
            DescriptionList.Description description = new DescriptionList.Description(
                    value == null || value.isBlank() ? "Not known" : value);
            description.setId("department-fact-" + labelsAndValues[i].toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-"));
            description.getStyle().set("margin", "0");
            DescriptionList.Term term = new DescriptionList.Term(labelsAndValues[i]);
            term.getStyle().set("color", "var(--lumo-secondary-text-color)");
            list.add(term, description);
        }
        return list;
    }

    private static String outcome(String outcome) {
        return switch (outcome) {
            case "SUCCEEDED" -> "Succeeded";
            case "PARTIAL" -> "Partly done";
            case "FAILED" -> "Failed";
            case "INTERRUPTED" -> "Interrupted";
            default -> "Running";
        };
    }

    private static String duration(Instant started, Instant finished) {
        if (finished == null) {
            return "";
        }
        long seconds = Duration.between(started, finished).toSeconds();
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
