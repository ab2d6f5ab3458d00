package com.rigsync.integration.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rigsync.base.ui.BackgroundAnswer;
import com.rigsync.base.ui.Confirmation;
import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.base.ui.Notifications;
import com.rigsync.integration.ConnectionHealth;
import com.rigsync.integration.ConnectionTestReport;
import com.rigsync.integration.EndpointCheck;
import com.rigsync.integration.Region;
import com.rigsync.integration.SamsaraOAuthService;
import com.rigsync.integration.SamsaraSettings;
import com.rigsync.integration.SamsaraSettingsService;
import com.rigsync.integration.SaveResult;
import com.rigsync.integration.SettingsChange;
import com.rigsync.integration.TagChoice;
import com.rigsync.security.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Assets > Setup > Settings: the department's Samsara integration. A saved token is never shown or sent to the
 * browser again; only its last four characters. Samsara calls (Save with a new token, Test connection) run in the
 * service's background pool, never in the request: while one runs, Save and Test connection are disabled and the
 * screen says it is checking; the answer is applied through {@code ui.access} (server push), and an answer that
 * arrives after the user left the screen is dropped.
 */
// not "assets/...": Vaadin serves /assets/** as static resources, and Spring Security answers a signed-in user there
// with an empty 403 before any view is reached
@Route("setup/settings")
@PageTitle("Settings | RigSync")
@Menu(title = "Setup > Settings", order = 2, icon = "vaadin:cog")
@RolesAllowed({Role.ADMINISTRATOR_NAME, Role.DATA_MANAGER_NAME})
public class SettingsView extends VerticalLayout {

    static final String CHECKING = "Checking the token with Samsara…";
    private final transient SamsaraSettingsService service;
    private final transient SamsaraOAuthService oauth;
    private final transient DepartmentDisplay preferences;
    /** The department's time zone for dates on this screen, read when the screen is attached. */
    private DisplayPreferences display = DisplayPreferences.CLIENT_SUCCESS;
    private final Div content = new Div();
    private final Checkbox enabled = new Checkbox("Enable Samsara services integration");
    private final Select<Region> region = new Select<>();
    private final PasswordField token = new PasswordField("Access token");
    private final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>("Samsara tags");
    private final Map<String, String> tagNames = new LinkedHashMap<>();
    private final Div results = new Div();
    private final Paragraph checking = new Paragraph(CHECKING);
    private final Button save = new Button("Save", e -> saveClicked());
    private final Button test = new Button("Test connection", e -> testConnection());
    private SamsaraSettings settings;
    private boolean replacing;
    private final BackgroundAnswer answer;

    SettingsView(SamsaraSettingsService service, SamsaraOAuthService oauth, DepartmentDisplay preferences) {
        this.service = service;
        this.oauth = oauth;
        this.preferences = preferences;
        addClassName("view");
        Span crumbs = new Span("Assets › Setup");
        crumbs.addClassName("breadcrumbs");
        add(crumbs, new H2("Settings"), content);

        region.setLabel("Region");
        region.setItemLabelGenerator(Region::label);
        region.setHelperText("Where your Samsara organisation lives: US (api.samsara.com) or EU (api.eu.samsara.com)");
        token.setRevealButtonVisible(false);
        token.setWidth("28em");
        token.setHelperText("Create an API token in the Samsara dashboard (Settings > API Tokens) with Global Read, "
                + "and paste it here");
        tags.setItemLabelGenerator(id -> tagNames.getOrDefault(id, "Tag " + id));
        tags.setWidth("28em");
        tags.setHelperText("Limit RigSync to vehicles with these Samsara tags; leave empty for every vehicle the "
                + "token sees. Test connection offers the tags of those vehicles.");
        results.addClassName("connection-test");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        checking.addClassName("checking");
        checking.setVisible(false);
        answer = new BackgroundAnswer(this, "The check with Samsara", this::setChecking, Notifications::error);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        display = preferences.display();
        show(service.settings());
        String connected = PendingConnections.takeSettingsMessage();
        if (connected != null) {
            Notifications.success(connected);
        }
    }

    private void show(SamsaraSettings loaded) {
        this.settings = loaded;
        content.removeAll();
        if (!loaded.entitled()) {
            Paragraph paid = new Paragraph("The Samsara integration is a paid feature that is not included in your "
                    + "department's plan. To add it, contact your Client Success Manager.");
            paid.addClassNames("note", "paid");
            content.add(paid);
            return;
        }
        enabled.setValue(loaded.enabled());
        region.setItems(loaded.regions());
        loaded.regions().stream().filter(r -> r.key().equals(loaded.regionKey())).findFirst()
                .ifPresent(region::setValue);
        loaded.tagIds().forEach(id -> tagNames.putIfAbsent(id, "Tag " + id));
        tags.setItems(List.copyOf(tagNames.keySet()));
        tags.setValue(loaded.tagIds());
        token.clear();
        token.setInvalid(false);

        content.add(new VerticalLayout(enabled, region, tokenSection(loaded), tags, status(loaded),
                new HorizontalLayout(save, test), checking, results));
    }

