package com.rigsync.integration.ui;

import com.rigsync.integration.ConnectionTestReport;
import com.rigsync.integration.EndpointCheck;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/** Settings' "Test connection" report: the verdict, the organisation, each endpoint, the vehicles the token sees. */
final class ConnectionTestResults extends Div {

    ConnectionTestResults() {
        addClassName("connection-test");
    }

    /** Shows {@code report}; {@code tagsChosen} says whether the vehicle count is limited by the tag filter. */
    void show(ConnectionTestReport report, boolean tagsChosen) {
        removeAll();
        add(new H3("Test connection"));
        Paragraph verdict = new Paragraph(switch (report.verdict()) {
            case OK -> "The connection works.";
            case REFUSED -> "The token does not work: " + report.reason() + ".";
            case UNREACHABLE -> "Samsara could not be reached: " + report.reason();
        });
        verdict.addClassName("verdict");
        add(verdict);
        if (report.organizationId() != null) {
            add(new Paragraph("Organisation: " + report.organizationName() + " (id " + report.organizationId() + ")"));
        }
        UnorderedList endpoints = new UnorderedList();
        endpoints.addClassName("endpoint-checks");
        for (EndpointCheck check : report.checks()) {
            endpoints.add(new ListItem(check.name() + ": " + check.message()));
        }
        add(endpoints);
        if (report.vehicleCount() != null) {
            add(new Paragraph("The token sees " + report.vehicleCount() + " vehicles"
                    + (tagsChosen ? " with the chosen tags." : ".")));
        }
        add(new Paragraph("Round trip: " + report.roundTripMillis() + " ms"));
        if (report.warning() != null) {
            Paragraph warning = new Paragraph(report.warning());
            warning.addClassName("warning");
            add(warning);
        }
    }
}
