package com.rigsync.integration.ui;

import com.rigsync.base.ui.BackgroundAnswer;
import com.rigsync.base.ui.Confirmation;
import com.rigsync.base.ui.DepartmentDisplay;
import com.rigsync.base.ui.DisplayPreferences;
import com.rigsync.base.ui.Notifications;
import com.rigsync.integration.ConnectionTestReport;
import com.rigsync.integration.PaidFeature;
import com.rigsync.integration.Region;
import com.rigsync.integration.SamsaraOAuthService;
import com.rigsync.integration.SamsaraSettings;
import com.rigsync.integration.SamsaraSettingsService;
import com.rigsync.integration.SaveResult;
import com.rigsync.integration.SettingsChange;
import com.rigsync.samsara.TagFilter;
import com.rigsync.security.Role;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
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
@Menu(title = "Assets > Setup > Settings", order = 2, icon = "vaadin:cog")
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
    private final TokenSection token;
    private final TagTree tags = new TagTree();
    private final ConnectionStatus status = new ConnectionStatus();
    private final ConnectionTestResults results = new ConnectionTestResults();
    private final Paragraph checking = new Paragraph(CHECKING);
    private final Button save = new Button("Save", e -> saveClicked());
    private final Button test = new Button("Test connection", e -> testConnection());
    private SamsaraSettings settings;
    private final BackgroundAnswer answer;

    SettingsView(SamsaraSettingsService service, SamsaraOAuthService oauth, DepartmentDisplay preferences) {
        this.service = service;
        this.oauth = oauth;
        this.preferences = preferences;
        addClassName("view");
        add(new H2("Settings"), content);

        region.setLabel("Region");
        region.setItemLabelGenerator(Region::label);
        region.setHelperText("Where your Samsara organisation lives: US (api.samsara.com) or EU (api.eu.samsara.com)");
        // wide enough for the longest region name ("Simulated Samsara (demo)") and its helper text on two lines
        region.setWidth("22em");
        token = new TokenSection(this::connect, this::disconnect, this::removeToken, () -> show(settings));
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
            Paragraph paid = new Paragraph(PaidFeature.NOT_ENTITLED);
            paid.addClassNames("note", "paid");
            content.add(paid);
            return;
        }
        enabled.setValue(loaded.enabled());
        region.setItems(loaded.regions());
        loaded.regions().stream().filter(r -> r.key().equals(loaded.regionKey())).findFirst()
                .ifPresent(region::setValue);
        tags.show(loaded.tagIds(), loaded.parentTagIds());
        token.show(loaded, display);
        status.show(loaded, display);
        content.add(new VerticalLayout(enabled, region, token, tags, status, new HorizontalLayout(save, test),
                checking, results));
    }

    /** Starts "Connect with Samsara" in the chosen region: the browser goes to Samsara's authorize page. */
    private void connect() {
        try {
            PendingConnections.keepAndGo(oauth.begin(regionKey()));
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
        TagFilter chosen = tags.chosen();
        SettingsChange change = new SettingsChange(enabled.getValue(), regionKey(), chosen.tagIds(), token.typed(),
                false, false, settings.version(), chosen.parentTagIds());
        if (settings.oauthConnected() && !token.nothingTyped()) {
            Confirmation.ask("Replace the Samsara connection with this token?",
                    "Saving the token disconnects RigSync from Samsara: the connection to "
                            + settings.organizationName() + " is revoked at Samsara and the token is used instead.",
                    "Save token and disconnect", () -> save(change));
        } else {
            save(change);
        }
    }

    private void save(SettingsChange change) {
        answer.await(service.saveInBackground(change), result -> saved(change, result));
    }

    private void saved(SettingsChange change, SaveResult result) {
        switch (result) {
            case SaveResult.Saved saved -> {
                token.stopReplacing();
                results.removeAll();
                show(saved.settings());
                Notifications.success(saved.message());
            }
            case SaveResult.Refused refused -> {
                token.clearTyped();
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
                token.stopReplacing();
                show(service.settings());
            }
        }
    }

    private void removeToken() {
        SaveResult result = service.removeToken(settings.version());
        if (result instanceof SaveResult.Saved saved) {
            token.stopReplacing();
            results.removeAll();
            show(saved.settings());
            Notifications.success(saved.message());
        } else if (result instanceof SaveResult.ChangedMeanwhile meanwhile) {
            Notifications.error(meanwhile.message());
            show(service.settings());
        }
    }

    private void testConnection() {
        answer.await(service.testConnectionInBackground(token.typed(), regionKey(), tags.chosen()), this::tested);
    }

    private void tested(ConnectionTestReport report) {
        tags.offer(report.tags());
        results.show(report, tags.anyChosen());
        if (token.nothingTyped()) {
            // a test of the saved token updates its health and "last used"
            settings = service.settings();
            status.show(settings, display);
        }
    }

    private String regionKey() {
        Region chosen = region.getValue();
        return chosen == null ? null : chosen.key();
    }

    private void setChecking(boolean running) {
        checking.setVisible(running);
        save.setEnabled(!running);
        test.setEnabled(!running);
        content.setEnabled(!running);
    }
}