    private Div tokenSection(SamsaraSettings loaded) {
        Div section = new Div();
        section.addClassName("token");
        if (loaded.oauthConnected() && !replacing) {
            var grant = loaded.oauthGrant();
            Paragraph summary = new Paragraph("Connected with Samsara to " + loaded.organizationName() + " (id "
                    + loaded.organizationId() + "). Granted scope: " + (grant.scope() == null ? "not stated"
                    : grant.scope()) + ". Connected by " + grant.connectedBy() + " on "
                    + display.date(grant.connectedAt()) + ".");
            summary.addClassName("oauth-connection");
            section.add(summary);
            if (loaded.health() == ConnectionHealth.RECONNECT_NEEDED) {
                Paragraph reconnect = new Paragraph("Samsara no longer accepts this connection (it was revoked or "
                        + "expired). Sync is paused: connect with Samsara again.");
                reconnect.addClassNames("warning", "reconnect-needed");
                section.add(reconnect);
            }
            Button disconnect = new Button("Disconnect", e -> Confirmation.ask("Disconnect from Samsara?",
                    "RigSync revokes its access at Samsara and forgets the connection. Sync and Samsara lookups "
                            + "stop until someone connects again or saves a token. Your other settings and the "
                            + "Samsara links of your apparatus are kept.",
                    "Disconnect", this::disconnect));
            disconnect.addThemeVariants(ButtonVariant.LUMO_ERROR);
            Button reconnect = new Button("Connect with Samsara again", e -> connect());
            Button useToken = new Button("Use an API token instead", e -> {
                replacing = true;
                show(settings);
            });
            section.add(new HorizontalLayout(reconnect, disconnect, useToken));
        } else if (loaded.tokenSaved() && !replacing) {
            var saved = loaded.savedToken();
            Paragraph summary = new Paragraph("Token saved, ending in …" + saved.last4() + ", saved by "
                    + saved.savedBy() + " on " + display.date(saved.savedAt()));
            summary.addClassName("saved-token");
            Button replace = new Button("Replace", e -> {
                replacing = true;
                show(settings);
            });
            Button remove = new Button("Remove", e -> Confirmation.ask("Remove the access token?",
                    "RigSync stops calling Samsara for your department until a new token is saved. Your other "
                            + "settings and the Samsara links of your apparatus are kept.",
                    "Remove token", this::removeToken));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            HorizontalLayout actions = new HorizontalLayout(replace, remove);
            if (loaded.oauthAvailable()) {
                actions.add(new Button("Connect with Samsara", e -> Confirmation.ask(
                        "Replace the token with a Samsara connection?",
                        "Connecting with Samsara replaces the saved API token ending in …" + saved.last4()
                                + ". You sign in to Samsara and allow RigSync there; the token is forgotten once "
                                + "the connection is made (delete it in the Samsara dashboard if nothing else "
                                + "uses it).",
                        "Connect with Samsara", this::connect)));
            }
            section.add(summary, actions);
        } else {
            section.add(token);
            if (replacing) {
                section.add(new Button("Cancel", e -> {
                    replacing = false;
                    show(settings);
                }));
            } else if (loaded.oauthAvailable()) {
                Paragraph or = new Paragraph("Or connect without a token: sign in to Samsara and allow RigSync.");
                Button connect = new Button("Connect with Samsara", e -> connect());
                connect.addClassName("connect-with-samsara");
                section.add(or, connect);
            }
        }
        return section;
    }

