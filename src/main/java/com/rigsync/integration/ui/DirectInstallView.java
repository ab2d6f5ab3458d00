package com.rigsync.integration.ui;

import com.rigsync.base.ui.Confirmation;
import com.rigsync.base.ui.Notifications;
import com.rigsync.integration.InstallPage;
import com.rigsync.integration.Region;
import com.rigsync.integration.SamsaraOAuthService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * The Direct Install URL of RigSync's Samsara app ({@code /samsara/install}): an install started from the Samsara
 * dashboard lands here. Anyone signed in may open it (an anonymous visitor signs in first and comes back); an
 * administrator or data manager sees which department would be connected and its connection now, and starts the
 * connection only by choosing Connect with Samsara. Not in the navigation.
 */
@Route("samsara/install")
@PageTitle("Connect RigSync with Samsara | RigSync")
@PermitAll
public class DirectInstallView extends VerticalLayout {

    private final transient SamsaraOAuthService oauth;

    DirectInstallView(SamsaraOAuthService oauth) {
        this.oauth = oauth;
        addClassName("view");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        removeAll();
        add(new H2("Connect RigSync with Samsara"));
        switch (oauth.installPage()) {
            case InstallPage.Refused refused -> note(refused.message(), "refused");
            case InstallPage.NotEntitled paid -> note(paid.message(), "paid");
            case InstallPage.Ready ready -> ready(ready);
        }
    }

    private void note(String text, String className) {
        Paragraph note = new Paragraph(text);
        note.addClassNames("note", className);
        add(note, new Button("Back to RigSync", e -> UI.getCurrent().navigate("")));
    }

    private void ready(InstallPage.Ready ready) {
        Paragraph department = new Paragraph("Department: " + ready.departmentName());
        department.addClassName("install-department");
        Paragraph current = new Paragraph("Current Samsara connection: " + ready.currentConnection());
        current.addClassName("install-current");
        Paragraph explain = new Paragraph("Connect with Samsara sends you to Samsara to sign in and allow RigSync "
                + "to read your organisation's vehicles. "
                + (ready.replacesToken() ? "The connection replaces the saved API token." : ""));
        Select<Region> region = new Select<>();
        region.setLabel("Region");
        region.setItemLabelGenerator(Region::label);
        region.setItems(ready.regions());
        ready.regions().stream().filter(r -> r.key().equals(ready.regionKey())).findFirst()
                .ifPresent(region::setValue);
        Runnable start = () -> {
            try {
                PendingConnections.keepAndGo(oauth.begin(region.getValue() == null ? null : region.getValue().key()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                Notifications.error(e.getMessage());
            }
        };
        Button connect = new Button("Connect with Samsara", e -> {
            if (ready.replacesToken()) {
                Confirmation.ask("Replace the token with a Samsara connection?", "Your department's connection now: "
                        + ready.currentConnection() + ". Connecting with Samsara replaces it once the connection is "
                        + "made.", "Connect with Samsara", start);
            } else {
                start.run();
            }
        });
        connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> UI.getCurrent().navigate(""));
        add(department, current, explain, region, new HorizontalLayout(connect, cancel));
    }
}
