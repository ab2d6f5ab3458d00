package com.rigsync.integration.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rigsync.base.ui.BackgroundAnswer;
import com.rigsync.base.ui.Confirmation;
import com.rigsync.integration.ConnectOutcome;
import com.rigsync.integration.PendingConnection;
import com.rigsync.integration.SamsaraOAuthService;
import com.rigsync.security.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Where Samsara sends the browser back after its authorize page ({@code /samsara/oauth/callback}, the redirect URI
 * registered for RigSync's app). A plain GET that opens a view like any other: no form post, so no CSRF token is
 * involved; the random {@code state} is the CSRF check, matched against the request this browser session started.
 * The code exchange runs in the background; the page says it is connecting, then lands on Settings or explains
 * what went wrong.
 */
@Route("samsara/oauth/callback")
@PageTitle("Connecting with Samsara | RigSync")
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.DATA_MANAGER_NAME})
public class OAuthCallbackView extends VerticalLayout implements BeforeEnterObserver {

    static final String CONNECTING = "Connecting with Samsara…";
    static final String OPENING_SETTINGS = "Connected with Samsara. Opening Settings…";
    private static final String SETTINGS = "setup/settings";
    private static final List<String> ANSWER = List.of("state", "code", "scope", "error", "error_description");

    private final transient SamsaraOAuthService oauth;
    private final Paragraph status = new Paragraph(CONNECTING);
    private final Div actions = new Div();
    private final BackgroundAnswer answer;

    OAuthCallbackView(SamsaraOAuthService oauth) {
        this.oauth = oauth;
        addClassName("view");
        status.addClassName("oauth-status");
        add(new H2("Connect with Samsara"), status, actions);
        // the status line already says "Connecting…": there is no other working state to show
        answer = new BackgroundAnswer(this, "Connecting with Samsara", working -> { }, this::refuse);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        Map<String, String> samsarasAnswer = new LinkedHashMap<>();
        for (String name : ANSWER) {
            List<String> values = query.get(name);
            if (values != null && values.size() == 1) {
                samsarasAnswer.put(name, values.getFirst());
            }
        }
        PendingConnection pending = PendingConnections.take(samsarasAnswer.get("state"));
        status.setText(CONNECTING);
        actions.removeAll();
        answer.await(oauth.complete(pending, samsarasAnswer), this::show);
    }

    private void show(ConnectOutcome outcome) {
        switch (outcome) {
            case ConnectOutcome.Connected connected -> {
                status.setText(OPENING_SETTINGS);
                actions.removeAll();
                PendingConnections.showOnSettings(connected.message());
                UI.getCurrent().getPage().setLocation(SETTINGS);
            }
            case ConnectOutcome.Refused refused -> refuse(refused.message());
            case ConnectOutcome.OtherOrganisation other -> {
                String question = "Samsara connected RigSync to " + other.newOrganization() + ", not to "
                        + other.savedOrganization() + ", which your department used before. If you keep this "
                        + "connection, every existing Samsara link of your apparatus is flagged for review (none is "
                        + "removed), and the vehicle list is read again from the new organisation.";
                status.setText(question);
                Runnable ask = () -> Confirmation.ask("A different Samsara organisation", question,
                        "Connect and flag links for review", () -> show(oauth.confirmOrganisationChange(other.grant())));
                Button keep = new Button("Connect and flag links for review", e -> ask.run());
                keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                Button drop = new Button("Do not connect", e -> {
                    actions.removeAll();
                    answer.await(oauth.discard(other.grant()), revoked -> refuse("Nothing was connected"
                            + (revoked ? "; RigSync's access to " + other.newOrganization() + " was revoked at Samsara."
                            : ". Samsara could not be told: revoke the app in that organisation's Samsara dashboard.")));
                });
                actions.removeAll();
                actions.add(new HorizontalLayout(keep, drop));
                ask.run();
            }
        }
    }

    private void refuse(String message) {
        status.setText(message);
        status.addClassName("refused");
        actions.removeAll();
        actions.add(new Button("Back to Settings", e -> UI.getCurrent().navigate(SettingsView.class)));
    }
}