    /** Starts "Connect with Samsara" in the chosen region: the browser goes to Samsara's authorize page. */
    private void connect() {
        Region chosen = region.getValue();
        try {
            PendingConnections.keepAndGo(oauth.begin(chosen == null ? null : chosen.key()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void disconnect() {
        answer.await(oauth.disconnect(), message -> {
            results.removeAll();
            show(service.settings());
            if (message.startsWith("Disconnected")) {
                Notifications.success(message);
            } else {
                Notifications.error(message);
            }
        });
    }

    private void saveClicked() {
        SettingsChange change = change();
        if (settings.oauthConnected() && !token.isEmpty()) {
            Confirmation.ask("Replace the Samsara connection with this token?",
                    "Saving the token disconnects RigSync from Samsara: the connection to "
                            + settings.organizationName() + " is revoked at Samsara and the token is used instead.",
                    "Save token and disconnect", () -> save(change));
        } else {
            save(change);
        }
    }

    private Div status(SamsaraSettings loaded) {
        Div status = new Div();
        status.addClassName("connection-status");
        ConnectionHealth health = loaded.health() == null ? ConnectionHealth.NOT_CONNECTED : loaded.health();
        Paragraph state = new Paragraph("Connection: " + health.label());
        state.addClassName("health-" + health.name().toLowerCase().replace('_', '-'));
        status.add(state);
        if (loaded.organizationId() != null) {
            status.add(new Paragraph("Samsara organisation: " + loaded.organizationName() + " (id "
                    + loaded.organizationId() + ")"));
        }
        if (loaded.tokenSaved() || loaded.oauthConnected()) {
            status.add(new Paragraph("Last used successfully: " + (loaded.lastUsedAt() == null ? "never"
                    : display.dateTime(loaded.lastUsedAt()))));
        }
        return status;
    }

    private SettingsChange change() {
        Region chosen = region.getValue();
        return new SettingsChange(enabled.getValue(), chosen == null ? null : chosen.key(),
                List.copyOf(tags.getSelectedItems()), token.getValue(), false, false, settings.version());
    }

    private void save(SettingsChange change) {
        answer.await(service.saveInBackground(change), result -> saved(change, result));
    }

    private void saved(SettingsChange change, SaveResult result) {
        switch (result) {
            case SaveResult.Saved saved -> {
                replacing = false;
                results.removeAll();
                show(saved.settings());
                Notifications.success(saved.message());
            }
            case SaveResult.Refused refused -> {
                token.clear();
                Notifications.error(refused.reason());
            }
            case SaveResult.SamsaraUnreachable unreachable -> Confirmation.ask("Samsara cannot be reached",
                    unreachable.reason() + " Save the token anyway, marked \"not yet verified\"? RigSync checks it "
                            + "at its first call to Samsara.",
                    "Save as not yet verified", () -> save(change.withSaveUnverified()));
            case SaveResult.OtherOrganisation other -> Confirmation.ask("A different Samsara organisation",
                    "This token belongs to " + other.newOrganization() + ", not to " + other.savedOrganization()
                            + ". If you save it, every existing Samsara link of your apparatus is flagged for "
                            + "review (none is removed), and the vehicle list is read again from the new "
                            + "organisation.",
                    "Save and flag links for review", () -> save(change.withOrganisationChangeConfirmed()));
            case SaveResult.ChangedMeanwhile meanwhile -> {
                Notifications.error(meanwhile.message());
                replacing = false;
                show(service.settings());
            }
        }
    }

    private void removeToken() {
        SaveResult result = service.removeToken(settings.version());
        if (result instanceof SaveResult.Saved saved) {
            replacing = false;
            results.removeAll();
            show(saved.settings());
            Notifications.success(saved.message());
        } else if (result instanceof SaveResult.ChangedMeanwhile meanwhile) {
            Notifications.error(meanwhile.message());
            show(service.settings());
        }
    }

    private void testConnection() {
        Region chosen = region.getValue();
        answer.await(service.testConnectionInBackground(token.getValue(), chosen == null ? null : chosen.key(),
                List.copyOf(tags.getSelectedItems())), this::tested);
    }

    private void setChecking(boolean running) {
        checking.setVisible(running);
        save.setEnabled(!running);
        test.setEnabled(!running);
        content.setEnabled(!running);
    }

    private void tested(ConnectionTestReport report) {
        for (TagChoice tag : report.tags()) {
            tagNames.put(tag.id(), tag.label());
        }
        var selected = tags.getSelectedItems();
        tags.setItems(List.copyOf(tagNames.keySet()));
        tags.setValue(selected);
        showReport(report);
        if (token.isEmpty()) {
            // a test of the saved token updates its health and "last used"
            settings = service.settings();
            replaceStatus(settings);
        }
    }

    private void replaceStatus(SamsaraSettings fresh) {
        content.getChildren().findFirst().ifPresent(layout -> layout.getChildren()
                .filter(c -> c.getClassNames().contains("connection-status")).findFirst()
                .ifPresent(old -> ((VerticalLayout) layout).replace(old, status(fresh))));
    }

    private void showReport(ConnectionTestReport report) {
        results.removeAll();
        results.add(new H3("Test connection"));
        Paragraph verdict = new Paragraph(switch (report.verdict()) {
            case OK -> "The connection works.";
            case REFUSED -> "The token does not work: " + report.reason() + ".";
            case UNREACHABLE -> "Samsara could not be reached: " + report.reason();
        });
        verdict.addClassName("verdict");
        results.add(verdict);
        if (report.organizationId() != null) {
            results.add(new Paragraph("Organisation: " + report.organizationName() + " (id "
                    + report.organizationId() + ")"));
        }
        UnorderedList endpoints = new UnorderedList();
        endpoints.addClassName("endpoint-checks");
        for (EndpointCheck check : report.checks()) {
            endpoints.add(new ListItem(check.name() + ": " + check.message()));
        }
        results.add(endpoints);
        if (report.vehicleCount() != null) {
            results.add(new Paragraph("The token sees " + report.vehicleCount() + " vehicles"
                    + (tags.getSelectedItems().isEmpty() ? "." : " with the chosen tags.")));
        }
        results.add(new Paragraph("Round trip: " + report.roundTripMillis() + " ms"));
        if (report.warning() != null) {
            Paragraph warning = new Paragraph(report.warning());
            warning.addClassName("warning");
            results.add(warning);
        }
    }
}
