package com.rigsync.alert.ui;

import java.util.List;

import com.rigsync.alert.AlertKind;
import com.rigsync.alert.AlertService;
import com.rigsync.alert.AlertSummary;
import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.security.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;

/** The department's open and recently resolved alerts, each with its history: opened, mailed to whom, resolved. */
@Route("alerts")
@PageTitle("Alerts | RigSync")
@Menu(title = "Alerts", order = 5.5, icon = "vaadin:bell")
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.DATA_MANAGER_NAME, Role.MEMBER_NAME})
public class AlertsView extends VerticalLayout {

    private static final String OPEN = "Open";
    private static final String RECENT = "Open and resolved in the last 7 days";

    private final transient AlertService alerts;
    private final transient DepartmentDisplay preferences;
    private final Select<String> shown = new Select<>();
    private final Select<AlertKind> kind = new Select<>();
    private final Paragraph waiting = new Paragraph();
    private final Div list = new Div();
    private DisplayPreferences display;

    AlertsView(AlertService alerts, DepartmentDisplay preferences, com.rigsync.security.CurrentUser currentUser) {
        this.alerts = alerts;
        this.preferences = preferences;
        addClassName("view");
        shown.setLabel("Show");
        shown.setItems(OPEN, RECENT);
        shown.setValue(RECENT);
        shown.setWidth("22em");
        kind.setLabel("Kind");
        // each role filters by the kinds it may see
        kind.setItems(com.rigsync.alert.AlertChoices.kindsFor(currentUser.require().role()));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption("Every kind");
        kind.setItemLabelGenerator(k -> k == null ? "Every kind" : k.label());
        kind.setWidth("22em");
        shown.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(shown, kind, new RouterLink("Alert settings",
                AlertSettingsView.class));
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        waiting.setId("alert-mail-waiting");
        waiting.addClassName("note");
        waiting.addClassName("paused");
        list.setId("alert-list");
        list.setWidthFull();
        add(new H2("Alerts"), new Paragraph("What needs someone's attention. An alert opens when its condition "
                + "starts, is mailed once to the people who chose it, and resolves by itself when the condition "
                + "ends."), filters, waiting, list);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        display = preferences.display();
        refresh();
    }

    private void refresh() {
        if (display == null) {
            return;
        }
        waiting.setVisible(false);
        alerts.mailWaiting().ifPresent(text -> {
            waiting.setText(text);
            waiting.setVisible(true);
        });
        list.removeAll();
        List<AlertSummary> found = alerts.alerts(OPEN.equals(shown.getValue()), kind.getValue());
        if (found.isEmpty()) {
            list.add(new Paragraph(OPEN.equals(shown.getValue()) ? "No open alerts." : "No alerts in the last 7 days."));
        }
        for (AlertSummary alert : found) {
            list.add(item(alert));
        }
    }

    private Details item(AlertSummary alert) {
        Span state = new Span(alert.open() ? "Open" : "Resolved");
        state.getElement().getThemeList().add(alert.open() ? "badge error" : "badge success");
        Span title = new Span(alert.kind().label() + " · " + alert.subjectName());
        title.getStyle().set("font-weight", "600");
        Span when = new Span(display.dateTime(alert.openedAt()));
        when.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout summary = new HorizontalLayout(state, title, when);
        summary.setAlignItems(Alignment.BASELINE);
        summary.setWrap(true);

        UnorderedList history = new UnorderedList();
        history.add(new ListItem("Opened " + display.dateTime(alert.openedAt())));
        if (alert.mails().isEmpty()) {
            history.add(new ListItem("Mailed to nobody: nobody with an e-mail address chose this kind"));
        }
        for (AlertSummary.MailLine mail : alert.mails()) {
            history.add(new ListItem(mailLine(mail)));
        }
        if (!alert.open()) {
            history.add(new ListItem("Resolved " + display.dateTime(alert.resolvedAt())));
        }
        Div body = new Div(new Paragraph(alert.detail()),
                new Anchor(alert.fixPath(), "Fix it on " + alert.kind().fixedOn()), history);
        Details details = new Details(summary, body);
        details.setWidthFull();
        details.addClassName("alert-item");
        return details;
    }

    private String mailLine(AlertSummary.MailLine mail) {
        String what = "RESOLVED".equals(mail.purpose()) ? "Resolved mail to " : "Mailed to ";
        return switch (mail.status()) {
            case "SENT", "DIGESTED" -> what + mail.recipient() + ("DIGESTED".equals(mail.status())
                    ? " (in the daily digest)" : " " + display.dateTime(mail.sentAt()));
            case "HELD" -> what + mail.recipient() + ": waits for the daily digest";
            case "FAILED" -> what + mail.recipient() + ": failed. " + mail.lastError()
                    + ". Correct the address under Users (or Alert settings) for the next alert.";
            default -> what + mail.recipient() + ": waiting to be sent"
                    + (mail.lastError() == null ? "" : " (" + mail.lastError() + ", tried " + mail.attempts()
                    + " time(s); it is tried again by itself)");
        };
    }
}
